import type { KeyboardEvent } from 'react';
import { classAttr, classColor } from '../common/colors';
import { boundarySegment, type Boundary } from './model';

/** Props of {@link ScatterPanel}. */
export interface ScatterPanelProps {
  /** 'supervised': labelled points and the fitted boundary; 'unsupervised': k-means clusters. */
  kind: 'supervised' | 'unsupervised';
  /** The points, features (x₁, x₂) in [0, 1]. */
  points: readonly [number, number][];
  /** Class labels (supervised) or cluster indices (unsupervised); null when clustering failed. */
  groups: readonly number[] | null;
  /** The logistic boundary (supervised only). */
  boundary?: Boundary;
  /** k-means centres (unsupervised only). */
  centers?: readonly number[][];
  /** Side of the square plot, px. */
  size: number;
  /** Re-label point i (supervised only). */
  onToggle?: (i: number) => void;
}

const M = 22;

/** A unit-square scatter plot of the ten points; in the supervised panel each point is a button that flips its label. */
export function ScatterPanel({ kind, points, groups, boundary, centers, size, onToggle }: ScatterPanelProps) {
  const p = size - 2 * M;
  const sx = (v: number) => M + v * p;
  const sy = (v: number) => M + (1 - v) * p;
  const seg = boundary && !('error' in boundary) ? boundarySegment(boundary.w, boundary.b) : null;
  // Clusters use the colours after the two classes, so a cluster is not mistaken for a label.
  const color = (i: number) => (groups ? classColor(kind === 'supervised' ? groups[i] : groups[i] + 2) : 'var(--gl-muted)');
  const key = (i: number) => (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onToggle?.(i);
    }
  };
  return (
    <svg className="gl-lt-scatter" width={size} height={size} role="group" aria-label={kind === 'supervised' ? 'Labelled points and the learned boundary' : 'Unlabelled points grouped by k-means'} data-testid={`${kind}-plot`}>
      <rect className="gl-lt-frame" x={M} y={M} width={p} height={p} />
      <text className="gl-lt-axis-label" x={M + p / 2} y={size - 4} textAnchor="middle">
        x₁
      </text>
      <text className="gl-lt-axis-label" x={8} y={M + p / 2} dominantBaseline="middle">
        x₂
      </text>
      {seg && <line className="gl-lt-boundary" data-testid="boundary" x1={sx(seg[0][0])} y1={sy(seg[0][1])} x2={sx(seg[1][0])} y2={sy(seg[1][1])} />}
      {centers?.map((c, k) => (
        <g key={k} className="gl-lt-center" transform={`translate(${sx(c[0])},${sy(c[1])})`} {...classAttr(k + 2)} data-testid="center">
          <path d="M-7,-7L7,7M-7,7L7,-7" />
        </g>
      ))}
      {points.map(([a, b], i) =>
        kind === 'supervised' ? (
          <g
            key={i}
            className="gl-lt-point gl-focusable"
            role="button"
            tabIndex={0}
            aria-label={`Point ${i + 1}: class ${groups?.[i] ?? 0}. Press to re-label`}
            data-class={groups?.[i]}
            onClick={() => onToggle?.(i)}
            onKeyDown={key(i)}
            transform={`translate(${sx(a)},${sy(b)})`}
          >
            <circle r={22} className="gl-lt-hit" />
            <circle r={11} className="gl-focus-box" />
            <circle r={7} fill={color(i)} className="gl-lt-dot" />
          </g>
        ) : (
          <circle key={i} cx={sx(a)} cy={sy(b)} r={7} className="gl-lt-dot" data-cluster={groups?.[i]} fill={color(i)} />
        ),
      )}
    </svg>
  );
}
