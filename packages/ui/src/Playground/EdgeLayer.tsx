import { useState, type KeyboardEvent } from 'react';
import { fmt, type Edge } from './model';

/** Width of a weight edge's invisible pointer target, px: 44 for touch (the drawn edge stays thin). */
export const EDGE_HIT = 44;

/** Props of {@link EdgeLayer}. */
export interface EdgeLayerProps {
  edges: readonly Edge[];
  /** Largest |w|, for the thickness. */
  wMax: number;
  /** Key of the edge whose editor is open. */
  selected: string | null;
  /** Opens the inline editor of an edge. */
  onSelect: (key: string) => void;
  /** Names an edge for screen readers ("from x₁ to layer 1 unit 2"). */
  describe: (e: Edge) => string;
}

/**
 * The weights as edges, coloured by sign (`--gl-weight-pos` / `--gl-weight-neg`) and as thick
 * as |w|. Hovering or focusing an edge shows its weight beside it; a click, Enter or Space
 * opens its editor. One tab stop for all edges: arrows move between them (↑/↓ the next
 * weight, ←/→ the previous or next layer), Home/End the first and last.
 */
export function EdgeLayer({ edges, wMax, selected, onSelect, describe }: EdgeLayerProps) {
  const [hover, setHover] = useState<string | null>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const tabKey = edges.some((e) => e.key === focusKey) ? focusKey : (edges[0]?.key ?? null);
  const shown = edges.find((e) => e.key === (hover ?? focusKey ?? selected));
  const move = (e: KeyboardEvent<SVGPathElement>, from: Edge) => {
    const i = edges.indexOf(from);
    const byLayer = (dir: number) => edges.find((x) => x.at[0] === from.at[0] + dir) ?? from;
    const to: Record<string, Edge | undefined> = {
      ArrowDown: edges[Math.min(edges.length - 1, i + 1)],
      ArrowUp: edges[Math.max(0, i - 1)],
      ArrowRight: byLayer(1),
      ArrowLeft: byLayer(-1),
      Home: edges[0],
      End: edges[edges.length - 1],
    };
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(from.key);
      return;
    }
    const next = to[e.key];
    if (!next) return;
    e.preventDefault();
    setFocusKey(next.key);
    const el = (e.currentTarget.parentNode as Element | null)?.querySelector(`[data-key="${next.key}"]`);
    (el as SVGPathElement | null)?.focus();
  };
  return (
    <>
      {edges.map((e) => (
        <path
          key={e.key}
          d={e.d}
          className="gl-pg-edge"
          data-sign={e.v >= 0 ? 'pos' : 'neg'}
          data-state={e.key === selected ? 'selected' : undefined}
          strokeOpacity={e.key === selected || e.key === hover ? 1 : 0.75}
          strokeWidth={e.key === selected ? 4 : 0.5 + (4 * Math.abs(e.v)) / wMax}
          aria-hidden="true"
        />
      ))}
      {/* Wide invisible targets on top: a tap near an edge picks it. */}
      <g data-testid="edge-targets" role="group" aria-label="Weights: arrows move between them, Enter edits one">
        {edges.map((e) => (
          <path
            key={e.key}
            d={e.d}
            className="gl-pg-edge-hit"
            strokeWidth={EDGE_HIT}
            strokeOpacity={0}
            tabIndex={e.key === tabKey ? 0 : -1}
            role="button"
            aria-label={`Weight ${describe(e)}: ${fmt(e.v)}. Press Enter to edit it.`}
            data-testid={`w-${e.key}`}
            data-key={e.key}
            data-weight={e.v}
            onPointerEnter={() => setHover(e.key)}
            onPointerLeave={() => setHover((h) => (h === e.key ? null : h))}
            onFocus={() => setFocusKey(e.key)}
            onBlur={() => setFocusKey((k) => (k === e.key ? null : k))}
            onClick={() => onSelect(e.key)}
            onKeyDown={(ev) => move(ev, e)}
          />
        ))}
      </g>
      {shown && (
        <text className="gl-pg-weight-label" x={shown.mid[0]} y={shown.mid[1] - 6} textAnchor="middle" data-testid="weight-label">
          w = {fmt(shown.v)}
        </text>
      )}
    </>
  );
}
