import { useEffect, useState, type RefObject } from 'react';

/**
 * The content width of `ref`'s element, measured with a ResizeObserver in an effect
 * (so it is safe on a server: there it stays `initial`, and `measured` is false).
 */
export function useContainerWidth(ref: RefObject<Element | null>, initial = 0): { width: number; measured: boolean } {
  const [size, setSize] = useState({ width: initial, measured: false });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const set = (w: number) => setSize((s) => (s.measured && s.width === w ? s : { width: w, measured: true }));
    // The content box, as ResizeObserver reports it: clientWidth less the horizontal padding.
    const cs = typeof getComputedStyle === 'function' ? getComputedStyle(el) : null;
    const pad = cs ? (parseFloat(cs.paddingLeft) || 0) + (parseFloat(cs.paddingRight) || 0) : 0;
    const w0 = Math.floor(((el as HTMLElement).clientWidth || 0) - pad);
    if (w0 > 0) set(w0);
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0]?.contentRect.width ?? 0);
      if (w > 0) set(w);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return size;
}
