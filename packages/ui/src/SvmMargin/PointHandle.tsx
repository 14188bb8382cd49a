import type { KeyboardEvent, RefObject } from 'react';
import { classColor } from '../common/colors';
import { useMovable, type MovableScale, type Point2 } from '../hooks/useMovable';

/** Props of {@link PointHandle}. */
export interface PointHandleProps {
  /** The point in data coordinates. */
  point: readonly [number, number];
  /** Its class (colour and shape: class 0 a circle, class 1 a square). */
  cls: number;
  /** Scales and reference box (see `useMovable`). */
  x: MovableScale;
  y: MovableScale;
  area: RefObject<Element | null>;
  /** Called with each new position. */
  onMove: (p: Point2) => void;
  /** Called when the point should go (Delete or Backspace, or a press in delete mode). */
  onDelete: () => void;
  /** Delete mode: a press deletes instead of dragging. */
  deleting: boolean;
  /** Whether it is a support vector (ringed). */
  support: boolean;
  /** Accessible name (with the value). */
  label: string;
  /** Called when a drag starts. */
  onStart?: () => void;
  /** Its index (data-index). */
  index: number;
}

/**
 * A data point that can be dragged, moved with the arrow keys, and deleted with Delete or
 * Backspace (or by a press in delete mode): `useMovable` on a custom `g.gl-handle`, 44 px
 * hit area. Class 0 is a circle and class 1 a square, so the classes differ by shape too.
 */
export function PointHandle({ point, cls, x, y, area, onMove, onDelete, deleting, support, label, onStart, index }: PointHandleProps) {
  const { handleProps } = useMovable({ point, onMove, x, y, area, onStart, step: 0.08 });
  const { onKeyDown, onPointerDown, ...rest } = handleProps;
  const keyDown = (e: KeyboardEvent<Element>) => {
    if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      onDelete();
      return;
    }
    onKeyDown(e);
  };
  const color = classColor(cls);
  return (
    <g
      className="gl-handle gl-svm-point"
      role="button"
      aria-roledescription="draggable point"
      aria-label={`${label}. Arrow keys move it, Delete removes it.`}
      transform={`translate(${x(point[0])},${y(point[1])})`}
      style={{ color }}
      data-class={cls}
      data-index={index}
      data-support={support || undefined}
      data-testid="svm-point"
      {...rest}
      onKeyDown={keyDown}
      onPointerDown={(e) => {
        if (deleting) {
          e.preventDefault();
          e.stopPropagation();
          onDelete();
          return;
        }
        onPointerDown(e);
      }}
    >
      <circle className="gl-handle-hit" r={22} fill="transparent" />
      <circle className="gl-handle-ring" r={12} fill="none" />
      {support && <circle className="gl-svm-sv-ring" r={10.5} fill="none" />}
      <ClassMark cls={cls} />
    </g>
  );
}

/** A class's mark at the origin, filled with `currentColor`: circle, square, triangle, diamond. */
export function ClassMark({ cls, size = 6 }: { cls: number; size?: number }) {
  const s = size;
  switch (((cls % 4) + 4) % 4) {
    case 1:
      return <rect className="gl-svm-mark" x={-s * 0.9} y={-s * 0.9} width={s * 1.8} height={s * 1.8} fill="currentColor" />;
    case 2:
      return <path className="gl-svm-mark" d={`M0,${-s * 1.2}L${s * 1.1},${s * 0.8}L${-s * 1.1},${s * 0.8}Z`} fill="currentColor" />;
    case 3:
      return <path className="gl-svm-mark" d={`M0,${-s * 1.2}L${s * 1.2},0L0,${s * 1.2}L${-s * 1.2},0Z`} fill="currentColor" />;
    default:
      return <circle className="gl-svm-mark" r={s} fill="currentColor" />;
  }
}
