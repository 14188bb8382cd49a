import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { scaleLinear } from 'd3-scale';
import { useRef, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clientToLocal, MovablePoint, type Point2 } from '../src';

afterEach(cleanup);

/**
 * A plot area of 400 × 300 user units drawn inside a slide that reveal.js scaled by 0.5
 * and placed at (100, 50) on the screen: its on-screen box is 200 × 150 px at (126, 56)
 * (the plot's own left/top margins 52/12 are scaled too).
 */
const SCREEN_BOX = { left: 126, top: 56, width: 200, height: 150, right: 326, bottom: 206, x: 126, y: 56, toJSON: () => ({}) } as DOMRect;

function scaledRect(el: Element) {
  Object.defineProperty(el, 'getBoundingClientRect', { configurable: true, value: () => SCREEN_BOX });
  Object.defineProperty(el, 'width', { configurable: true, value: { baseVal: { configurable: true, value: 400 } } });
  Object.defineProperty(el, 'height', { configurable: true, value: { baseVal: { configurable: true, value: 300 } } });
  Object.defineProperty(el, 'x', { configurable: true, value: { baseVal: { configurable: true, value: 0 } } });
  Object.defineProperty(el, 'y', { configurable: true, value: { baseVal: { configurable: true, value: 0 } } });
}

describe('clientToLocal', () => {
  it('maps through the on-screen box vs the own size, exact under a CSS scale', () => {
    const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
    scaledRect(rect);
    // The pointer at the box's centre is the plot's centre, not (centre − offsetLeft).
    expect(clientToLocal(rect, 226, 131)).toEqual([200, 150]);
    expect(clientToLocal(rect, 126, 56)).toEqual([0, 0]);
    expect(clientToLocal(rect, 326, 206)).toEqual([400, 300]);
  });

  it('falls back to the inverse of getScreenCTM when the own size is unknown', () => {
    const g = document.createElementNS('http://www.w3.org/2000/svg', 'g');
    // Screen = 0.5 · local + (126, 56), the same slide as above.
    Object.defineProperty(g, 'getScreenCTM', { configurable: true, value: () => ({ a: 0.5, b: 0, c: 0, d: 0.5, e: 126, f: 56 }) });
    Object.defineProperty(g, 'getBoundingClientRect', { configurable: true, value: () => ({ ...SCREEN_BOX, width: 0, height: 0 }) });
    expect(clientToLocal(g, 226, 131)).toEqual([200, 150]);
    // A rotation by 90° too: screen = R·local + t.
    Object.defineProperty(g, 'getScreenCTM', { configurable: true, value: () => ({ a: 0, b: 1, c: -1, d: 0, e: 10, f: 20 }) });
    const [x, y] = clientToLocal(g, 10 - 5, 20 + 3)!;
    expect(x).toBeCloseTo(3);
    expect(y).toBeCloseTo(5);
  });

  it('returns null where nothing can be measured', () => {
    const g = document.createElementNS('http://www.w3.org/2000/svg', 'g');
    Object.defineProperty(g, 'getBoundingClientRect', { configurable: true, value: () => ({ ...SCREEN_BOX, width: 0, height: 0 }) });
    Object.defineProperty(g, 'getScreenCTM', { configurable: true, value: () => null });
    expect(clientToLocal(g, 1, 1)).toBeNull();
  });
});

function Plot({ onMove, initial = [0, 0] as Point2 }: { onMove?: (p: Point2) => void; initial?: Point2 }) {
  const [p, setP] = useState<Point2>(initial);
  const area = useRef<SVGRectElement>(null);
  const x = scaleLinear().domain([-2, 2]).range([0, 400]);
  const y = scaleLinear().domain([-3, 3]).range([300, 0]);
  return (
    <svg width={504} height={356}>
      <g transform="translate(52,12)">
        <rect ref={(el) => {
          area.current = el;
          if (el) scaledRect(el);
        }} width={400} height={300} />
        <MovablePoint
          point={p}
          x={x}
          y={y}
          area={area}
          label={`θ₀ = (${p[0].toFixed(2)}, ${p[1].toFixed(2)})`}
          onMove={(q) => {
            setP(q);
            onMove?.(q);
          }}
          testId="handle"
        />
      </g>
    </svg>
  );
}

describe('MovablePoint', () => {
  it('is a focusable, labelled gl-handle with a 44 px hit area', () => {
    render(<Plot />);
    const h = screen.getByRole('button', { name: /θ₀ = \(0.00, 0.00\)/ });
    expect(h.getAttribute('class')).toBe('gl-handle');
    expect(h.getAttribute('tabindex')).toBe('0');
    expect(h.getAttribute('aria-roledescription')).toBe('draggable point');
    expect(h.querySelector('.gl-handle-hit')!.getAttribute('r')).toBe('22');
    expect(h.querySelector('.gl-handle-ring')).toBeTruthy();
  });

  it('moves by arrows (1 % of the domain), Shift ×10, Home/End, PageUp/Down, clamped', () => {
    const seen: Point2[] = [];
    render(<Plot onMove={(p) => seen.push(p)} />);
    const h = screen.getByTestId('handle');
    fireEvent.keyDown(h, { key: 'ArrowRight' });
    fireEvent.keyDown(h, { key: 'ArrowUp', shiftKey: true });
    fireEvent.keyDown(h, { key: 'End' });
    fireEvent.keyDown(h, { key: 'PageDown' });
    fireEvent.keyDown(h, { key: 'ArrowDown' });
    const r = seen.map(([a, b]) => [Number(a.toFixed(3)), Number(b.toFixed(3))]);
    expect(r).toEqual([
      [0.04, 0],
      [0.04, 0.6],
      [2, 0.6],
      [2, -3],
      [2, -3],
    ]);
  });

  it('drags to the data point under the pointer inside a scaled slide', () => {
    const seen: Point2[] = [];
    render(<Plot onMove={(p) => seen.push(p)} />);
    const h = screen.getByTestId('handle');
    const capture = vi.fn();
    Object.defineProperty(h, 'setPointerCapture', { configurable: true, value: capture });
    Object.defineProperty(h, 'releasePointerCapture', { configurable: true, value: () => {} });
    fireEvent.pointerDown(h, { pointerId: 1, button: 0, pointerType: 'mouse', clientX: 226, clientY: 131 });
    expect(capture).toHaveBeenCalledWith(1);
    expect(h.getAttribute('data-state')).toBe('dragging');
    // Three quarters across and a quarter down the on-screen box: x = 1, y = 1.5.
    fireEvent.pointerMove(h, { pointerId: 1, clientX: 126 + 150, clientY: 56 + 37.5 });
    fireEvent.pointerUp(h, { pointerId: 1 });
    expect(seen).toHaveLength(1);
    expect(seen[0][0]).toBeCloseTo(1, 9);
    expect(seen[0][1]).toBeCloseTo(1.5, 9);
    expect(h.getAttribute('data-state')).toBe('idle');
    // After release, moves are ignored.
    fireEvent.pointerMove(h, { pointerId: 1, clientX: 130, clientY: 60 });
    expect(seen).toHaveLength(1);
  });
});
