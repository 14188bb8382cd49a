import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';

/** Props of {@link Responsive}. */
export interface ResponsiveProps {
  /** Renders the component at the measured size. */
  children: (size: { width: number; height: number }) => ReactNode;
  /** Height as a fraction of width when no fixed height is given. Default 0.625 (16:10). */
  aspect?: number;
  /** A fixed height in px; otherwise width × aspect. */
  height?: number;
  /** Width used before measuring (and on the server). Default 640. */
  initialWidth?: number;
  /** Smallest width passed to children. Default 280. */
  minWidth?: number;
  /** Style of the measuring wrapper. */
  style?: CSSProperties;
  /** Class of the measuring wrapper. */
  className?: string;
}

/**
 * The resize wrapper: measures its own width with a ResizeObserver and hands a size to
 * its child, so components can take `width`/`height` from outside and still fill a slide.
 */
export function Responsive({ children, aspect = 0.625, height, initialWidth = 640, minWidth = 280, style, className }: ResponsiveProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(initialWidth);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0]?.contentRect.width ?? 0);
      if (w > 0) setWidth(Math.max(minWidth, w));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [minWidth]);
  return (
    <div ref={ref} className={className} style={{ width: '100%', ...style }}>
      {children({ width, height: height ?? Math.round(width * aspect) })}
    </div>
  );
}
