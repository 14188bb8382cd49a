import type { TreeNode } from '@geolearn/algorithms';
import { Fragment } from 'react';
import { classColor } from '../common/colors';
import { argmax, describeNode, diagramLayout, fmt, splitText } from './model';
import type { TreeModel } from './useTreeAndForest';

const PAD = 6;

/** How much a node box can say at its size. */
function detailOf(boxW: number, levelH: number): 'full' | 'short' | 'dot' {
  if (boxW >= 92 && levelH >= 86) return 'full';
  if (boxW >= 46 && levelH >= 40) return 'short';
  return 'dot';
}

/**
 * The tree as a diagram (SVG): each visible node a box with its split "x₃ ≤ 2.45", impurity,
 * samples and class counts (as much as fits), leaves filled with their class colour, pending
 * nodes (children of a decided split, not yet grown) dashed. Hover or focus a node to
 * highlight its region in the plane.
 */
export function TreeDiagram({ model, width, height }: { model: TreeModel; width: number; height: number }) {
  const { vis, focus, actions, data, state } = model;
  const nodes = model.tree?.nodes ?? [];
  const { items, slots, depth } = diagramLayout(nodes, vis);
  const levelH = (height - 2 * PAD) / (depth + 1);
  const boxW = Math.min(150, width / Math.max(1, slots) - 6);
  const boxH = Math.min(levelH - 14, 80);
  const detail = detailOf(boxW, levelH);
  const shown = focus ?? (model.grown > 0 ? Math.min(model.grown, nodes.length) - 1 : 0);
  const focusText = nodes[shown] ? describeNode(nodes[shown], vis[shown] === 'pending', data.featureNames, data.classNames, state.criterion, model.tree?.decrease[shown] ?? 0) : '';
  const at = (id: number) => {
    const it = items.find((d) => d.id === id)!;
    return { cx: PAD + it.x * (width - 2 * PAD), top: PAD + it.depth * levelH };
  };
  return (
    <div className="gl-panel" data-gl-panel="tree">
      <svg className="gl-tree-diagram" width={width} height={height} role="group" aria-label={`Decision tree: ${items.length} nodes shown`} data-testid="tree-diagram" data-nodes={items.length}>
        {items.map(({ id }) => {
          const n = nodes[id];
          if (vis[id] !== 'grown' || n.left < 0) return null;
          const p = at(id);
          return [n.left, n.right].map((c) => {
            const q = at(c);
            return <line key={`${id}-${c}`} className="gl-tree-edge" x1={p.cx} y1={p.top + boxH} x2={q.cx} y2={q.top} />;
          });
        })}
        {items.map(({ id }) => (
          <NodeBox
            key={id}
            node={nodes[id]}
            pos={at(id)}
            w={boxW}
            h={boxH}
            detail={detail}
            hit={[Math.max(boxW, Math.min(44, width / Math.max(1, slots))), Math.max(boxH, Math.min(44, levelH))]}
            pending={vis[id] === 'pending'}
            focused={focus === id}
            names={data.featureNames}
            classNames={data.classNames}
            criterion={state.criterion}
            decrease={model.tree?.decrease[id] ?? 0}
            onFocus={actions.setFocus}
          />
        ))}
      </svg>
      <p className="gl-tree-note" data-testid="node-readout" style={{ maxWidth: width }}>
        {focusText}
      </p>
    </div>
  );
}

interface NodeBoxProps {
  node: TreeNode;
  pos: { cx: number; top: number };
  w: number;
  h: number;
  detail: 'full' | 'short' | 'dot';
  /** Hit area [w, h], px: at least 44 px where the slot allows, centred on the box. */
  hit: [number, number];
  pending: boolean;
  focused: boolean;
  names: readonly string[];
  classNames: readonly string[];
  criterion: string;
  decrease: number;
  onFocus: (id: number | null) => void;
}

/** One node: a focusable box (role button) whose text says as much as fits. */
function NodeBox({ node: n, pos, w, h, detail, hit, pending, focused, names, classNames, criterion, decrease, onFocus }: NodeBoxProps) {
  const leaf = !pending && n.left < 0;
  const k = argmax(n.value);
  const split = !pending && !leaf ? splitText(n, names) : null;
  const lines =
    detail === 'full'
      ? [split ?? (leaf ? classNames[k] : 'not split yet'), `${criterion} = ${fmt(n.impurity)}`, `samples = ${n.samples}`, `[${n.value.join(', ')}]`, ...(split ? [`Δ = ${fmt(decrease)}`] : [])]
      : detail === 'short'
        ? [split ?? (leaf ? classNames[k] : '…'), `n = ${n.samples}`]
        : [];
  // The accessible name starts with the visible text, word for word (WCAG 2.5.3 "label in
  // name"), then gives the full description.
  const details = describeNode(n, pending, names, classNames, criterion, decrease);
  const label = lines.length ? `${lines.join(' ')}, ${details}` : details;
  const lineH = Math.min(15, (h - 6) / Math.max(1, lines.length));
  return (
    <g
      className="gl-tree-node gl-focusable"
      role="button"
      tabIndex={0}
      aria-label={label}
      aria-pressed={focused}
      data-node={n.id}
      data-state={pending ? 'pending' : leaf ? 'leaf' : 'split'}
      data-testid="tree-node"
      transform={`translate(${pos.cx - w / 2},${pos.top})`}
      onPointerEnter={() => onFocus(n.id)}
      onPointerLeave={() => onFocus(null)}
      onFocus={() => onFocus(n.id)}
      onBlur={() => onFocus(null)}
    >
      <rect className="gl-tree-hit" x={(w - hit[0]) / 2} y={(h - hit[1]) / 2} width={hit[0]} height={hit[1]} fill="transparent" />
      <rect
        className="gl-tree-box"
        width={w}
        height={h}
        rx={5}
        fill={leaf ? classColor(k) : 'var(--gl-surface)'}
        fillOpacity={leaf ? 0.3 + 0.5 * (n.value[k] / Math.max(1, n.value.reduce((a, b) => a + b, 0))) : 1}
        stroke={focused ? 'var(--gl-focus)' : pending ? 'var(--gl-muted)' : classColor(k)}
      />
      {lines.map((t, i) => (
        <Fragment key={i}>
          {/* A space between the lines (not drawn: text outside <text>), so the visible text read from the DOM is "line line…", not "lineline". */}
          {i > 0 && ' '}
          <text className={i === 0 ? 'gl-tree-text gl-tree-head' : 'gl-tree-text'} x={w / 2} y={4 + lineH * (i + 0.8)} textAnchor="middle" fontSize={Math.min(12, lineH - 1)}>
            {t}
          </text>
        </Fragment>
      ))}
    </g>
  );
}
