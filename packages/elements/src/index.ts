import {
  BatchSizeExplorer,
  ConvolutionExplorer,
  DataModelLoss,
  LearningRateExplorer,
  LossLandscape,
  Neuron,
  OverfittingExplorer,
  SearchComparison,
  Seismogram,
  SpotTheSeismogram,
  WaveformFeatures,
} from '@geolearn/ui';
import { createElement, type ComponentType } from 'react';
import { createRoot, type Root } from 'react-dom/client';

/** A component the elements can host, and the tag it gets. */
export interface ElementDefinition {
  /** The custom element's tag, with a hyphen (e.g. `geolearn-loss-landscape`). */
  tag: string;
  /** The React component it renders. */
  component: ComponentType<Record<string, unknown>>;
}

const def = (tag: string, component: unknown): ElementDefinition => ({ tag, component: component as ComponentType<Record<string, unknown>> });

/**
 * The explainers available as custom elements. The TensorFlow.js ones (XorNet, Playground,
 * DigitDrawingPad, FeatureMaps) are left out so that the script-tag file stays small; embed
 * those as an iframe of the gallery.
 */
export const elementDefinitions: ElementDefinition[] = [
  def('geolearn-loss-landscape', LossLandscape),
  def('geolearn-learning-rate-explorer', LearningRateExplorer),
  def('geolearn-search-comparison', SearchComparison),
  def('geolearn-batch-size-explorer', BatchSizeExplorer),
  def('geolearn-overfitting-explorer', OverfittingExplorer),
  def('geolearn-data-model-loss', DataModelLoss),
  def('geolearn-neuron', Neuron),
  def('geolearn-convolution-explorer', ConvolutionExplorer),
  def('geolearn-seismogram', Seismogram),
  def('geolearn-spot-the-seismogram', SpotTheSeismogram),
  def('geolearn-waveform-features', WaveformFeatures),
];

/**
 * An attribute's text as a prop value: numbers and JSON (arrays, objects, true/false)
 * are parsed, anything else stays a string. `default-value='{"learningRate":0.2}'` works.
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
      return text;
    }
  }
  return text;
}

/** kebab-case attribute → camelCase prop (`default-value` → `defaultValue`). */
export function attributeToProp(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Defines every GeoLearn custom element (once; safe to call again). Each element renders
 * its React component into itself on connect, re-renders when an attribute changes,
 * fires a `valuechange` CustomEvent with the explainer's JSON state, and unmounts on
 * disconnect so nothing keeps running. A no-op on a server.
 */
export function defineGeoLearnElements(definitions: ElementDefinition[] = elementDefinitions): void {
  if (typeof window === 'undefined' || typeof customElements === 'undefined') return;
  for (const { tag, component } of definitions) {
    if (customElements.get(tag)) continue;
    customElements.define(
      tag,
      class extends HTMLElement {
        private root: Root | null = null;
        private observer: MutationObserver | null = null;

        connectedCallback() {
          this.root = createRoot(this);
          this.observer = new MutationObserver(() => this.renderComponent());
          this.observer.observe(this, { attributes: true });
          this.renderComponent();
        }

        disconnectedCallback() {
          this.observer?.disconnect();
          this.observer = null;
          this.root?.unmount();
          this.root = null;
        }

        private renderComponent() {
          if (!this.root) return;
          const props: Record<string, unknown> = {};
          for (const attr of Array.from(this.attributes)) {
            if (attr.name === 'style' || attr.name === 'class' || attr.name === 'id') continue;
            props[attributeToProp(attr.name)] = parseAttribute(attr.value);
          }
          props.onValueChange = (value: unknown) => this.dispatchEvent(new CustomEvent('valuechange', { detail: value, bubbles: true }));
          this.root.render(createElement(component, props));
        }
      },
    );
  }
}
