import { classAttr, classColor } from '../common/colors';
import { MovablePoint } from '../kit/MovablePoint';
import { contourPath } from '../SvmMargin/contour';
import { FieldPlot, type FieldOverlay } from '../SvmMargin/FieldPlot';
import { ClassMark } from '../SvmMargin/PointHandle';
import { DOMAIN, fmt, KERNEL_LABELS } from './model';
import type { KernelModel } from './useKernelTrick';

/**
 * The plane ℝ²: the SVC's decision field (two classes: f(x) in the classes' colours, the
 * boundary f = 0 and margins f = ±1; more classes: the one-vs-one regions), the points with
 * the support vectors ringed, and (two classes) the lifted plane seen back in ℝ², dotted,
 * with the RBF lift's centre c as a draggable handle.
 */
export function KernelPlot({ model, size, label }: { model: KernelModel; size: number; label: string }) {
  const { field, data, state, binary } = model;
  const describe = `${label}: ${data.X.length} points of ${data.K} classes in the plane with the ${KERNEL_LABELS[state.kernel]} SVC's ${binary ? 'decision boundary' : 'one-vs-one decision regions'}.`;
  return (
    <div className="gl-panel" data-gl-panel="plane">
      <FieldPlot width={size} height={size} domain={DOMAIN} values={field.paint} size={model.gridSize} kind={field.kind} label={describe} testId="kernel-field">
        {(o) => (
          <>
            <svg width={o.plotWidth} height={o.plotHeight} overflow="hidden" pointerEvents="none">
              {binary && <Contours model={model} o={o} />}
              <Points model={model} o={o} />
            </svg>
            {binary && state.lift === 'rbf' && (
              <MovablePoint
                point={state.landmark}
                onMove={model.actions.moveLandmark}
                x={o.xs}
                y={o.ys}
                area={o.area}
                step={0.1}
                radius={7}
                color="var(--gl-fg)"
                label={`Centre c of the lifted feature z = (${fmt(state.landmark[0])}, ${fmt(state.landmark[1])})`}
                testId="landmark"
              />
            )}
          </>
        )}
      </FieldPlot>
    </div>
  );
}

/** f = 0 (solid), f = ±1 (dashed) and the lifted plane seen from ℝ² (dotted). */
function Contours({ model, o }: { model: KernelModel; o: FieldOverlay }) {
  const n = model.gridSize;
  const { raw } = model.field;
  const W = o.plotWidth;
  const H = o.plotHeight;
  return (
    <>
      <path className="gl-svm-contour" data-level="margin" d={contourPath(raw, n, -1, W, H)} stroke={classColor(0)} />
      <path className="gl-svm-contour" data-level="margin" d={contourPath(raw, n, 1, W, H)} stroke={classColor(1)} />
      <path className="gl-svm-contour" data-level="boundary" d={contourPath(raw, n, 0, W, H)} stroke="var(--gl-fg)" data-testid="kernel-boundary" />
      {model.projected && (
        <path className="gl-svm-projected" d={contourPath(model.projected, n, 0, W, H)} stroke="var(--gl-fg)" data-testid="projected-plane" />
      )}
    </>
  );
}

/** The data, in class colour and shape; support vectors ringed. */
function Points({ model, o }: { model: KernelModel; o: FieldOverlay }) {
  return (
    <g data-testid="kernel-points" data-support={model.support.size}>
      {model.data.X.map(([a, b], i) => (
        <g key={i} transform={`translate(${o.xs(a)},${o.ys(b)})`} className="gl-svm-point" {...classAttr(model.data.y[i])}>
          {model.support.has(i) && <circle className="gl-svm-sv-ring" r={8} fill="none" data-testid="sv-ring" />}
          <ClassMark cls={model.data.y[i]} size={4} />
        </g>
      ))}
    </g>
  );
}
