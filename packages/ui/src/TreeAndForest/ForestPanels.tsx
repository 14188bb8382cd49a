import { useEffect, useRef } from 'react';
import { classColor, readThemeColors } from '../common/colors';
import { useColorScheme } from '../hooks/useColorScheme';
import { useExplainerLayout } from '../kit/Explainer';
import { readClassColors } from '../Playground/FieldCanvas';
import { FitProgress } from '../worker/FitProgress';
import { treeLeafBoxes, type ForestTree } from './model';
import type { TreeModel } from './useTreeAndForest';

/** One tree's boundary on a small canvas: its leaves as boxes in their class colours. */
function TreeThumb({ tree, domain, K, size }: { tree: ForestTree; domain: readonly number[]; K: number; size: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const scheme = useColorScheme();
  const theme = useExplainerLayout()?.theme ?? 'auto';
  useEffect(() => {
    const c = ref.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    const cols = readClassColors(c);
    const bg = readThemeColors(c).bg;
    const sx = size / (domain[1] - domain[0]);
    const sy = size / (domain[3] - domain[2]);
    for (const { box, cls } of treeLeafBoxes(tree, domain, K)) {
      // 55 % of the class colour over the paper.
      const rgb = cols[cls].map((v, q) => Math.round(bg[q] + (v - bg[q]) * 0.55));
      ctx.fillStyle = `rgb(${rgb.join(',')})`;
      ctx.fillRect((box[0] - domain[0]) * sx, (domain[3] - box[3]) * sy, (box[1] - box[0]) * sx, (box[3] - box[2]) * sy);
    }
  }, [tree, domain, K, size, scheme, theme]);
  return <canvas ref={ref} width={size} height={size} aria-hidden="true" style={{ width: size, height: size }} />;
}

/** The forest's trees as small multiples, each ringed in the colour of its vote at the point. */
export function ForestGrid({ model, width }: { model: TreeModel; width: number }) {
  const { forest, votes, domain, data } = model;
  const n = forest?.trees.length ?? 0;
  const cols = Math.max(3, Math.min(10, Math.ceil(Math.sqrt(n * 1.6))));
  const size = Math.max(36, Math.min(96, Math.floor(width / cols) - 8));
  return (
    <div className="gl-tree-trees">
      <FitProgress value={model.fit.progress} running={model.fit.running} error={model.fit.error} label="Fitting the forest" />
      <ul className="gl-tree-grid" aria-label={`The ${n} trees of the forest, each with its vote`} data-testid="forest-grid" data-trees={n}>
        {forest?.trees.map((t, i) => {
          const v = votes?.[i] ?? 0;
          return (
            <li key={i} className="gl-tree-thumb" style={{ width: size + 6, height: size + 6 }} aria-label={`Tree ${i + 1} votes ${data.classNames[v]}`} data-vote={v}>
              <svg className="gl-tree-ring" width={size + 6} height={size + 6} aria-hidden="true">
                <rect x={1.5} y={1.5} width={size + 3} height={size + 3} rx={3} fill="none" stroke={classColor(v)} strokeWidth={3} />
              </svg>
              <div className="gl-tree-thumb-canvas" style={{ left: 3, top: 3 }}>
                <TreeThumb tree={t} domain={domain} K={forest.K} size={size} />
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** A bar per class: how many trees vote for it at the point. Never empty: the forest has ≥ 1 tree. */
export function VoteBars({ model, width }: { model: TreeModel; width: number }) {
  const { counts, data } = model;
  if (!counts) return <p className="gl-tree-note">Waiting for the forest…</p>;
  const total = counts.reduce((a, b) => a + b, 0);
  const rowH = 26;
  const labelW = 92;
  const barW = Math.max(40, width - labelW - 48);
  return (
    <svg className="gl-tree-votes" width={width} height={counts.length * rowH + 22} role="img" aria-label={`Votes: ${counts.map((c, k) => `${data.classNames[k]} ${c} of ${total}`).join(', ')}`} data-testid="votes" data-votes={counts.join(',')}>
      <text className="gl-tree-text" x={0} y={13}>
        Votes of {total} trees for y
      </text>
      {counts.map((c, k) => (
        <g key={k} transform={`translate(0,${20 + k * rowH})`}>
          <text className="gl-tree-text" x={labelW - 6} y={rowH / 2 + 4} textAnchor="end">
            {data.classNames[k]}
          </text>
          <rect x={labelW} y={3} width={barW} height={rowH - 8} className="gl-tree-bar-bg" />
          <rect x={labelW} y={3} width={(barW * c) / total} height={rowH - 8} fill={classColor(k)} />
          <text className="gl-tree-text" x={labelW + barW + 6} y={rowH / 2 + 4}>
            {c}
          </text>
        </g>
      ))}
    </svg>
  );
}
