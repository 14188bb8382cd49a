import { cleanup, render, screen } from '@testing-library/react';
import { scaleLinear, scaleLog } from 'd3-scale';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Axis, axisTicks, ColorLegend, ContourPlot, Heatmap, LineChart, readThemeColors, sampleField } from '../src';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('axisTicks and Axis', () => {
  it('labels every power of ten on a log scale, 2–9 as minor ticks', () => {
    const t = axisTicks(scaleLog().domain([1, 1e4]).range([0, 200]), 5);
    expect(t.filter((x) => x.label !== null).map((x) => x.label)).toEqual(['1', '10', '100', '1000', '10000']);
    const minor = t.filter((x) => x.label === null).map((x) => x.value);
    expect(minor).toContain(2);
    expect(minor).toContain(900);
    expect(minor).toHaveLength(4 * 8);
  });

  it('labels every k-th decade over many decades, small powers in plain or e-notation', () => {
    const t = axisTicks(scaleLog().domain([1e-9, 10]).range([0, 200]), 5);
    const labels = t.filter((x) => x.label !== null).map((x) => x.label);
    expect(labels.length).toBeGreaterThanOrEqual(3);
    expect(labels.length).toBeLessThanOrEqual(6);
    expect(labels).toContain('1');
    expect(axisTicks(scaleLog().domain([0.001, 0.1]).range([0, 1]), 5).filter((x) => x.label).map((x) => x.label)).toEqual(['0.001', '0.01', '0.1']);
  });

  it('places a left title beyond its widest tick label (no "loss 𝓛10000")', () => {
    const { container } = render(
      <svg>
        <Axis scale={scaleLog().domain([1, 1e4]).range([200, 0])} orient="left" offset={0} label="loss 𝓛" />
      </svg>,
    );
    const title = container.querySelector('.gl-axis-title')!;
    const x = Number(/translate\((-?[\d.]+)/.exec(title.getAttribute('transform')!)![1]);
    // "10000" is 5 characters of 11 px ≈ 34 px, after an 8 px tick gap: the title is left of −42.
    expect(x).toBeLessThan(-42 - 5);
    expect(container.querySelectorAll('.gl-tick-minor').length).toBe(32);
  });

  it('linear scales keep d3 ticks, all labelled', () => {
    const t = axisTicks(scaleLinear().domain([0, 1]).range([0, 100]), 5);
    expect(t.every((x) => x.label !== null)).toBe(true);
  });
});

describe('LineChart', () => {
  it('says "no data yet" when empty, without inventing a −1…1 axis', () => {
    render(<LineChart width={300} height={200} series={[{ label: 'loss', color: 'red', points: [] }]} label="Loss" testId="c" />);
    const svg = screen.getByTestId('c');
    expect(svg.getAttribute('data-state')).toBe('empty');
    expect(svg.textContent).toContain('no data yet');
    expect(svg.textContent).not.toMatch(/−1|-1/);
  });

  it('keeps a converged curve visible on a log axis (drawn at the floor, inside the plot)', () => {
    const pts = Array.from({ length: 30 }, (_, i) => [i, i < 20 ? 100 * 0.5 ** i : 0] as const);
    const { container } = render(<LineChart width={300} height={200} logY series={[{ label: 'GD', color: 'red', points: pts, dots: true }]} label="Loss" />);
    const ys = Array.from(container.querySelectorAll('circle')).map((c) => Number(c.getAttribute('cy')));
    expect(ys).toHaveLength(30);
    const ph = 200 - 10 - 38;
    for (const y of ys) {
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(ph);
    }
  });

  it('pads a linear axis so that a curve at its minimum is off the x-axis line', () => {
    const { container } = render(<LineChart width={300} height={200} series={[{ label: 'a', color: 'red', points: [[0, 5], [1, 0], [2, 0]], dots: true }]} label="L" />);
    const ys = Array.from(container.querySelectorAll('circle')).map((c) => Number(c.getAttribute('cy')));
    expect(Math.max(...ys)).toBeLessThan(200 - 10 - 38 - 2);
  });
});

describe('ColorLegend', () => {
  it('draws a sequential bar with a title and ticks', () => {
    render(<ColorLegend kind="sequential" domain={[0, 10]} title="loss 𝓛" testId="k" />);
    const k = screen.getByTestId('k');
    expect(k.getAttribute('class')).toBe('gl-color-legend');
    expect(k.textContent).toContain('loss 𝓛');
    expect(k.querySelectorAll('stop')).toHaveLength(11);
    expect(k.getAttribute('aria-label')).toMatch(/dark purple is low/);
  });

  it('draws a diverging bar from theme tokens', () => {
    render(<ColorLegend kind="diverging" domain={[-1, 1]} title="weight" testId="k" />);
    const stops = Array.from(screen.getByTestId('k').querySelectorAll('stop')).map((s) => s.getAttribute('style'));
    expect(stops.join(' ')).toMatch(/--gl-weight-neg.*--gl-bg.*--gl-weight-pos/);
  });

  it('draws banded levels for filled contours', () => {
    render(<ColorLegend kind="sequential" domain={[1, 100]} thresholds={[2, 5, 10, 20, 50]} title="𝓛" testId="k" />);
    expect(screen.getByTestId('k').querySelectorAll('rect')).toHaveLength(6);
  });
});

/** A fake 2-D context that records the image put on it. */
function fakeCanvas() {
  const put: ImageData[] = [];
  const ctx = {
    createImageData: (w: number, h: number) => ({ width: w, height: h, data: new Uint8ClampedArray(w * h * 4) }),
    putImageData: (img: ImageData) => put.push(img),
    setTransform: () => {},
    clearRect: () => {},
    canvas: { width: 0, height: 0 },
  };
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
    ctx.canvas = this;
    return ctx as unknown as CanvasRenderingContext2D;
  } as never);
  return put;
}

describe('Heatmap and ContourPlot', () => {
  it('reads the diverging colours from the theme tokens of the page, not constants', () => {
    const put = fakeCanvas();
    // A dark page that overrides the tokens (happy-dom does not cascade custom properties: stub the computed style).
    const theme: Record<string, string> = { '--gl-weight-neg': ' #ff0000', '--gl-weight-pos': 'rgb(0, 0, 255)', '--gl-bg': '#000' };
    vi.spyOn(window, 'getComputedStyle').mockImplementation(() => ({ getPropertyValue: (k: string) => theme[k] ?? '' }) as CSSStyleDeclaration);
    render(<Heatmap values={[-1, 0, 1, NaN]} rows={2} cols={2} width={100} height={100} kind="diverging" label="weights" testId="h" />);
    const colors = readThemeColors(screen.getByTestId('h'));
    expect(colors.negative).toEqual([255, 0, 0]);
    const d = put[put.length - 1].data;
    expect(Array.from(d.slice(0, 4))).toEqual([255, 0, 0, 255]);
    expect(Array.from(d.slice(4, 8))).toEqual([0, 0, 0, 255]);
    expect(Array.from(d.slice(12, 16))).toEqual([0, 0, 0, 255]);
    expect(Array.from(d.slice(8, 12))).toEqual([0, 0, 255, 255]);
    expect(screen.getByRole('img', { name: 'weights' })).toBeTruthy();
  });

  it('ContourPlot paints the field under an overlay that gets the scales and the area', () => {
    const put = fakeCanvas();
    const field = sampleField(([a, b]) => a * a + b * b, [-1, 1, -1, 1], 8, 8);
    const seen: number[] = [];
    render(
      <ContourPlot field={field} domain={[-1, 1, -1, 1]} width={300} height={250} axisLabels={['a', 'b']} label="Loss surface">
        {({ xs, ys, plotWidth, area }) => {
          seen.push(xs(1), ys(-1), plotWidth);
          return <circle data-testid="dot" cx={xs(0)} cy={ys(0)} r={3} data-area={area ? 'yes' : 'no'} />;
        }}
      </ContourPlot>,
    );
    expect(put.length).toBeGreaterThan(0);
    expect(seen.slice(0, 3)).toEqual([300 - 52 - 12, 250 - 12 - 44, 300 - 52 - 12]);
    expect(screen.getByRole('group', { name: 'Loss surface' }).querySelector('.gl-plot-area')).toBeTruthy();
  });
});
