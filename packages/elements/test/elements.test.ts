import { act, createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { attributeToProp, defineGeoLearnElements, elementDefinitions, parseAttribute } from '../src';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// The MNIST entry, stubbed (the real one loads TF.js in the background): records when it is imported.
let mnistImported = false;
vi.mock('@geolearn/ui/mnist', () => {
  mnistImported = true;
  const stub = (what: string) => (props: { width?: number }) => createElement('p', null, `${what} stub ${props.width}`);
  return { DigitDrawingPad: stub('drawing pad'), FeatureMaps: stub('feature maps') };
});
afterEach(() => {
  document.body.innerHTML = '';
});

describe('custom elements', () => {
  it('defines one element per explainer, each with a hyphenated geolearn- tag', () => {
    const tags = elementDefinitions.map((d) => d.tag);
    expect(new Set(tags).size).toBe(tags.length);
    expect(tags.every((t) => /^geolearn-[a-z-]+$/.test(t))).toBe(true);
    expect(tags).toContain('geolearn-seismogram');
    // Every explainer, the TF.js ones included (they load TF.js on first connect).
    for (const t of ['geolearn-xor-net', 'geolearn-playground', 'geolearn-digit-drawing-pad', 'geolearn-feature-maps']) expect(tags).toContain(t);
    // …and the explainers of chapters 2, 3, 4, 6 and 8 added since.
    for (const t of ['geolearn-learning-types', 'geolearn-regularization-paths', 'geolearn-svm-margin', 'geolearn-tree-and-forest', 'geolearn-pooling-stride', 'geolearn-k-means-stepper', 'geolearn-clustering-comparison']) expect(tags).toContain(t);
    for (const t of ['geolearn-lidar-classification', 'geolearn-manifold', 'geolearn-seismic-classifier', 'geolearn-event-detector', 'geolearn-phase-picker', 'geolearn-transfer-learning', 'geolearn-autoencoder']) expect(tags).toContain(t);
    expect(tags.length).toBe(41);
  });

  it('parses attributes into props', () => {
    expect(parseAttribute('42')).toBe(42);
    expect(parseAttribute('{"learningRate":0.2}')).toEqual({ learningRate: 0.2 });
    expect(parseAttribute('gd')).toBe('gd');
    expect(parseAttribute('')).toBe(true);
    expect(attributeToProp('default-value')).toBe('defaultValue');
  });

  it('renders <geolearn-loss-landscape>, reports its state and unmounts on removal', async () => {
    defineGeoLearnElements();
    defineGeoLearnElements(); // idempotent
    const el = document.createElement('geolearn-loss-landscape');
    el.setAttribute('width', '420');
    el.setAttribute('height', '300');
    el.setAttribute('default-value', '{"learningRate":0.02}');
    const events: unknown[] = [];
    el.addEventListener('valuechange', (e) => events.push((e as CustomEvent).detail));
    await act(async () => {
      document.body.appendChild(el);
    });
    expect(el.querySelector('svg')?.getAttribute('width')).toBe('420');
    expect(el.textContent).toContain('0.02');
    const step = Array.from(el.querySelectorAll('button')).find((b) => b.textContent === 'Step')!;
    await act(async () => {
      step.click();
    });
    expect(events).toEqual([expect.objectContaining({ iteration: 1, learningRate: 0.02 })]);
    await act(async () => {
      el.remove();
    });
    expect(el.childElementCount).toBe(0);
  });

  it('hosts are display: block and take the container width when no width is given', async () => {
    defineGeoLearnElements();
    const style = document.querySelector('style[data-geolearn-elements]');
    expect(style?.textContent).toMatch(/:where\([^)]*geolearn-loss-landscape[^)]*\) \{ display: block; \}/);
  });

  it('imports the MNIST explainers (@geolearn/ui/mnist) lazily, on first connect', async () => {
    defineGeoLearnElements();
    const el = document.createElement('geolearn-feature-maps');
    el.setAttribute('width', '480');
    expect(mnistImported).toBe(false);
    await act(async () => {
      document.body.appendChild(el);
    });
    await vi.waitFor(() => expect(el.textContent).toBe('feature maps stub 480'));
    expect(mnistImported).toBe(true);
    await act(async () => {
      el.remove();
    });
    expect(el.childElementCount).toBe(0);
  });

  it('takes props as DOM properties too', async () => {
    defineGeoLearnElements();
    const el = document.createElement('geolearn-loss-landscape');
    el.width = 380;
    el.defaultValue = { learningRate: 0.03 };
    await act(async () => {
      document.body.appendChild(el);
    });
    expect(el.querySelector('svg')?.getAttribute('width')).toBe('380');
    expect(el.textContent).toContain('0.03');
    expect(el.width).toBe(380);
    await act(async () => {
      el.width = 300;
    });
    expect(el.querySelector('svg')?.getAttribute('width')).toBe('300');
  });

  it('falls back to the defaults with one warning on bad attribute JSON, never a TypeError', async () => {
    defineGeoLearnElements();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      for (const bad of ['{"objective":"bogus"}', '{not json']) {
        warn.mockClear();
        const el = document.createElement('geolearn-loss-landscape');
        el.setAttribute('width', '400');
        el.setAttribute('default-value', bad);
        await act(async () => {
          document.body.appendChild(el);
        });
        await act(async () => {
          await Promise.resolve();
        });
        expect(warn, bad).toHaveBeenCalledTimes(1);
        expect(String(warn.mock.calls[0][0])).toMatch(/(geolearn-loss-landscape|LossLandscape).*default/);
        expect(el.querySelector('svg')?.getAttribute('width'), bad).toBe('400');
        el.remove();
      }
      expect(error.mock.calls.map((c) => String(c[0]))).not.toContainEqual(expect.stringMatching(/TypeError/));
    } finally {
      warn.mockRestore();
      error.mockRestore();
    }
  });

  it('an explainer that throws on its props is re-rendered with the defaults, with one warning', async () => {
    const Thrower = ({ mode, width }: { mode?: string; width?: number }) => {
      if (mode === 'bad') throw new TypeError("Cannot read properties of undefined (reading 'x')");
      return createElement('svg', { width });
    };
    defineGeoLearnElements([{ tag: 'geolearn-test-thrower', component: Thrower as never }]);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const el = document.createElement('geolearn-test-thrower');
      el.setAttribute('width', '120');
      el.setAttribute('mode', 'bad');
      await act(async () => {
        document.body.appendChild(el);
      });
      await act(async () => {
        await Promise.resolve();
      });
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0][0])).toMatch(/<geolearn-test-thrower>: .*using the defaults/);
      expect(el.querySelector('svg')?.getAttribute('width')).toBe('120');
      expect(error).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
      error.mockRestore();
    }
  });
});
