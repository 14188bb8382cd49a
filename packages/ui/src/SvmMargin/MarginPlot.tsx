import { useMemo, type PointerEvent } from 'react';
import { classColor, conceptColor } from '../common/colors';
import { clientToLocal } from '../hooks/useMovable';
import { FieldPlot, type FieldOverlay } from './FieldPlot';
import { decisionGrid, DOMAIN, fmt, hingeSegment, lineInBox, type LinearFit } from './model';
import { PointHandle } from './PointHandle';
import type { SvmModel } from './useSvmMargin';

/** Cells per side of the decision field. */
const GRID = 96;

/**
 * The plane: f(x) = w·x + b as a field (class 0's colour where f < 0, class 1's where f > 0,
 * paler inside the margin |f| < 1), the line f = 0, the margins f = ±1 (dashed), each
 * point's hinge term as a segment to its own margin, and the points (ringed: support vectors).
 */
export function MarginPlot({ model, size, label }: { model: SvmModel; size: number; label: string }) {
  const { state, view, actions } = model;
  const field = useMemo(() => decisionGrid(view.fit, GRID), [view.fit]);
  const adding = state.tool === 'add';
  const onAreaDown = (e: PointerEvent<SVGRectElement>, o: FieldOverlay) => {
    if (!adding || !o.area.current) return;
    const p = clientToLocal(o.area.current, e.clientX, e.clientY);
    if (p) actions.addPoint([o.xs.invert(p[0]), o.ys.invert(p[1])]);
  };
  const describe = `${label}: ${state.points.length} points in the plane${view.fit ? `, the separating line w·x + b = 0 and the margins w·x + b = ±1` : ''}.${adding ? ' Add mode: click to add a point.' : ''}`;
  return (
    <div className="gl-panel" data-gl-panel="plane">
      <FieldPlot
        width={size}
        height={size}
        domain={DOMAIN}
        values={field}
        size={GRID}
        kind="diverging"
        label={describe}
        testId="decision-field"
      >
        {(o) => (
          <>
            {adding && (
              <g
                role="button"
                tabIndex={0}
                className="gl-focusable"
                aria-label={`Add a point of class ${state.addClass}: click where it goes, or press Enter to add one at the centre and move it with the arrow keys.`}
                onKeyDown={(e) => {
                  if (e.key !== 'Enter' && e.key !== ' ') return;
                  e.preventDefault();
                  actions.addPoint([0, 0]);
                }}
              >
                <rect className="gl-svm-add-area" width={o.plotWidth} height={o.plotHeight} fill="transparent" data-testid="add-area" onPointerDown={(e) => onAreaDown(e, o)} />
                <rect className="gl-focus-box" width={o.plotWidth} height={o.plotHeight} fill="none" pointerEvents="none" />
              </g>
            )}
            <svg width={o.plotWidth} height={o.plotHeight} overflow="hidden" pointerEvents="none">
              {view.fit && <Lines fit={view.fit} o={o} />}
              {view.fit &&
                state.points.map((p, i) => {
                  const seg = view.hinge[i] > 1e-9 ? hingeSegment(p, view.fit as LinearFit) : null;
                  return seg ? (
                    <line
                      key={i}
                      className="gl-svm-hinge"
                      x1={o.xs(seg[0][0])}
                      y1={o.ys(seg[0][1])}
                      x2={o.xs(seg[1][0])}
                      y2={o.ys(seg[1][1])}
                      stroke={conceptColor('residual')}
                      data-testid="hinge-segment"
                    />
                  ) : null;
                })}
            </svg>
            {state.points.map((p, i) => (
              <PointHandle
                key={i}
                index={i}
                point={[p[0], p[1]]}
                cls={p[2]}
                x={o.xs}
                y={o.ys}
                area={o.area}
                deleting={state.tool === 'delete'}
                support={view.support.includes(i)}
                onMove={(q) => actions.movePoint(i, q)}
                onDelete={() => actions.deletePoint(i)}
                onStart={actions.stop}
                label={`Point ${i + 1}, class ${p[2]} (y = ${p[2] ? '+1' : '−1'}) at (${fmt(p[0])}, ${fmt(p[1])})${view.support.includes(i) ? ', support vector' : ''}${view.hinge[i] > 1e-9 ? `, hinge ${fmt(view.hinge[i])}` : ''}`}
              />
            ))}
          </>
        )}
      </FieldPlot>
    </div>
  );
}

/** The separating line and the two margins. */
function Lines({ fit, o }: { fit: LinearFit; o: FieldOverlay }) {
  return (
    <>
      {([-1, 0, 1] as const).map((level) => {
        const seg = lineInBox(fit, level);
        if (!seg) return null;
        return (
          <line
            key={level}
            className={level === 0 ? 'gl-svm-boundary' : 'gl-svm-margin'}
            x1={o.xs(seg[0][0])}
            y1={o.ys(seg[0][1])}
            x2={o.xs(seg[1][0])}
            y2={o.ys(seg[1][1])}
            stroke={level === 0 ? 'var(--gl-fg)' : classColor(level > 0 ? 1 : 0)}
            data-testid={level === 0 ? 'boundary' : `margin-${level > 0 ? 'plus' : 'minus'}`}
          />
        );
      })}
    </>
  );
}
