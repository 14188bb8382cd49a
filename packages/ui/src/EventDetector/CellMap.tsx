import { DETECTION_RINGS, type DetectionEvent } from '@geolearn/algorithms/seismic';
import { conceptColor, ON_MAP, sequential } from '../common/colors';
import { CELL_NAMES, cellPath, epicentreXY } from './model';

/** Props of {@link CellMap}. */
export interface CellMapProps {
  /** Side of the square map in px. */
  size: number;
  /** p_c of the current window (7 values), or null before the scan. */
  probs: number[] | null;
  /** The true event in the window, if any. */
  event: DetectionEvent | null;
  /** Start of the current window, s. */
  start: number;
}

/**
 * The six cells around the station (north up): the near ring (Δ ≤ 22 km) and the far ring
 * (35–50 km), each in three 120° sectors of back-azimuth, filled by p_c of the current window
 * (viridis, 0 → 1), with p₀ (no event) written under it and the true epicentre, when the window
 * holds one, drawn as a ring.
 */
export function CellMap({ size, probs, event, start }: CellMapProps) {
  const R = size / 2 - 18;
  const best = probs ? probs.indexOf(Math.max(...probs)) : -1;
  const ep = event ? epicentreXY(event.distance, event.backAzimuth, R) : null;
  const desc = probs
    ? `Window ${start.toFixed(0)}–${(start + 10).toFixed(0)} s: p(no event) = ${probs[0].toFixed(2)}; most likely ${CELL_NAMES[best]}${event ? `; true event in ${CELL_NAMES[event.cell]}` : '; no event starts in this window'}.`
    : 'The detector has not run yet.';
  return (
    <figure className="gl-ed-map" data-testid="cell-map" data-best={best}>
      <svg width={size} height={size + 22} role="img" aria-label={desc}>
        <g transform={`translate(${size / 2},${size / 2})`}>
          {[1, 2, 3, 4, 5, 6].map((c) => (
            <path key={c} className="gl-ed-cell" data-cell={c} data-state={c === best ? 'best' : undefined} d={cellPath(c, R)} fill={probs ? sequential(probs[c]) : 'transparent'}>
              <title>{`${CELL_NAMES[c]}: p = ${probs ? probs[c].toFixed(2) : '–'}`}</title>
            </path>
          ))}
          {probs
            ? [1, 2, 3, 4, 5, 6].map((c) => {
                const ring = c <= 3 ? 0 : 1;
                const r = ((ring === 0 ? DETECTION_RINGS.near[1] * 0.6 : (DETECTION_RINGS.far[0] + DETECTION_RINGS.far[1]) / 2) * R) / DETECTION_RINGS.far[1];
                const a = ((((c - 1) % 3) * 120 + 60) * Math.PI) / 180;
                return (
                  <text key={c} className="gl-ed-cell-p" x={r * Math.sin(a)} y={-r * Math.cos(a) + 4} textAnchor="middle" fill={ON_MAP.fill} stroke={ON_MAP.outline}>
                    {probs[c].toFixed(2)}
                  </text>
                );
              })
            : null}
          <path className="gl-ed-station" d="M0,-7L6,5H-6Z" />
          {ep ? <circle className="gl-ed-epicentre" cx={ep[0]} cy={ep[1]} r={7} stroke={conceptColor('optimum')} data-testid="true-epicentre" /> : null}
          <text className="gl-ed-north" x={0} y={-R - 5} textAnchor="middle">N</text>
        </g>
        <text className="gl-ed-p0" x={size / 2} y={size + 16} textAnchor="middle">
          {probs ? `p(no event) = ${probs[0].toFixed(2)}` : 'no window yet'}
        </text>
      </svg>
    </figure>
  );
}
