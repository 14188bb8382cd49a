/**
 * The gallery's shared pieces: the course's chapters, every explainer's documented embed (its story id,
 * title and the iframe height that fits without an inner scrollbar), the tags of test stories, and the
 * teaching text that opens each docs page.
 *
 * The story runner (.storybook/test-runner.ts) reads `parameters.embed` of each story and checks it:
 * the embed URL shows the untouched state and fits in `height` px at 960 and 1400 px wide.
 */

/*
 * A test story (a state reached by a play function) carries the tags
 *   tags: ['!dev', '!autodocs', 'test', 'gl-test'],
 * written out in each story (Storybook reads tags statically): still in index.json and run by the
 * test-runner (`test`), but hidden from the sidebar (`!dev`) and from the docs page (`!autodocs`);
 * `gl-test` tells the story runner and the manager that it is not a teaching story.
 */

/** The course's chapters, in course order, as the sidebar shows them. */
export const CHAPTERS = [
  '1 Introduction',
  '2 Definitions',
  '3 Regression',
  '4 Classification',
  '5 Multilayer perceptrons',
  '6 Convolutional networks',
  '7 Applications in seismology',
  '8 Unsupervised learning',
] as const;

/** A course chapter's name. */
export type Chapter = (typeof CHAPTERS)[number];

/**
 * What the embed test checks on the untouched embed page. Keys are CSS selectors; a value of `''` means
 * "must be present", `null` "must be absent", any other string "must be present and contain this text".
 */
export type Untouched = Record<string, string | null>;

/** One explainer's documented embed. */
export interface Embed {
  /** The chapter (the first part of the story title). */
  chapter: Chapter;
  /** The explainer's name in the sidebar (the second part of the story title). */
  name: string;
  /** The iframe's `title` attribute (read by screen readers). */
  title: string;
  /**
   * The iframe height, in px, that fits the explainer without an inner scrollbar at 960 px and wider
   * (the story runner measures it and says the height needed when this is too small).
   */
  height: number;
  /** The state an untouched embed must show (no test step ran). */
  untouched: Untouched;
}

/** Storybook's id of a title or name part: lower case, runs of other characters become one dash. */
export const sanitize = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[ ’–—―′¿'`~!@#$%^&*()_|+\-=?;:'",.<>{}[\]\\/]/gi, '-')
    .replace(/-+/g, '-')
    .replace(/^-+/, '')
    .replace(/-+$/, '');

/** Every explainer's documented embed, in course order. */
export const EMBEDS = {
  'spot-the-seismogram': {
    chapter: '1 Introduction',
    name: 'Spot the seismogram',
    title: 'Can you spot the seismogram?',
    height: 830,
    untouched: { '[data-testid="spectrum"]': null, 'input[type="radio"]:checked': null },
  },
  'data-model-and-loss': {
    chapter: '2 Definitions',
    name: 'Data, model and loss',
    title: 'Data, model and loss',
    height: 650,
    untouched: { '[aria-label^="Intercept b = 3.5"]': '' },
  },
  'learning-types': {
    chapter: '2 Definitions',
    name: 'Types of learning',
    title: 'Definitions: experience, task, performance; vocabulary; types of learning',
    height: 1000,
    untouched: { '[data-testid="status"][data-part="etp"]': '', '[data-testid="verdict"][data-state="learning"]': '' },
  },
  'search-comparison': {
    chapter: '3 Regression',
    name: 'Search comparison',
    title: 'Grid search, random search and gradient descent',
    height: 950,
    untouched: { '[data-testid="grid"][data-count="100"]': '' },
  },
  'loss-landscape': {
    chapter: '3 Regression',
    name: 'Loss landscape',
    title: 'Loss landscape',
    height: 900,
    untouched: { '[data-testid="gd-path"][data-points="1"]': '' },
  },
  'learning-rate': {
    chapter: '3 Regression',
    name: 'Learning rate',
    title: 'Learning rate',
    height: 820,
    untouched: { '[data-testid="run-yours"][data-points="1"]': '' },
  },
  'batch-size': {
    chapter: '3 Regression',
    name: 'Batch size',
    title: 'Batch size',
    height: 900,
    untouched: { '[data-testid="path-full"][data-points="1"]': '' },
  },
  overfitting: {
    chapter: '3 Regression',
    name: 'Overfitting',
    title: 'Overfitting',
    height: 630,
    untouched: { '[data-testid="degree"]': '3' },
  },
  'regularization-paths': {
    chapter: '3 Regression',
    name: 'Regularization paths',
    title: 'Regularisation paths: ridge, lasso and elastic net',
    height: 820,
    untouched: { '[data-testid="status"]': 'Lasso at λ = 1: 8 of 10 weights non-zero' },
  },
  'model-chooser': {
    chapter: '3 Regression',
    name: 'Model chooser',
    title: 'Choosing a model: the scikit-learn cheat sheet',
    height: 1000,
    untouched: { '[data-testid="status"][data-step="0"]': '' },
  },
  'svm-margin': {
    chapter: '4 Classification',
    name: 'SVM margin',
    title: 'SVM: the margin and the hinge loss',
    height: 900,
    untouched: { '[data-testid="status"]': 'Exact (SMO): w = ', '[data-testid="add-area"]': null },
  },
  'kernel-trick': {
    chapter: '4 Classification',
    name: 'Kernel trick',
    title: 'The kernel trick',
    height: 820,
    untouched: { '[data-testid="rotate"][data-rotation="30,25"]': '', '[data-testid="status"]': 'RBF kernel, σ = 1 (γ = 0.5)' },
  },
  'confusion-matrix': {
    chapter: '4 Classification',
    name: 'Confusion matrix',
    title: 'The confusion matrix',
    height: 980,
    untouched: { '[data-testid="matrix"][data-rows="true"]': '', '[data-testid="formulas"][data-role="none"]': '' },
  },
  representation: {
    chapter: '4 Classification',
    name: 'Representation',
    title: 'Representation matters',
    height: 860,
    untouched: { '[data-testid="status"][data-t="0"]': '', '[data-testid="morph"][data-t="0"]': '' },
  },
  'trees-and-forests': {
    chapter: '4 Classification',
    name: 'Trees and forests',
    title: 'Decision trees and random forests',
    height: 980,
    untouched: { '[data-testid="status"][data-mode="tree"][data-grown="9"]': '' },
  },
  manifold: {
    chapter: '4 Classification',
    name: 'Manifold',
    title: 'Natural data live on a manifold',
    height: 980,
    untouched: { '[data-testid="window-plot"][data-view="2d"]': '', '[data-testid="random-images"][data-draw="0"]': '', '[data-testid="digit"][data-shuffled]': null },
  },
  'seismic-classifier': {
    chapter: '4 Classification',
    name: 'Seismic classifier',
    title: 'Volcano-seismic classification: hand-made or learned features?',
    height: 1200,
    untouched: { '[data-testid="cnn-side"][data-state="idle"]': '', '[data-testid="transpose"][aria-pressed="false"]': '' },
  },
  'lidar-classification': {
    chapter: '4 Classification',
    name: 'Lidar classification',
    title: 'Lidar point cloud classification',
    height: 1000,
    untouched: { '[data-testid="rotate"][data-rotation="30,35"]': '', '[data-testid="status"][data-color-by="prediction"]': '' },
  },
  neuron: {
    chapter: '5 Multilayer perceptrons',
    name: 'Neuron',
    title: 'A neuron',
    height: 680,
    untouched: { '[data-testid="status"]': '' },
  },
  xor: {
    chapter: '5 Multilayer perceptrons',
    name: 'XOR',
    title: 'Solving XOR',
    height: 560,
    untouched: { '[data-testid="status"]': 'Input (0, 0)' },
  },
  playground: {
    chapter: '5 Multilayer perceptrons',
    name: 'Playground',
    title: 'Neural network playground',
    height: 1640,
    untouched: { '[data-testid="epoch"]': 'Epoch 0000' },
  },
  backpropagation: {
    chapter: '5 Multilayer perceptrons',
    name: 'Backpropagation',
    title: 'Backpropagation',
    height: 800,
    untouched: { '[data-testid="status"][data-step="0"]': '' },
  },
  'digit-drawing-pad': {
    chapter: '5 Multilayer perceptrons',
    name: 'Digit drawing pad',
    title: 'Draw a digit',
    height: 950,
    untouched: { '[data-testid="pad"][data-strokes="0"]': '' },
  },
  convolution: {
    chapter: '6 Convolutional networks',
    name: 'Convolution',
    title: 'Convolution',
    height: 1230,
    untouched: { '[data-testid="status"][data-position="90"]': '' },
  },
  'feature-maps': {
    chapter: '6 Convolutional networks',
    name: 'Feature maps',
    title: 'What the CNN sees',
    height: 1440,
    untouched: { '[data-testid="status"]': '' },
  },
  'pooling-stride': {
    chapter: '6 Convolutional networks',
    name: 'Pooling and stride',
    title: 'Pooling, stride and padding',
    height: 720,
    untouched: { '[data-testid="status"][data-position="0"][data-out="4"]': '' },
  },
  'parameter-count': {
    chapter: '6 Convolutional networks',
    name: 'Parameter count',
    title: 'Parameters: fully connected against convolution',
    height: 660,
    untouched: { '[data-testid="status"][data-fc="120001000"][data-conv="4864"]': '' },
  },
  seismogram: {
    chapter: '7 Applications in seismology',
    name: 'Seismogram',
    title: 'Seismogram',
    height: 950,
    untouched: { '[data-marker="pP"]': null, '[data-marker="pS"]': null },
  },
  'waveform-features': {
    chapter: '7 Applications in seismology',
    name: 'Waveform features',
    title: 'Waveform features',
    height: 1020,
    untouched: { '[data-testid="event-waveform"][data-class="LP"]': '' },
  },
  'event-detector': {
    chapter: '7 Applications in seismology',
    name: 'Event detector',
    title: 'Detecting and locating earthquakes with a ConvNetQuake-style network',
    height: 1420,
    untouched: { '[data-testid="stream-window"][aria-valuenow="24"]': '', '[data-testid="lambda-runs"]': null },
  },
  'transfer-learning': {
    chapter: '7 Applications in seismology',
    name: 'Transfer learning',
    title: 'Transfer learning: the detector in a new region',
    height: 900,
    untouched: { '[data-testid="transfer-chart"][data-state="empty"]': '', '[data-testid="status"][data-done="false"]': '' },
  },
  'phase-picker': {
    chapter: '7 Applications in seismology',
    name: 'Phase picker',
    title: 'Phase picking with a PhaseNet-style network',
    height: 1200,
    untouched: { '[data-testid="pick-area"][data-phase="P"]': '', '[data-testid="histogram"][data-state="empty"]': '', '[data-pick="myP"]': null },
  },
  'kmeans-stepper': {
    chapter: '8 Unsupervised learning',
    name: 'k-means step by step',
    title: 'k-means, step by step',
    height: 940,
    untouched: { '[data-testid="status"][data-phase="initialise"]': '', '[data-testid="best-of"]': null },
  },
  'pca-explorer': {
    chapter: '8 Unsupervised learning',
    name: 'PCA explorer',
    title: 'Principal component analysis',
    height: 800,
    untouched: { '[data-testid="status"][data-step="1"]': '', '[data-testid="eigen-check"]': null },
  },
  'ica-vs-pca': {
    chapter: '8 Unsupervised learning',
    name: 'ICA against PCA',
    title: 'ICA against PCA: blind source separation',
    height: 1210,
    untouched: { '[aria-label^="Mixing vector a₁ = (1, 0.4)"]': '', '[data-testid="status"][data-converged="true"]': '' },
  },
  dbscan: {
    chapter: '8 Unsupervised learning',
    name: 'DBSCAN step by step',
    title: 'DBSCAN, grown step by step',
    height: 780,
    untouched: { '[data-testid="status"][data-step="0"]': '', '[data-testid="seed"][data-index="0"]': '' },
  },
  'gaussian-mixture-em': {
    chapter: '8 Unsupervised learning',
    name: 'Gaussian mixture EM',
    title: 'Gaussian mixture: EM step by step',
    height: 900,
    untouched: { '[data-testid="status"][data-iteration="0"]': '', '[data-testid="components"][data-k="3"]': '' },
  },
  'kernel-pca-explorer': {
    chapter: '8 Unsupervised learning',
    name: 'Kernel PCA explorer',
    title: 'Kernel PCA against linear PCA',
    height: 720,
    untouched: { '[data-testid="gamma-slider"][aria-valuetext^="γ = 3,"]': '', 'button[aria-pressed="true"]': '' },
  },
  'spectral-steps': {
    chapter: '8 Unsupervised learning',
    name: 'Spectral clustering step by step',
    title: 'Spectral clustering, step by step',
    height: 1100,
    untouched: { '[aria-valuetext="k = 10"]': '', '[role="radio"][aria-checked="true"]': 'Two moons' },
  },
  'clustering-comparison': {
    chapter: '8 Unsupervised learning',
    name: 'Clustering comparison',
    title: 'Clustering: five methods on six data sets',
    height: 1480,
    untouched: { '[data-testid="params-panel"]': null, '[data-testid="status"][data-total="30"]': '' },
  },
  autoencoder: {
    chapter: '8 Unsupervised learning',
    name: 'Autoencoder',
    title: 'An autoencoder on seismic traces',
    height: 1000,
    untouched: { '[data-testid="status"][data-mode="latent"][data-source="shipped"]': '', '[data-testid="back-to-window"]': null, '[data-testid="training"]': null },
  },
} satisfies Record<string, Embed>;

/** An explainer's key in {@link EMBEDS}. */
export type ExplainerKey = keyof typeof EMBEDS;

/** The documented embed story's id: `<chapter>-<name>--default`. */
export const embedId = (key: ExplainerKey): string => {
  const e: Embed = EMBEDS[key];
  return `${sanitize(e.chapter)}-${sanitize(e.name)}--default`;
};

/** The iframe snippet of an explainer's embed, for a gallery hosted at `base`. */
export const embedSnippet = (key: ExplainerKey, base = 'https://your.host/geolearn/'): string => {
  const e: Embed = EMBEDS[key];
  return `<iframe src="${base}iframe.html?id=${embedId(key)}&viewMode=story" width="100%" height="${e.height}" style="border:0" title="${e.title}"></iframe>`;
};

/** The teaching text of a docs page. Markdown: escape `_` and `*` that are maths, not emphasis. */
export interface Teaching {
  /** What to try: the first thing to do with the widget. */
  try: string;
  /** What to notice while doing it. */
  notice: string;
  /** One question to think about. */
  think: string;
  /** The maths and how the widget works, after the teaching text. */
  about: string[];
}

/**
 * Escapes what Markdown would read as emphasis in TeX-like prose (`x_t`, `θ*`, `~`), outside code spans,
 * keeping `**bold**`.
 */
export const escapeTex = (md: string): string =>
  md
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 ? part : part.replace(/[_~]/g, (c) => `\\${c}`).replace(/(?<!\*)\*(?!\*)/g, '\\*')))
    .join('');

/**
 * The docs page's opening text (`parameters.docs.description.component`): what to try, what to notice,
 * one question to think about.
 */
export function teachingDocs(t: Teaching): string {
  return [`**Try.** ${escapeTex(t.try)}`, `**Notice.** ${escapeTex(t.notice)}`, `**Think.** ${escapeTex(t.think)}`].join('\n\n');
}

/** The docs page's text after the explainer (`parameters.docs.about`): the maths, then the embed snippet. */
export function aboutDocs(key: ExplainerKey, t: Teaching): string {
  return [
    ...t.about.map(escapeTex),
    `**Embed it** in slides (the page "Theming and embedding" says more):\n\n\`\`\`html\n${embedSnippet(key)}\n\`\`\``,
  ].join('\n\n');
}

/**
 * The parameters every explainer's meta shares: the embed (read by the story runner) and its docs text,
 * laid out by the docs page in .storybook/preview.tsx: teaching text, explainer, maths, other states, props.
 */
export const explainerParameters = (key: ExplainerKey, t: Teaching) => ({
  embed: { ...EMBEDS[key], id: embedId(key) },
  docs: { description: { component: teachingDocs(t) }, about: aboutDocs(key, t) },
});
