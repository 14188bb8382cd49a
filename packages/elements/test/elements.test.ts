import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { attributeToProp, defineGeoLearnElements, elementDefinitions, parseAttribute } from '../src';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
afterEach(() => {
  document.body.innerHTML = '';
});

describe('custom elements', () => {
  it('defines one element per explainer, each with a hyphenated geolearn- tag', () => {
    const tags = elementDefinitions.map((d) => d.tag);
    expect(new Set(tags).size).toBe(tags.length);
    expect(tags.every((t) => /^geolearn-[a-z-]+$/.test(t))).toBe(true);
    expect(tags).toContain('geolearn-seismogram');
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
});
