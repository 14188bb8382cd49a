import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeLine, mseLineObjective } from '@geolearn/algorithms';
import { LossLandscape, type LossLandscapeState } from '../src';
import { expectAnimationStopsOnUnmount, stubResizeObserver } from './helpers';

afterEach(cleanup);

describe('LossLandscape', () => {
  it('steps down the loss and reports each state', () => {
    const onValueChange = vi.fn();
    render(<LossLandscape onValueChange={onValueChange} />);
    const status = screen.getByTestId('status');
    const loss0 = Number(status.getAttribute('data-loss'));
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    expect(onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ iteration: 1 }));
    expect(Number(status.getAttribute('data-loss'))).toBeLessThan(loss0);
  });

  it('is controlled by value', () => {
    const value: LossLandscapeState = { start: [0, 0], learningRate: 0.01, optimizer: 'adam', iteration: 5 };
    const onValueChange = vi.fn();
    render(<LossLandscape value={value} onValueChange={onValueChange} />);
    expect(screen.getByTestId('status').textContent).toMatch(/Step 5/);
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    expect(onValueChange).toHaveBeenCalledWith({ ...value, iteration: 6 });
    // Still showing the controlled value until the parent changes it.
    expect(screen.getByTestId('status').textContent).toMatch(/Step 5/);
  });

  it('moves the start point from the keyboard and restarts', () => {
    render(<LossLandscape defaultValue={{ iteration: 3 }} />);
    const handle = screen.getByRole('button', { name: /Starting point/ });
    const before = handle.getAttribute('aria-label');
    fireEvent.keyDown(handle, { key: 'ArrowRight' });
    expect(handle.getAttribute('aria-label')).not.toBe(before);
    expect(screen.getByTestId('status').textContent).toMatch(/Step 0/);
  });

  it('cancels its animation frame on unmount', () => {
    expectAnimationStopsOnUnmount(<LossLandscape />);
  });
});

describe('LossLandscape: objectives, racing, 3-D', () => {
  it('switches objective and resets the run', () => {
    const onValueChange = vi.fn();
    render(<LossLandscape defaultValue={{ iteration: 4 }} onValueChange={onValueChange} />);
    expect(screen.getByTestId('data-panel')).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Objective' }), { target: { value: 'saddle' } });
    expect(onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ objective: 'saddle', iteration: 0, start: [1.8, 0.02], learningRate: 0.1 }));
    expect(screen.queryByTestId('data-panel')).toBeNull();
  });

  it('races several optimizers, each with its path', () => {
    render(<LossLandscape defaultValue={{ iteration: 5, optimizers: ['gd', 'momentum', 'adam'] }} />);
    const paths = Array.from(document.querySelectorAll('[data-testid="gd-path"]'));
    expect(paths.map((p) => p.getAttribute('data-optimizer'))).toEqual(['gd', 'momentum', 'adam']);
    expect(paths.map((p) => p.getAttribute('data-points'))).toEqual(['6', '6', '6']);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Momentum' }));
    expect(document.querySelectorAll('[data-testid="gd-path"]')).toHaveLength(2);
    expect(screen.getByTestId('status').textContent).toMatch(/Step 0 of 100 · Gradient descent .* · Adam/);
  });

  it('rotates the 3-D surface from the keyboard', () => {
    const onValueChange = vi.fn();
    render(<LossLandscape onValueChange={onValueChange} />);
    fireEvent.click(screen.getByRole('button', { name: '3-D surface' }));
    const surface = screen.getByRole('button', { name: /3-D surface seen from azimuth 35° and elevation 40°/ });
    fireEvent.keyDown(surface, { key: 'ArrowLeft' });
    fireEvent.keyDown(surface, { key: 'ArrowDown', shiftKey: true });
    expect(onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ view: 'surface', rotation: [30, 25] }));
  });
});

describe('LossLandscape on the design system', () => {
  it('is an Explainer: frame, data-state, rest props and ref on the root, legend and colour key', () => {
    const ref = { current: null as HTMLElement | null };
    render(<LossLandscape ref={ref} id="ll" data-course="3" aria-describedby="x" theme="dark" className="mine" />);
    const fig = screen.getByRole('figure', { name: 'Loss landscape' });
    expect(ref.current).toBe(fig);
    expect(fig.className).toBe('gl-explainer mine');
    expect(fig.id).toBe('ll');
    expect(fig.getAttribute('data-course')).toBe('3');
    expect(fig.getAttribute('data-theme')).toBe('dark');
    expect(fig.getAttribute('data-state')).toBe('idle');
    expect(screen.getByRole('list', { name: 'Key to the landscape' }).textContent).toMatch(/−∇𝓛: downhill.*θ₀: start.*θ\*: the minimum/);
    expect(screen.getByTestId('loss-key').getAttribute('class')).toBe('gl-color-legend');
    expect(screen.getByTestId('status').className).toBe('gl-status');
    // Play, Step, Reset in that order.
    const names = Array.from(screen.getByRole('group', { name: 'Controls' }).querySelectorAll('button')).map((b) => b.textContent);
    expect(names.slice(0, 3)).toEqual(['Play', 'Step', 'Reset']);
  });

  it('reports diverged in data-state', () => {
    render(<LossLandscape defaultValue={{ learningRate: 0.9, start: [-2, 2], iteration: 60, objective: 'ill-conditioned' }} />);
    expect(screen.getByRole('figure').getAttribute('data-state')).toBe('diverged');
    expect(screen.getByTestId('status').textContent).toMatch(/Diverged at step/);
  });

  it('shows no telemetry unless showPerformance', () => {
    render(<LossLandscape />);
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    expect(screen.queryByTestId('fps')).toBeNull();
    cleanup();
    render(<LossLandscape showPerformance />);
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    expect(screen.getByTestId('fps').textContent).toMatch(/FPS/);
  });

  it('says what is wrong with a NaN or zero size instead of drawing', () => {
    render(<LossLandscape width={NaN} />);
    expect(screen.getByRole('alert').textContent).toMatch(/width must be a positive number of pixels, not NaN/);
    expect(document.body.innerHTML).not.toMatch(/NaNpx|NaN,/);
    cleanup();
    render(<LossLandscape height={0} />);
    expect(screen.getByRole('alert').textContent).toMatch(/height must be a positive number/);
  });

  it('reports a bad defaultValue once and uses the defaults (no TypeError)', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const bad = { learningRate: 'fast', start: [1], colour: 'red', optimizer: 'sgd' } as unknown as Partial<LossLandscapeState>;
    render(<LossLandscape defaultValue={bad} />);
    expect(screen.getByTestId('status').textContent).toMatch(/Step 0 of 100/);
    expect(warn.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(/learningRate[\s\S]*start[\s\S]*colour[\s\S]*optimizer/);
    warn.mockRestore();
  });

  it('stacks in one column at 390 px, with the plot no wider than the container', () => {
    const resize = stubResizeObserver();
    try {
      render(<LossLandscape />);
      resize(390);
      const fig = screen.getByRole('figure');
      expect(fig.hasAttribute('data-compact')).toBe(true);
      const plot = fig.querySelector('svg[role="group"]')!;
      expect(Number(plot.getAttribute('width'))).toBe(390);
      expect(Number(screen.getByTestId('loss-chart').getAttribute('width'))).toBeLessThanOrEqual(390);
      expect(Number(screen.getByTestId('data-panel').getAttribute('width'))).toBeLessThanOrEqual(390);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('drags θ₀ to the pointer inside a CSS-scaled slide', () => {
    const onValueChange = vi.fn();
    render(<LossLandscape onValueChange={onValueChange} objective={undefined} />);
    const area = document.querySelector('.gl-plot-area') as SVGRectElement;
    // The 496 × 344 plot area, shown at half size at (100, 50) on the screen.
    const w = 560 - 52 - 12;
    const h = 400 - 12 - 44;
    Object.defineProperty(area, 'getBoundingClientRect', { value: () => ({ left: 100, top: 50, width: w / 2, height: h / 2, right: 100 + w / 2, bottom: 50 + h / 2 }) });
    Object.defineProperty(area, 'width', { value: { baseVal: { value: w } } });
    Object.defineProperty(area, 'height', { value: { baseVal: { value: h } } });
    const jump = area.parentElement!.querySelector('rect.gl-press-area') as SVGRectElement;
    // Three quarters across and a quarter down the on-screen box.
    fireEvent.pointerDown(jump, { pointerId: 1, button: 0, pointerType: 'mouse', clientX: 100 + (3 * w) / 8, clientY: 50 + h / 8 });
    const s = onValueChange.mock.calls.at(-1)![0] as LossLandscapeState;
    const data = makeLine({ nSamples: 30, slope: 2, intercept: 1, noise: 1.5, randomState: 0 });
    const [x0, x1, y0, y1] = mseLineObjective(data.x, data.y).domain!;
    expect(s.start[0]).toBeCloseTo(x0 + 0.75 * (x1 - x0), 9);
    expect(s.start[1]).toBeCloseTo(y1 - 0.25 * (y1 - y0), 9);
    expect(s.iteration).toBe(0);
  });
});
