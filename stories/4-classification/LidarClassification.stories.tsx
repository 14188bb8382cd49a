import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { LidarClassification } from '@geolearn/ui';
import { explainerParameters } from '../gallery';

const meta = {
  title: '4 Classification/Lidar classification',
  component: LidarClassification,
  args: { width: 960, height: 520, nPoints: 5000, seed: 0, onValueChange: fn() },
  parameters: explainerParameters('lidar-classification', {
    try: 'Drag the scene (or focus it and press the arrow keys) to turn it. Colour it by "Truth", then by "Errors". Slide "Labelled points" down to 1 %, then up to 50 %, and watch the accuracy and the confusion matrix.',
    notice: 'With a few percent of the points labelled the forest already labels most of the rest right: ground, roofs, crowns and wires have different neighbourhood shapes. Its mistakes sit where shapes mix: roof edges and walls next to trees, the lowest branches, wires near a pylon.',
    think: 'Colour by "planarity r=1", then "planarity r=3": why would one radius not be enough? Which class would you confuse if you had only the height above ground?',
    about: [
      'The course notebook "Lidar point cloud classification": automate the identification of objects in a lidar cloud from a labelled subset (supervised learning, classification, non-linear models, multi-scale features).',
      'The scene is synthetic and seeded (`makeLidarScene` in @geolearn/algorithms): a sloping, rolling ground, buildings with planar roofs and vertical walls, trees whose crowns scatter returns, a power line (pylons and three wires) and isolated returns in the air (noise), about 4 points per m².',
      'For each point and radius r ∈ {1, 2, 3} m, the neighbours within r (found with a k-d tree, not by comparing every pair) give the covariance C; its eigenvalues λ₁ ≥ λ₂ ≥ λ₃ give linearity (λ₁ − λ₂)/λ₁, planarity (λ₂ − λ₃)/λ₁ and sphericity λ₃/λ₁, its normal n (the eigenvector of λ₃) the verticality 1 − |n_z|; with the density and the height above the lowest return nearby, 16 features (`pointFeatures`).',
      "A random forest (scikit-learn's `RandomForestClassifier`, √16 = 4 features tried per split) is trained on the labelled subset and predicts every other point; the features, the training and the prediction run in a Web Worker. The confusion matrix counts the unlabelled points only (rows = true class, as scikit-learn).",
    ],
  }),
} satisfies Meta<typeof LidarClassification>;
export default meta;
type Story = StoryObj<typeof meta>;

/** 5,000 points, 5 % labelled, 30 trees, coloured by the forest's prediction. */
export const Default: Story = {};

/** The truth, the labelled points bold: what the forest is shown. */
export const Truth: Story = { name: 'What the forest is shown', args: { defaultValue: { colorBy: 'truth' } } };

/** One percent labelled, coloured by errors: where the forest goes wrong. */
export const FewLabels: Story = { name: 'One percent labelled: the errors', args: { defaultValue: { trainFraction: 0.01, colorBy: 'errors' } } };

/** Verticality at r = 1 m from the side: walls and pylons stand out. */
export const Verticality: Story = { name: 'Feature: verticality', args: { defaultValue: { colorBy: 'feature', feature: 'verticality r=1', rotation: [30, 15] } } };

/** Linearity at r = 1 m: the wires and pylons are lines. */
export const Linearity: Story = { name: 'Feature: linearity', args: { defaultValue: { colorBy: 'feature', feature: 'linearity r=1' } } };

/** The run ends with the accuracy in the status and a current confusion matrix. */
export const TestTrains: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByTestId('status')).toHaveTextContent(/accuracy on the other 4750: \d+\.\d %$/), { timeout: 20000 });
    await expect(Number(canvas.getByTestId('status').getAttribute('data-accuracy'))).toBeGreaterThan(0.85);
    await expect(canvas.getByTestId('confusion')).toHaveAttribute('data-state', 'current');
    await expect(canvas.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
  },
};

/** Arrow keys turn the view; the elevation stops at 90° (straight down). */
export const TestRotateKeys: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const rotate = canvas.getByTestId('rotate');
    rotate.focus();
    await userEvent.keyboard('{ArrowRight}');
    await expect(rotate).toHaveAttribute('data-rotation', '35,35');
    await userEvent.keyboard('{Shift>}{ArrowUp}{ArrowUp}{ArrowUp}{ArrowUp}{ArrowUp}{/Shift}');
    await expect(rotate).toHaveAttribute('data-rotation', '35,90');
    await expect(args.onValueChange).toHaveBeenCalled();
  },
};

/** Colouring by errors and by a feature changes the legend. */
export const TestColourBy: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('radio', { name: 'Errors' }));
    await expect(canvas.getByTestId('status')).toHaveAttribute('data-color-by', 'errors');
    await expect(canvas.getByText('wrong')).toBeInTheDocument();
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Feature' }), 'sphericity r=3');
    await expect(canvas.getByTestId('status')).toHaveAttribute('data-color-by', 'feature');
    await waitFor(() => expect(canvas.getByTestId('feature-legend')).toBeInTheDocument(), { timeout: 20000 });
  },
};

/**
 * Performance: while a new run (features, 30 trees, prediction) goes on in the worker, no task
 * on the main thread lasts more than 50 ms (Long Tasks API, Chromium).
 */
export const TestMainThreadResponsive: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  name: 'Main thread stays responsive',
  parameters: { snapshot: false },
  args: { showPerformance: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const status = canvas.getByTestId('status');
    await waitFor(() => expect(status).toHaveTextContent(/accuracy on the other/), { timeout: 20000 });
    const long: number[] = [];
    const supported = typeof PerformanceObserver === 'function' && PerformanceObserver.supportedEntryTypes?.includes('longtask');
    const obs = supported ? new PerformanceObserver((list) => list.getEntries().forEach((e) => long.push(e.duration))) : null;
    obs?.observe({ type: 'longtask' });
    const slider = canvas.getByRole('slider', { name: 'Labelled points' });
    slider.focus();
    await userEvent.keyboard('{PageUp}');
    await waitFor(() => expect(status).toHaveTextContent(/^Trained on 2500 labelled points/), { timeout: 20000 });
    obs?.disconnect();
    const side = canvasElement.querySelector('[data-gl-panel="lidar-side"]')!;
    console.log(`[bench] LidarClassification 5000 points: features ${side.getAttribute('data-feature-ms')} ms, training ${side.getAttribute('data-fit-ms')} ms (worker); main-thread long tasks: ${long.length ? long.map((d) => d.toFixed(0)).join(', ') + ' ms' : 'none'}`);
    if (supported) await expect(long.filter((d) => d > 50)).toEqual([]);
  },
};

/** A bad point count is a message in the status, not a crash. */
export const TestBadPointCount: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { nPoints: 3 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByTestId('status')).toHaveTextContent(/^Cannot classify: nPoints: must be in \[10, 2000000\], got 3/);
  },
};
