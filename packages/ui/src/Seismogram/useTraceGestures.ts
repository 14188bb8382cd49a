import type { ScaleLinear } from 'd3-scale';
import { useEffect, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { clientToLocal } from '../hooks/useMovable';
import type { SeismogramModel } from './useSeismogram';

/** The x of a pointer in the pan surface's own px (right under CSS transforms: a scaled slide). */
function localX(el: Element, clientX: number, clientY: number): number {
  const p = clientToLocal(el, clientX, clientY);
  return p ? p[0] : clientX - el.getBoundingClientRect().left;
}

/**
 * Drag to pan (one pointer), pinch to zoom (two), tap to place the cursor, the wheel to zoom
 * around the pointer (horizontal wheel or Shift pans), and the keys of the time-window slider.
 */
export function useTraceGestures(model: SeismogramModel, xs: ScaleLinear<number, number>, plotW: number) {
  const { start, end, span, actions } = model;
  const pointers = useRef(new Map<number, number>());
  const gesture = useRef<{ x: number; start: number; end: number; dist: number; moved: boolean } | null>(null);
  const begin = () => {
    const now = [...pointers.current.values()];
    const mid = now.reduce((a, b) => a + b, 0) / now.length;
    const dist = now.length > 1 ? Math.abs(now[0] - now[1]) : 0;
    gesture.current = { x: mid, start, end, dist, moved: gesture.current?.moved ?? false };
  };
  const onPointerDown = (e: PointerEvent<SVGRectElement>) => {
    pointers.current.set(e.pointerId, localX(e.currentTarget, e.clientX, e.clientY));
    gesture.current = null;
    begin();
    try {
      e.currentTarget.setPointerCapture?.(e.pointerId);
    } catch {
      // A synthetic pointer (no active pointer of that id) cannot be captured; dragging still works.
    }
  };
  const onPointerMove = (e: PointerEvent<SVGRectElement>) => {
    const g = gesture.current;
    if (!g || !pointers.current.has(e.pointerId)) return;
    pointers.current.set(e.pointerId, localX(e.currentTarget, e.clientX, e.clientY));
    const now = [...pointers.current.values()];
    const mid = now.reduce((a, b) => a + b, 0) / now.length;
    const s0 = g.end - g.start;
    if (now.length > 1 && g.dist > 10) {
      // Pinch: the time under the fingers' first midpoint stays under their midpoint.
      const newSpan = s0 * (g.dist / Math.max(10, Math.abs(now[0] - now[1])));
      const at = g.start + (g.x / plotW) * s0;
      g.moved = true;
      actions.setWindow(at - (mid / plotW) * newSpan, at - (mid / plotW) * newSpan + newSpan);
      return;
    }
    const dx = mid - g.x;
    if (Math.abs(dx) >= 3) g.moved = true;
    if (!g.moved) return;
    const dt = (-dx / plotW) * s0;
    actions.setWindow(g.start + dt, g.end + dt);
  };
  const onPointerUp = (e: PointerEvent<SVGRectElement>) => {
    const g = gesture.current;
    const x = pointers.current.get(e.pointerId);
    pointers.current.delete(e.pointerId);
    if (e.currentTarget.hasPointerCapture?.(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
    if (g && !g.moved && x !== undefined && pointers.current.size === 0) actions.setCursor(xs.invert(x));
    if (pointers.current.size > 0) begin();
    else gesture.current = null;
  };

  // A non-passive wheel listener, so that the page does not scroll while the pointer is over the traces.
  const surfaceRef = useRef<SVGRectElement>(null);
  const wheelRef = useRef<(e: WheelEvent) => void>(() => {});
  wheelRef.current = (e: WheelEvent) => {
    e.preventDefault();
    const horizontal = Math.abs(e.deltaX) > Math.abs(e.deltaY) || e.shiftKey;
    const delta = horizontal ? (Math.abs(e.deltaX) > Math.abs(e.deltaY) ? e.deltaX : e.deltaY) : e.deltaY;
    const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
    const el = surfaceRef.current;
    if (horizontal) actions.pan((delta * unit) / plotW);
    else actions.zoom(Math.exp(delta * unit * 0.002), el ? xs.invert(localX(el, e.clientX, e.clientY)) : undefined);
  };
  useEffect(() => {
    const el = surfaceRef.current;
    if (!el) return;
    const on = (e: WheelEvent) => wheelRef.current(e);
    el.addEventListener('wheel', on, { passive: false });
    return () => el.removeEventListener('wheel', on);
  }, []);

  const onKeyDown = (e: KeyboardEvent<SVGGElement>) => {
    const k = e.key;
    const step = e.shiftKey ? 0.5 : 0.1;
    const moves: Record<string, () => void> = {
      ArrowLeft: () => actions.pan(-step),
      ArrowDown: () => actions.pan(-step),
      ArrowRight: () => actions.pan(step),
      ArrowUp: () => actions.pan(step),
      PageUp: () => actions.pan(-1),
      PageDown: () => actions.pan(1),
      '+': () => actions.zoom(1 / 1.5),
      '=': () => actions.zoom(1 / 1.5),
      '-': () => actions.zoom(1.5),
      _: () => actions.zoom(1.5),
      '−': () => actions.zoom(1.5),
      Home: actions.resetView,
      End: actions.showEnd,
    };
    if (k in moves) {
      moves[k]();
      actions.setCursor(null);
    } else if (k === 'p' || k === 'P') actions.setPick('P');
    else if (k === 's' || k === 'S') actions.setPick('S');
    else return;
    e.preventDefault();
  };

  return { surfaceRef, onKeyDown, surfaceProps: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp }, span };
}
