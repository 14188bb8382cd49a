import { useId } from 'react';
import { ACTIONS, GOAL, GRID, greedy, PIT, START, type QResult } from './model';

/** The arrow of each action, as a unit vector in screen coordinates (y down). */
const DIR: [number, number][] = [
  [0, -1],
  [1, 0],
  [0, 1],
  [-1, 0],
];

/**
 * The 4 × 4 grid world: start S, goal +1, pit −1. Each cell shows the greedy action
 * argmaxₐ Q(s, a) as an arrow (faint until the cell has been updated), and the path of the
 * last episode is drawn as a line.
 */
export function GridWorld({ q, size }: { q: QResult; size: number }) {
  const arrowId = `gl-lt-arrowhead-${useId().replace(/:/g, '')}`;
  const m = 4;
  const c = (size - 2 * m) / GRID;
  const centre = (s: number): [number, number] => [m + ((s % GRID) + 0.5) * c, m + (Math.floor(s / GRID) + 0.5) * c];
  const path = q.lastPath.map((s) => centre(s).join(',')).join(' ');
  return (
    <svg className="gl-lt-grid" width={size} height={size} role="img" aria-label={`Grid world: the agent starts top-left, the goal is bottom-right, a pit is in row 3. Policy: ${policyText(q)}`} data-testid="grid-world">
      {Array.from({ length: GRID * GRID }, (_, s) => {
        const [x, y] = centre(s);
        const kind = s === GOAL ? 'goal' : s === PIT ? 'pit' : s === START ? 'start' : 'cell';
        const row = q.q[s];
        const learned = row.some((v) => v !== 0);
        const a = greedy(row);
        const L = c * 0.28;
        return (
          <g key={s} className="gl-lt-cell" data-kind={kind}>
            <rect x={x - c / 2} y={y - c / 2} width={c} height={c} />
            {kind === 'goal' && <text x={x} y={y} textAnchor="middle" dominantBaseline="middle">+1</text>}
            {kind === 'pit' && <text x={x} y={y} textAnchor="middle" dominantBaseline="middle">−1</text>}
            {kind !== 'goal' && kind !== 'pit' && !learned && <circle className="gl-lt-unlearned" cx={x} cy={y} r={3} />}
            {kind !== 'goal' && kind !== 'pit' && learned && (
              <path
                className="gl-lt-arrow"
                d={`M${x - DIR[a][0] * L},${y - DIR[a][1] * L}L${x + DIR[a][0] * L},${y + DIR[a][1] * L}`}
                markerEnd={`url(#${arrowId})`}
              />
            )}
            {kind === 'start' && <text className="gl-lt-start" x={x - c / 2 + 4} y={y - c / 2 + 12}>S</text>}
          </g>
        );
      })}
      <polyline className="gl-lt-path" points={path} data-testid="episode-path" />
      <defs>
        <marker id={arrowId} viewBox="0 0 10 10" refX="5" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse">
          <path d="M0,0L10,5L0,10z" className="gl-lt-arrowhead" />
        </marker>
      </defs>
    </svg>
  );
}

/** The greedy arrows of the non-terminal cells, row by row, for screen readers. */
export function policyText(q: QResult): string {
  const rows: string[] = [];
  for (let r = 0; r < GRID; r++) {
    const cells: string[] = [];
    for (let col = 0; col < GRID; col++) {
      const s = r * GRID + col;
      cells.push(s === GOAL ? '+1' : s === PIT ? '−1' : q.q[s].some((v) => v !== 0) ? ACTIONS[greedy(q.q[s])] : '·');
    }
    rows.push(cells.join(' '));
  }
  return rows.join(' / ');
}
