import type { KeyboardEvent } from 'react';
import { answerText, areaColor, AREAS, layoutTree, NODES, type WalkStep } from './model';

const TREE = layoutTree();
const ROW_H = 34;
const NODE_H = 26;
const M = { top: 8, left: 4, right: 4, bottom: 8 };

/** Props of {@link FlowChart}. */
export interface FlowChartProps {
  width: number;
  steps: readonly WalkStep[];
  /** Go back to step k (the node at steps[k] becomes the current one). */
  onGoTo: (k: number) => void;
}

/**
 * The whole cheat sheet as a left-to-right tree: questions (rounded), suggestions and dead ends
 * (square, with a stripe in their area's colour), the path taken in the accent colour. The
 * nodes passed are buttons that go back to them.
 */
export function FlowChart({ width, steps, onGoTo }: FlowChartProps) {
  const colW = (width - M.left - M.right) / TREE.depth;
  const boxW = Math.max(60, colW - 16);
  const height = M.top + M.bottom + TREE.rows * ROW_H;
  const pos = new Map(TREE.nodes.map((n) => [n.id, { x: M.left + n.depth * colW, y: M.top + n.row * ROW_H + ROW_H / 2 }]));
  const onPath = new Map(steps.map((s, k) => [s.node.id, k]));
  const taken = new Set(steps.slice(0, -1).map((s, k) => `${s.node.id}>${steps[k + 1].node.id}`));
  const current = steps[steps.length - 1].node.id;
  return (
    <svg className="gl-mc-chart" width={width} height={height} role="group" aria-label="The cheat sheet as a tree; the path taken is highlighted" data-testid="flowchart">
      {TREE.edges.map((e) => {
        const a = pos.get(e.from)!;
        const b = pos.get(e.to)!;
        const x0 = a.x + boxW;
        const mid = (x0 + b.x) / 2;
        const on = taken.has(`${e.from}>${e.to}`) || undefined;
        return (
          <g key={`${e.from}>${e.to}`}>
            <path className="gl-mc-edge" data-on-path={on} d={`M${x0},${a.y}C${mid},${a.y} ${mid},${b.y} ${b.x},${b.y}`} />
            <text className="gl-mc-edge-label" data-on-path={on} x={b.x - 3} y={b.y - 5} textAnchor="end">
              {e.answer === 'next' ? '✗' : answerText(e.answer)}
            </text>
          </g>
        );
      })}
      {TREE.nodes.map((n) => {
        const node = NODES[n.id];
        const p = pos.get(n.id)!;
        const k = onPath.get(n.id);
        const back = k !== undefined && n.id !== current;
        const area = node.area ? AREAS.indexOf(node.area) : -1;
        const inner = boxW - (node.kind !== 'question' ? 12 : 8);
        const squeeze = node.short.length * 6.4 > inner ? { textLength: inner, lengthAdjust: 'spacingAndGlyphs' as const } : {};
        const go = () => k !== undefined && onGoTo(k);
        const key = (e: KeyboardEvent) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            go();
          }
        };
        const label = node.kind === 'question' ? node.text : node.kind === 'models' ? node.models.map((m) => m.name).join(', ') : node.text;
        return (
          <g
            key={n.id}
            className="gl-mc-node"
            data-node={n.id}
            data-kind={node.kind}
            data-on-path={k !== undefined || undefined}
            data-current={n.id === current || undefined}
            transform={`translate(${p.x},${p.y - NODE_H / 2})`}
            {...(back ? { role: 'button', tabIndex: 0, 'aria-label': `${node.short}. Go back to: ${label}`, onClick: go, onKeyDown: key } : {})}
          >
            {/* A back button's name already holds the full text (and starts with the visible short one, WCAG 2.5.3). */}
            {!back && <title>{label}</title>}
            <rect className="gl-mc-box" width={boxW} height={NODE_H} rx={node.kind === 'question' ? 12 : 3} />
            {node.kind !== 'question' && area >= 0 && <rect className="gl-mc-stripe" width={5} height={NODE_H} fill={areaColor(area)} />}
            <text x={boxW / 2 + (node.kind !== 'question' ? 2 : 0)} y={NODE_H / 2 + 4} textAnchor="middle" {...squeeze}>
              {node.short}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
