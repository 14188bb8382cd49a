import {
  BatchSizeExplorer,
  ConvolutionExplorer,
  DataModelLoss,
  LearningRateExplorer,
  LossLandscape,
  Neuron,
  OverfittingExplorer,
  Playground,
  SearchComparison,
  Seismogram,
  SpotTheSeismogram,
  WaveformFeatures,
  XorNet,
  PoolingStride,
  ParameterCount,
  Backpropagation,
  SvmMargin,
  KernelTrick,
  ConfusionMatrix,
  Representation,
  TreeAndForest,
  KMeansStepper,
  PcaExplorer,
  RegularizationPaths,
  ModelChooser,
  IcaVsPca,
  SpectralSteps,
  Dbscan,
  GaussianMixtureEm,
  KernelPcaExplorer,
  LearningTypes,
  ClusteringComparison,
  LidarClassification,
  type BatchSizeExplorerProps,
  type ConvolutionExplorerProps,
  type DataModelLossProps,
  type LearningRateExplorerProps,
  type LossLandscapeProps,
  type NeuronProps,
  type OverfittingExplorerProps,
  type PlaygroundProps,
  type SearchComparisonProps,
  type SeismogramProps,
  type SpotTheSeismogramProps,
  type WaveformFeaturesProps,
  type XorNetProps,
  type PoolingStrideProps,
  type ParameterCountProps,
  type BackpropagationProps,
  type SvmMarginProps,
  type KernelTrickProps,
  type ConfusionMatrixProps,
  type RepresentationProps,
  type TreeAndForestProps,
  type KMeansStepperProps,
  type PcaExplorerProps,
  type RegularizationPathsProps,
  type ModelChooserProps,
  type IcaVsPcaProps,
  type SpectralStepsProps,
  type DbscanProps,
  type GaussianMixtureEmProps,
  type KernelPcaExplorerProps,
  type LearningTypesProps,
  type ClusteringComparisonProps,
  type LidarClassificationProps,
} from '@geolearn/ui';
import type { DigitDrawingPadProps, FeatureMapsProps, ManifoldProps } from '@geolearn/ui/mnist';
import type { AutoencoderProps, EventDetectorProps, PhasePickerProps, SeismicClassifierProps, TransferLearningProps } from '@geolearn/ui/seismic';
import { Component, createElement, lazy, Suspense, type ComponentType, type ErrorInfo, type HTMLAttributes, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';

/** A component the elements can host, and the tag it gets. */
export interface ElementDefinition {
  /** The custom element's tag, with a hyphen (e.g. `geolearn-loss-landscape`). */
  tag: string;
  /** The React component it renders. */
  component: ComponentType<Record<string, unknown>>;
}

const def = (tag: string, component: unknown): ElementDefinition => ({ tag, component: component as ComponentType<Record<string, unknown>> });

/** The explainers that need no TensorFlow.js: the one-file script-tag build defines these. */
export const coreElementDefinitions: ElementDefinition[] = [
  def('geolearn-loss-landscape', LossLandscape),
  def('geolearn-learning-rate-explorer', LearningRateExplorer),
  def('geolearn-search-comparison', SearchComparison),
  def('geolearn-batch-size-explorer', BatchSizeExplorer),
  def('geolearn-overfitting-explorer', OverfittingExplorer),
  def('geolearn-data-model-loss', DataModelLoss),
  def('geolearn-neuron', Neuron),
  def('geolearn-xor-net', XorNet),
  def('geolearn-playground', Playground),
  def('geolearn-convolution-explorer', ConvolutionExplorer),
  def('geolearn-seismogram', Seismogram),
  def('geolearn-spot-the-seismogram', SpotTheSeismogram),
  def('geolearn-waveform-features', WaveformFeatures),
  def('geolearn-pooling-stride', PoolingStride),
  def('geolearn-parameter-count', ParameterCount),
  def('geolearn-backpropagation', Backpropagation),
  def('geolearn-svm-margin', SvmMargin),
  def('geolearn-kernel-trick', KernelTrick),
  def('geolearn-confusion-matrix', ConfusionMatrix),
  def('geolearn-representation', Representation),
  def('geolearn-tree-and-forest', TreeAndForest),
  def('geolearn-k-means-stepper', KMeansStepper),
  def('geolearn-pca-explorer', PcaExplorer),
  def('geolearn-regularization-paths', RegularizationPaths),
  def('geolearn-model-chooser', ModelChooser),
  def('geolearn-ica-vs-pca', IcaVsPca),
  def('geolearn-spectral-steps', SpectralSteps),
  def('geolearn-dbscan', Dbscan),
  def('geolearn-gaussian-mixture-em', GaussianMixtureEm),
  def('geolearn-kernel-pca-explorer', KernelPcaExplorer),
  def('geolearn-learning-types', LearningTypes),
  def('geolearn-clustering-comparison', ClusteringComparison),
  def('geolearn-lidar-classification', LidarClassification),
];

/**
 * A component loaded from `@geolearn/ui/mnist` or `@geolearn/ui/seismic` by dynamic `import()`
 * the first time an element renders it (its first connect), so that importing this package costs
 * nothing for the TF.js explainers until one is on the page. Until the chunk arrives the host
 * shows nothing.
 */
function lazyFrom(entry: 'mnist' | 'seismic', name: string): ComponentType<Record<string, unknown>> {
  const load = entry === 'mnist' ? () => import('@geolearn/ui/mnist') : () => import('@geolearn/ui/seismic');
  const Inner = lazy(() => load().then((m) => ({ default: (m as unknown as Record<string, ComponentType<Record<string, unknown>>>)[name] })));
  const Loaded = (props: Record<string, unknown>) => createElement(Suspense, { fallback: null }, createElement(Inner, props));
  Loaded.displayName = `Lazy${name}`;
  return Loaded;
}

/**
 * Every explainer as a custom element. The TF.js ones come from `@geolearn/ui/mnist` (drawing
 * pad, feature maps, manifold) and `@geolearn/ui/seismic` (seismic classifier, event detector,
 * phase picker, transfer learning, autoencoder), imported lazily on first connect; they then load
 * TensorFlow.js and their models (the UI package's lazy runtime, which a bundler emits as chunks
 * and assets of their own).
 */
export const elementDefinitions: ElementDefinition[] = [
  ...coreElementDefinitions,
  def('geolearn-digit-drawing-pad', lazyFrom('mnist', 'DigitDrawingPad')),
  def('geolearn-feature-maps', lazyFrom('mnist', 'FeatureMaps')),
  def('geolearn-manifold', lazyFrom('mnist', 'Manifold')),
  def('geolearn-seismic-classifier', lazyFrom('seismic', 'SeismicClassifier')),
  def('geolearn-event-detector', lazyFrom('seismic', 'EventDetector')),
  def('geolearn-phase-picker', lazyFrom('seismic', 'PhasePicker')),
  def('geolearn-transfer-learning', lazyFrom('seismic', 'TransferLearning')),
  def('geolearn-autoencoder', lazyFrom('seismic', 'Autoencoder')),
];

/** A value an attribute could not give: the attribute is dropped and the default used. */
const INVALID = Symbol('invalid attribute');

/**
 * An attribute's text as a prop value: numbers and JSON (arrays, objects, true/false/null)
 * are parsed, anything else stays a string. `default-value='{"learningRate":0.2}'` works;
 * JSON that does not parse gives `INVALID` (the element then warns and uses the default).
 */
export function parseAttribute(text: string | null): unknown {
  if (text === null) return undefined;
  if (text === '') return true;
  const t = text.trim();
  if (/^-?\d+(\.\d+)?(e-?\d+)?$/i.test(t)) return Number(t);
  if (/^[[{]/.test(t) || t === 'true' || t === 'false' || t === 'null') {
    try {
      return JSON.parse(t);
    } catch {
      return INVALID;
    }
  }
  return text;
}

/** kebab-case attribute → camelCase prop (`default-value` → `defaultValue`). */
export function attributeToProp(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** Props every element also exposes as DOM properties (`el.seed = 7`, `el.defaultValue = {…}`). */
export const ELEMENT_PROPERTIES = ['value', 'defaultValue', 'seed', 'width', 'height', 'label', 'models', 'wasmPaths', 'objective'] as const;

/** Attributes that style the host rather than configure the explainer. */
const HOST_ATTRIBUTES = new Set(['style', 'class', 'id', 'slot', 'hidden', 'title', 'tabindex', 'role', 'part', 'lang', 'dir']);

/** Catches an explainer that throws on its props, so the element can fall back to the defaults. */
class Guard extends Component<{ onError: (e: unknown) => void; children?: ReactNode; resetKey: number }, { failed: boolean; key: number }> {
  override state = { failed: false, key: 0 };
  static getDerivedStateFromProps(props: { resetKey: number }, state: { failed: boolean; key: number }) {
    return props.resetKey !== state.key ? { failed: false, key: props.resetKey } : null;
  }
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown, _info: ErrorInfo) {
    this.props.onError(error);
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

let hostStyle: HTMLStyleElement | null = null;

/** One low-specificity rule for every host: `display: block`, so that a page can override it. */
function ensureHostStyle(tags: string[]): void {
  if (typeof document === 'undefined') return;
  if (!hostStyle) {
    hostStyle = document.createElement('style');
    hostStyle.dataset.geolearnElements = '';
    document.head.prepend(hostStyle);
  }
  hostStyle.textContent = `:where(${[...new Set([...(hostStyle.textContent.match(/geolearn-[a-z-]+/g) ?? []), ...tags])].join(', ')}) { display: block; }`;
}

/**
 * Defines every GeoLearn custom element (once; safe to call again). Each element renders its
 * React component into itself on connect, with its attributes (kebab-case, parsed) and
 * properties as props; it takes its `width` from the attribute or else from its own width
 * (hosts are `display: block`, so the container's), re-renders when an attribute, a property or
 * its width changes, fires a `valuechange` CustomEvent with the explainer's JSON state, and
 * unmounts on disconnect so nothing keeps running. Props the explainer rejects (bad JSON, an
 * unknown option) fall back to its defaults with one console warning. A no-op on a server.
 */
export function defineGeoLearnElements(definitions: ElementDefinition[] = elementDefinitions): void {
  if (typeof window === 'undefined' || typeof customElements === 'undefined') return;
  ensureHostStyle(definitions.map((d) => d.tag));
  for (const { tag, component } of definitions) {
    if (customElements.get(tag)) continue;
    class Host extends HTMLElement {
      private root: Root | null = null;
      private observer: MutationObserver | null = null;
      private resize: ResizeObserver | null = null;
      private props: Record<string, unknown> = {};
      private measuredWidth: number | undefined;
      /** After a failure: render with the host's size only, until an attribute or property changes. */
      private fallback = false;
      private generation = 0;
      private warned = false;

      connectedCallback() {
        this.root = createRoot(this, { onCaughtError: () => undefined });
        this.observer = new MutationObserver(() => this.update());
        this.observer.observe(this, { attributes: true });
        if (typeof ResizeObserver !== 'undefined') {
          this.resize = new ResizeObserver(([entry]) => {
            const w = Math.floor(entry.contentRect.width);
            if (w > 0 && w !== this.measuredWidth && !this.hasAttribute('width') && this.props.width === undefined) {
              this.measuredWidth = w;
              this.renderComponent();
            }
          });
          this.resize.observe(this);
        }
        this.renderComponent();
      }

      disconnectedCallback() {
        this.observer?.disconnect();
        this.resize?.disconnect();
        this.observer = null;
        this.resize = null;
        this.root?.unmount();
        this.root = null;
      }

      /** Props set as DOM properties (merged over the attributes). */
      setProp(name: string, v: unknown) {
        if (v === undefined) delete this.props[name];
        else this.props[name] = v;
        this.update();
      }

      getProp(name: string): unknown {
        return name in this.props ? this.props[name] : parseAttribute(this.getAttribute(name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)));
      }

      private update() {
        this.fallback = false;
        this.warned = false;
        this.generation++;
        this.renderComponent();
      }

      private warn(problem: string) {
        if (this.warned) return;
        this.warned = true;
        console.warn(`<${tag}>: ${problem}; using the defaults.`);
      }

      private renderComponent() {
        if (!this.root) return;
        const props: Record<string, unknown> = {};
        const invalid: string[] = [];
        for (const attr of Array.from(this.attributes)) {
          if (HOST_ATTRIBUTES.has(attr.name) || attr.name.startsWith('data-') || attr.name.startsWith('aria-')) continue;
          const v = parseAttribute(attr.value);
          if (v === INVALID) invalid.push(attr.name);
          else props[attributeToProp(attr.name)] = v;
        }
        Object.assign(props, this.props);
        if (props.width === undefined && this.measuredWidth) props.width = this.measuredWidth;
        if (invalid.length) this.warn(`attribute ${invalid.join(', ')} is not valid JSON`);
        const shown = this.fallback ? { width: props.width, height: props.height } : props;
        shown.onValueChange = (value: unknown) => this.dispatchEvent(new CustomEvent('valuechange', { detail: value, bubbles: true, composed: true }));
        this.root.render(
          createElement(
            Guard,
            {
              resetKey: this.generation * 2 + (this.fallback ? 1 : 0),
              onError: (e: unknown) => {
                if (this.fallback) return;
                this.warn(`the explainer rejected its attributes or properties (${e instanceof Error ? e.message : String(e)})`);
                this.fallback = true;
                queueMicrotask(() => this.renderComponent());
              },
            },
            createElement(component, shown),
          ),
        );
      }
    }
    for (const name of ELEMENT_PROPERTIES) {
      Object.defineProperty(Host.prototype, name, {
        configurable: true,
        enumerable: true,
        get(this: Host) {
          return this.getProp(name);
        },
        set(this: Host, v: unknown) {
          this.setProp(name, v);
        },
      });
    }
    customElements.define(tag, Host);
  }
}

// ------------------------------------------------------------------------------------------
// Typings: the tags in TypeScript (document.querySelector, createElement) and in React's JSX.
// ------------------------------------------------------------------------------------------

/** Props of an explainer that can be set as DOM properties, and its state type. */
type Settable<P> = Partial<Pick<P, Extract<keyof P, (typeof ELEMENT_PROPERTIES)[number]>>>;
type StateOf<P> = P extends { onValueChange?: (v: infer V) => void } ? V : unknown;

/** A GeoLearn element: an HTMLElement with the explainer's settable props as properties. */
export type GeoLearnElement<P> = HTMLElement & Settable<P> & {
  addEventListener(type: 'valuechange', listener: (e: CustomEvent<StateOf<P>>) => void, options?: boolean | AddEventListenerOptions): void;
};

/** The props of each tag's explainer. */
export interface GeoLearnElementProps {
  'geolearn-loss-landscape': LossLandscapeProps;
  'geolearn-learning-rate-explorer': LearningRateExplorerProps;
  'geolearn-search-comparison': SearchComparisonProps;
  'geolearn-batch-size-explorer': BatchSizeExplorerProps;
  'geolearn-overfitting-explorer': OverfittingExplorerProps;
  'geolearn-data-model-loss': DataModelLossProps;
  'geolearn-neuron': NeuronProps;
  'geolearn-xor-net': XorNetProps;
  'geolearn-playground': PlaygroundProps;
  'geolearn-convolution-explorer': ConvolutionExplorerProps;
  'geolearn-digit-drawing-pad': DigitDrawingPadProps;
  'geolearn-lidar-classification': LidarClassificationProps;
  'geolearn-manifold': ManifoldProps;
  'geolearn-seismic-classifier': SeismicClassifierProps;
  'geolearn-event-detector': EventDetectorProps;
  'geolearn-phase-picker': PhasePickerProps;
  'geolearn-transfer-learning': TransferLearningProps;
  'geolearn-autoencoder': AutoencoderProps;
  'geolearn-feature-maps': FeatureMapsProps;
  'geolearn-seismogram': SeismogramProps;
  'geolearn-spot-the-seismogram': SpotTheSeismogramProps;
  'geolearn-waveform-features': WaveformFeaturesProps;
  'geolearn-pooling-stride': PoolingStrideProps;
  'geolearn-parameter-count': ParameterCountProps;
  'geolearn-backpropagation': BackpropagationProps;
  'geolearn-svm-margin': SvmMarginProps;
  'geolearn-kernel-trick': KernelTrickProps;
  'geolearn-confusion-matrix': ConfusionMatrixProps;
  'geolearn-representation': RepresentationProps;
  'geolearn-tree-and-forest': TreeAndForestProps;
  'geolearn-k-means-stepper': KMeansStepperProps;
  'geolearn-pca-explorer': PcaExplorerProps;
  'geolearn-regularization-paths': RegularizationPathsProps;
  'geolearn-model-chooser': ModelChooserProps;
  'geolearn-ica-vs-pca': IcaVsPcaProps;
  'geolearn-spectral-steps': SpectralStepsProps;
  'geolearn-dbscan': DbscanProps;
  'geolearn-gaussian-mixture-em': GaussianMixtureEmProps;
  'geolearn-kernel-pca-explorer': KernelPcaExplorerProps;
  'geolearn-learning-types': LearningTypesProps;
  'geolearn-clustering-comparison': ClusteringComparisonProps;
}

/**
 * A tag in JSX (React 19 sets known DOM properties, so objects can be passed directly):
 * the settable props, string attributes in kebab-case (e.g. `default-value`), and
 * `onvaluechange` for the `valuechange` event.
 */
export type GeoLearnElementJSX<P> = Settable<P> &
  Omit<HTMLAttributes<HTMLElement>, keyof Settable<P>> & {
    /** Any other prop of the explainer, as an attribute: kebab-case, JSON or number text. */
    [attribute: `${string}-${string}`]: unknown;
    /** Listens to the `valuechange` event (React 19 custom-element events). */
    onvaluechange?: (e: CustomEvent<StateOf<P>>) => void;
    ref?: unknown;
  };

declare global {
  interface HTMLElementTagNameMap {
    'geolearn-loss-landscape': GeoLearnElement<LossLandscapeProps>;
    'geolearn-learning-rate-explorer': GeoLearnElement<LearningRateExplorerProps>;
    'geolearn-search-comparison': GeoLearnElement<SearchComparisonProps>;
    'geolearn-batch-size-explorer': GeoLearnElement<BatchSizeExplorerProps>;
    'geolearn-overfitting-explorer': GeoLearnElement<OverfittingExplorerProps>;
    'geolearn-data-model-loss': GeoLearnElement<DataModelLossProps>;
    'geolearn-neuron': GeoLearnElement<NeuronProps>;
    'geolearn-xor-net': GeoLearnElement<XorNetProps>;
    'geolearn-playground': GeoLearnElement<PlaygroundProps>;
    'geolearn-convolution-explorer': GeoLearnElement<ConvolutionExplorerProps>;
    'geolearn-digit-drawing-pad': GeoLearnElement<DigitDrawingPadProps>;
    'geolearn-lidar-classification': GeoLearnElement<LidarClassificationProps>;
    'geolearn-manifold': GeoLearnElement<ManifoldProps>;
    'geolearn-seismic-classifier': GeoLearnElement<SeismicClassifierProps>;
    'geolearn-event-detector': GeoLearnElement<EventDetectorProps>;
    'geolearn-phase-picker': GeoLearnElement<PhasePickerProps>;
    'geolearn-transfer-learning': GeoLearnElement<TransferLearningProps>;
    'geolearn-autoencoder': GeoLearnElement<AutoencoderProps>;
    'geolearn-feature-maps': GeoLearnElement<FeatureMapsProps>;
    'geolearn-seismogram': GeoLearnElement<SeismogramProps>;
    'geolearn-spot-the-seismogram': GeoLearnElement<SpotTheSeismogramProps>;
    'geolearn-waveform-features': GeoLearnElement<WaveformFeaturesProps>;
    'geolearn-pooling-stride': GeoLearnElement<PoolingStrideProps>;
    'geolearn-parameter-count': GeoLearnElement<ParameterCountProps>;
    'geolearn-backpropagation': GeoLearnElement<BackpropagationProps>;
    'geolearn-svm-margin': GeoLearnElement<SvmMarginProps>;
    'geolearn-kernel-trick': GeoLearnElement<KernelTrickProps>;
    'geolearn-confusion-matrix': GeoLearnElement<ConfusionMatrixProps>;
    'geolearn-representation': GeoLearnElement<RepresentationProps>;
    'geolearn-tree-and-forest': GeoLearnElement<TreeAndForestProps>;
    'geolearn-k-means-stepper': GeoLearnElement<KMeansStepperProps>;
    'geolearn-pca-explorer': GeoLearnElement<PcaExplorerProps>;
    'geolearn-regularization-paths': GeoLearnElement<RegularizationPathsProps>;
    'geolearn-model-chooser': GeoLearnElement<ModelChooserProps>;
    'geolearn-ica-vs-pca': GeoLearnElement<IcaVsPcaProps>;
    'geolearn-spectral-steps': GeoLearnElement<SpectralStepsProps>;
    'geolearn-dbscan': GeoLearnElement<DbscanProps>;
    'geolearn-gaussian-mixture-em': GeoLearnElement<GaussianMixtureEmProps>;
    'geolearn-kernel-pca-explorer': GeoLearnElement<KernelPcaExplorerProps>;
    'geolearn-learning-types': GeoLearnElement<LearningTypesProps>;
    'geolearn-clustering-comparison': GeoLearnElement<ClusteringComparisonProps>;
  }
}

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'geolearn-loss-landscape': GeoLearnElementJSX<LossLandscapeProps>;
      'geolearn-learning-rate-explorer': GeoLearnElementJSX<LearningRateExplorerProps>;
      'geolearn-search-comparison': GeoLearnElementJSX<SearchComparisonProps>;
      'geolearn-batch-size-explorer': GeoLearnElementJSX<BatchSizeExplorerProps>;
      'geolearn-overfitting-explorer': GeoLearnElementJSX<OverfittingExplorerProps>;
      'geolearn-data-model-loss': GeoLearnElementJSX<DataModelLossProps>;
      'geolearn-neuron': GeoLearnElementJSX<NeuronProps>;
      'geolearn-xor-net': GeoLearnElementJSX<XorNetProps>;
      'geolearn-playground': GeoLearnElementJSX<PlaygroundProps>;
      'geolearn-convolution-explorer': GeoLearnElementJSX<ConvolutionExplorerProps>;
      'geolearn-digit-drawing-pad': GeoLearnElementJSX<DigitDrawingPadProps>;
      'geolearn-lidar-classification': GeoLearnElementJSX<LidarClassificationProps>;
      'geolearn-manifold': GeoLearnElementJSX<ManifoldProps>;
      'geolearn-seismic-classifier': GeoLearnElementJSX<SeismicClassifierProps>;
      'geolearn-event-detector': GeoLearnElementJSX<EventDetectorProps>;
      'geolearn-phase-picker': GeoLearnElementJSX<PhasePickerProps>;
      'geolearn-transfer-learning': GeoLearnElementJSX<TransferLearningProps>;
      'geolearn-autoencoder': GeoLearnElementJSX<AutoencoderProps>;
      'geolearn-feature-maps': GeoLearnElementJSX<FeatureMapsProps>;
      'geolearn-seismogram': GeoLearnElementJSX<SeismogramProps>;
      'geolearn-spot-the-seismogram': GeoLearnElementJSX<SpotTheSeismogramProps>;
      'geolearn-waveform-features': GeoLearnElementJSX<WaveformFeaturesProps>;
      'geolearn-pooling-stride': GeoLearnElementJSX<PoolingStrideProps>;
      'geolearn-parameter-count': GeoLearnElementJSX<ParameterCountProps>;
      'geolearn-backpropagation': GeoLearnElementJSX<BackpropagationProps>;
      'geolearn-svm-margin': GeoLearnElementJSX<SvmMarginProps>;
      'geolearn-kernel-trick': GeoLearnElementJSX<KernelTrickProps>;
      'geolearn-confusion-matrix': GeoLearnElementJSX<ConfusionMatrixProps>;
      'geolearn-representation': GeoLearnElementJSX<RepresentationProps>;
      'geolearn-tree-and-forest': GeoLearnElementJSX<TreeAndForestProps>;
      'geolearn-k-means-stepper': GeoLearnElementJSX<KMeansStepperProps>;
      'geolearn-pca-explorer': GeoLearnElementJSX<PcaExplorerProps>;
      'geolearn-regularization-paths': GeoLearnElementJSX<RegularizationPathsProps>;
      'geolearn-model-chooser': GeoLearnElementJSX<ModelChooserProps>;
      'geolearn-ica-vs-pca': GeoLearnElementJSX<IcaVsPcaProps>;
      'geolearn-spectral-steps': GeoLearnElementJSX<SpectralStepsProps>;
      'geolearn-dbscan': GeoLearnElementJSX<DbscanProps>;
      'geolearn-gaussian-mixture-em': GeoLearnElementJSX<GaussianMixtureEmProps>;
      'geolearn-kernel-pca-explorer': GeoLearnElementJSX<KernelPcaExplorerProps>;
      'geolearn-learning-types': GeoLearnElementJSX<LearningTypesProps>;
      'geolearn-clustering-comparison': GeoLearnElementJSX<ClusteringComparisonProps>;
    }
  }
}
