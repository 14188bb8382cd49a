import { useRef, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';

/** Props of {@link RotateArea}. */
export interface RotateAreaProps {
  /** Current azimuth in degrees (shown in `data-rotation`). */
  azimuth: number;
  /** Current elevation in degrees. */
  elevation: number;
  /** Turns the view by (Δazimuth, Δelevation) degrees. */
  onRotate: (dAzimuth: number, dElevation: number) => void;
  /** Size of the area, px. */
  width: number;
  height: number;
  /** Accessible name (say what is seen and how to turn it). */
  label: string;
  /** `data-testid` of the group. */
  testId?: string;
  /**
   * What is drawn in the area (it lets the pointer through). It is drawn just before the
   * focusable group, not inside it, so its text (axis labels…) is not the button's visible
   * text, which would have to start its accessible name (WCAG 2.5.3).
   */
  children?: ReactNode;
}

/**
 * A focusable SVG group that turns a 3-D view: ←/→ change the azimuth and ↑/↓ the elevation
 * by 5° (Shift: 15°); a drag turns it by half a degree per pixel (pointer captured). Classes
 * `gl-focusable` and `rect.gl-focus-box` (the focus ring); `data-rotation="az,el"`. The
 * transparent hit area and the focus ring lie over `children`, which are drawn first.
 */
export function RotateArea({ azimuth, elevation, onRotate, width, height, label, testId, children }: RotateAreaProps) {
  const last = useRef<{ id: number; x: number; y: number } | null>(null);
  const onKeyDown = (e: KeyboardEvent<SVGGElement>) => {
    const k = e.shiftKey ? 15 : 5;
    const d: Record<string, [number, number]> = { ArrowLeft: [-k, 0], ArrowRight: [k, 0], ArrowUp: [0, k], ArrowDown: [0, -k] };
    if (!d[e.key]) return;
    e.preventDefault();
    onRotate(...d[e.key]);
  };
  const onMove = (e: PointerEvent<SVGRectElement>) => {
    const l = last.current;
    if (!l || l.id !== e.pointerId) return;
    const [dx, dy] = [e.clientX - l.x, e.clientY - l.y];
    // Ignore jitter under 2 px so a click does not turn the view.
    if (Math.abs(dx) + Math.abs(dy) < 2) return;
    last.current = { id: e.pointerId, x: e.clientX, y: e.clientY };
    onRotate(-dx * 0.5, dy * 0.5);
  };
  const end = () => {
    last.current = null;
  };
  return (
    <>
      {children !== undefined && <g pointerEvents="none">{children}</g>}
      <g
        role="button"
        tabIndex={0}
        aria-roledescription="rotatable 3-D view"
        aria-label={label}
        onKeyDown={onKeyDown}
        className="gl-focusable"
        data-testid={testId}
        data-rotation={`${azimuth},${elevation}`}
      >
        <rect
          width={width}
          height={height}
          fill="transparent"
          className="gl-rotate-area"
          onPointerDown={(e) => {
            last.current = { id: e.pointerId, x: e.clientX, y: e.clientY };
            e.currentTarget.setPointerCapture?.(e.pointerId);
          }}
          onPointerMove={onMove}
          onPointerUp={end}
          onPointerCancel={end}
        />
        <rect className="gl-focus-box" width={width} height={height} fill="none" pointerEvents="none" />
      </g>
    </>
  );
}
