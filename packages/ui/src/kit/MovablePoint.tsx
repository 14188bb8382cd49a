import type { RefObject } from 'react';
import { useMovable, type MovableScale, type Point2 } from '../hooks/useMovable';
import { token } from '../styles/tokens';

/** Props of {@link MovablePoint}. */
export interface MovablePointProps {
  /** The point in data coordinates (controlled). */
  point: readonly [number, number];
  /** Called with each new position. */
  onMove: (point: Point2) => void;
  /** x scale: data → px of `area`. */
  x: MovableScale;
  /** y scale: data → px of `area`. */
  y: MovableScale;
  /** The element whose own box the scales map (the plot's `<rect>`); see `useMovable`. */
  area: RefObject<Element | null>;
  /** Accessible name, including the value, e.g. "Starting point θ₀ = (1.00, 2.00)". */
  label: string;
  /** Stroke colour of the dot. Default `--gl-accent`. */
  color?: string;
  /** Radius of the visible dot, px. Default 8 (the hit area is 22, so 44 px across). */
  radius?: number;
  /** Constrain each move (snap, clamp); default clamps to the scales' domains. */
  constrain?: (point: Point2) => Point2;
  /** Arrow-key step in data units. Default 1 % of each domain (Shift ×10). */
  step?: number | readonly [number, number];
  /** Called when a drag starts. */
  onStart?: () => void;
  /** Draw it here (px) instead of at the scaled point: e.g. a point projected onto a 3-D view. */
  at?: readonly [number, number];
  /** Whether the pointer can drag it (false: keyboard only, e.g. in a projected view). Default true. */
  draggable?: boolean;
  /** `data-testid` of the handle. */
  testId?: string;
}

/**
 * A draggable point in an SVG plot (class `gl-handle`; parts `gl-handle-hit`,
 * `gl-handle-dot`, `gl-handle-ring`): a 44 px hit area, keyboard moves (see
 * `useMovable`), a focus ring drawn by the package CSS (`:focus-visible` strokes the
 * ring), `role="button"` with a roledescription and a label that states its value.
 */
export function MovablePoint({ point, onMove, x, y, area, label, color = token('--gl-accent'), radius = 8, constrain, step, onStart, at, draggable = true, testId }: MovablePointProps) {
  const { handleProps } = useMovable({ point, onMove, x, y, area, constrain, step, onStart });
  const [px, py] = at ?? [x(point[0]), y(point[1])];
  const { onPointerDown, onPointerMove, onPointerUp, onPointerCancel, ...keys } = handleProps;
  const pointer = draggable ? { onPointerDown, onPointerMove, onPointerUp, onPointerCancel } : {};
  return (
    <g
      className="gl-handle"
      role="button"
      aria-roledescription="draggable point"
      aria-label={`${label}. Arrow keys move it, Shift moves it further.`}
      transform={`translate(${px},${py})`}
      data-testid={testId}
      style={{ color }}
      {...keys}
      {...pointer}
    >
      <circle className="gl-handle-hit" r={22} fill="transparent" />
      <circle className="gl-handle-ring" r={radius + 5} fill="none" />
      <circle className="gl-handle-dot" r={radius} fill={token('--gl-bg')} stroke="currentColor" strokeWidth={3} />
    </g>
  );
}
