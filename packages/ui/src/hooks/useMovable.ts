import { useRef, useState, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';

/** A scale between data and px: d3's `scaleLinear`/`scaleLog` fit. */
export interface MovableScale {
  (value: number): number;
  /** px → data. */
  invert(px: number): number;
  /** The data domain (its ends bound the point and give Home/End). */
  domain(): number[];
}

/** A 2-D point in data coordinates. */
export type Point2 = [number, number];

/** Options of {@link useMovable}. */
export interface MovableOptions {
  /** The point, in data coordinates (controlled). */
  point: readonly [number, number];
  /** Called with each new position (pointer or keyboard), after `constrain`. */
  onMove: (point: Point2) => void;
  /** The x scale: data → px in the `area`'s own coordinates. */
  x: MovableScale;
  /** The y scale: data → px in the `area`'s own coordinates. */
  y: MovableScale;
  /**
   * The reference element whose own box (0…its width, 0…its height, in its own units)
   * the scales map: usually the plot's `<rect>` or `<svg>`. Pointer positions are mapped
   * through it, correctly under CSS transforms (a scaled reveal.js slide).
   */
  area: RefObject<Element | null>;
  /**
   * Constrains a candidate position (snap to a grid, stay on a curve). The default clamps
   * to the scales' domains; a custom one should clamp too.
   */
  constrain?: (point: Point2) => Point2;
  /** One arrow press in data units, [dx, dy] or one number. Default 1 % of each domain. Shift: ×10. */
  step?: number | readonly [number, number];
  /** Called when a drag starts. */
  onStart?: () => void;
  /** Called when a drag ends. */
  onEnd?: () => void;
  /** Ignore pointer and keys. */
  disabled?: boolean;
}

/** What {@link useMovable} returns. */
export interface Movable {
  /** Whether a pointer drag is in progress. */
  dragging: boolean;
  /** Spread on the handle: pointer capture and keys. */
  handleProps: {
    onPointerDown: (e: PointerEvent<Element>) => void;
    onPointerMove: (e: PointerEvent<Element>) => void;
    onPointerUp: (e: PointerEvent<Element>) => void;
    onPointerCancel: (e: PointerEvent<Element>) => void;
    onKeyDown: (e: KeyboardEvent<Element>) => void;
    tabIndex: number;
    'data-state': 'dragging' | 'idle';
  };
  /** Spread on a background (the plot): pressing it jumps the point there and drags. */
  areaProps: {
    onPointerDown: (e: PointerEvent<Element>) => void;
    onPointerMove: (e: PointerEvent<Element>) => void;
    onPointerUp: (e: PointerEvent<Element>) => void;
    onPointerCancel: (e: PointerEvent<Element>) => void;
  };
  /** Maps a pointer's client position to data coordinates (unconstrained); null before mount. */
  toData: (clientX: number, clientY: number) => Point2 | null;
}

/** The element's own (untransformed) size in its own user units, or null if unknown. */
function ownSize(el: Element): [number, number] | null {
  const anyEl = el as unknown as {
    width?: { baseVal?: { value: number } };
    height?: { baseVal?: { value: number } };
    offsetWidth?: number;
    offsetHeight?: number;
  };
  const w = anyEl.width?.baseVal?.value ?? anyEl.offsetWidth;
  const h = anyEl.height?.baseVal?.value ?? anyEl.offsetHeight;
  if (w !== undefined && h !== undefined && w > 0 && h > 0) return [w, h];
  const bb = (el as unknown as { getBBox?: () => { width: number; height: number } }).getBBox?.();
  if (bb && bb.width > 0 && bb.height > 0) return [bb.width, bb.height];
  return null;
}

/**
 * Maps a pointer's client (viewport) position into `el`'s own coordinates, exact under
 * CSS transforms (translate, scale: reveal.js scales whole slides).
 *
 * Primary: the ratio of the element's on-screen box (`getBoundingClientRect`, which
 * includes every transform) to its own size (its `width`/`height` attributes), so
 * local = (client − box corner) × own size / box size, plus its own x/y offset. Fallback,
 * when the own size is unknown: the inverse of `getScreenCTM()`. Never
 * `clientX − offsetLeft`, which ignores transforms. Returns null where neither is available.
 */
export function clientToLocal(el: Element, clientX: number, clientY: number): Point2 | null {
  const size = ownSize(el);
  const r = el.getBoundingClientRect?.();
  if (size && r && r.width > 0 && r.height > 0) {
    const anyEl = el as unknown as { x?: { baseVal?: { value: number } }; y?: { baseVal?: { value: number } } };
    // A nested <svg>'s x/y place it in its parent; its own coordinates start at 0.
    const isSvg = el.tagName.toLowerCase() === 'svg';
    const ox = isSvg ? 0 : anyEl.x?.baseVal?.value ?? 0;
    const oy = isSvg ? 0 : anyEl.y?.baseVal?.value ?? 0;
    return [ox + ((clientX - r.left) * size[0]) / r.width, oy + ((clientY - r.top) * size[1]) / r.height];
  }
  const m = (el as unknown as { getScreenCTM?: () => { a: number; b: number; c: number; d: number; e: number; f: number } | null }).getScreenCTM?.();
  if (m) {
    // Invert the affine map [a c e; b d f]: p = M⁻¹ (client − (e, f)).
    const det = m.a * m.d - m.b * m.c;
    if (det !== 0 && Number.isFinite(det)) {
      const dx = clientX - m.e;
      const dy = clientY - m.f;
      return [(m.d * dx - m.c * dy) / det, (-m.b * dx + m.a * dy) / det];
    }
  }
  return null;
}

/** Clamps a point to the scales' domains. */
function clampTo(x: MovableScale, y: MovableScale, p: Point2): Point2 {
  const [x0, x1] = x.domain();
  const [y0, y1] = y.domain();
  return [Math.min(Math.max(x0, x1), Math.max(Math.min(x0, x1), p[0])), Math.min(Math.max(y0, y1), Math.max(Math.min(y0, y1), p[1]))];
}

/**
 * Makes a point draggable and keyboard-movable, as mafs's `useMovable` does: pointer
 * capture (mouse, pen, touch) on the handle or on a background, arrow keys (Shift = ×10),
 * Home/End (x to its domain's ends), PageUp/PageDown (y to its ends), and a `constrain`
 * function (clamp, snap). Positions are mapped through `area` with {@link clientToLocal},
 * so they stay right inside CSS-scaled slides. The point is controlled: `onMove` reports,
 * the parent renders.
 */
export function useMovable({ point, onMove, x, y, area, constrain, step, onStart, onEnd, disabled = false }: MovableOptions): Movable {
  const [dragging, setDragging] = useState(false);
  const active = useRef<number | null>(null);
  const fix = (p: Point2): Point2 => (constrain ? constrain(p) : clampTo(x, y, p));
  const toData = (clientX: number, clientY: number): Point2 | null => {
    const el = area.current;
    if (!el) return null;
    const local = clientToLocal(el, clientX, clientY);
    if (!local) return null;
    return [x.invert(local[0]), y.invert(local[1])];
  };
  const moveTo = (e: PointerEvent<Element>) => {
    const p = toData(e.clientX, e.clientY);
    if (p && Number.isFinite(p[0]) && Number.isFinite(p[1])) onMove(fix(p));
  };
  const start = (e: PointerEvent<Element>, jump: boolean) => {
    if (disabled || (e.pointerType === 'mouse' && e.button !== 0)) return;
    active.current = e.pointerId;
    (e.currentTarget as Element).setPointerCapture?.(e.pointerId);
    setDragging(true);
    onStart?.();
    if (jump) moveTo(e);
  };
  const move = (e: PointerEvent<Element>) => {
    if (active.current === null || e.pointerId !== active.current) return;
    e.preventDefault();
    moveTo(e);
  };
  const end = (e: PointerEvent<Element>) => {
    if (active.current === null || e.pointerId !== active.current) return;
    active.current = null;
    (e.currentTarget as Element).releasePointerCapture?.(e.pointerId);
    setDragging(false);
    onEnd?.();
  };
  const onKeyDown = (e: KeyboardEvent<Element>) => {
    if (disabled) return;
    const [x0, x1] = x.domain();
    const [y0, y1] = y.domain();
    const [sx, sy] = step === undefined ? [(x1 - x0) / 100, (y1 - y0) / 100] : typeof step === 'number' ? [step, step] : step;
    const k = e.shiftKey ? 10 : 1;
    const [px, py] = point;
    const targets: Record<string, Point2> = {
      ArrowLeft: [px - k * sx, py],
      ArrowRight: [px + k * sx, py],
      ArrowUp: [px, py + k * sy],
      ArrowDown: [px, py - k * sy],
      Home: [Math.min(x0, x1), py],
      End: [Math.max(x0, x1), py],
      PageUp: [px, Math.max(y0, y1)],
      PageDown: [px, Math.min(y0, y1)],
    };
    const t = targets[e.key];
    if (!t) return;
    e.preventDefault();
    onMove(fix(t));
  };
  const state = dragging ? 'dragging' : 'idle';
  return {
    dragging,
    handleProps: {
      onPointerDown: (e) => {
        e.stopPropagation();
        start(e, false);
      },
      onPointerMove: move,
      onPointerUp: end,
      onPointerCancel: end,
      onKeyDown,
      tabIndex: disabled ? -1 : 0,
      'data-state': state,
    },
    areaProps: { onPointerDown: (e) => start(e, true), onPointerMove: move, onPointerUp: end, onPointerCancel: end },
    toData,
  };
}
