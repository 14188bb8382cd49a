import { scaleLinear } from 'd3-scale';
import { useMemo } from 'react';
import { Axis } from '../common/Axis';
import { classAttr } from '../common/colors';
import { boxOf, decisionRegions, lineInBox, logit } from './model';
import type { CmModel } from './useConfusionMatrix';

const M = { top: 8, right: 8, bottom: 36, left: 48 } as const;

/**
 * The live classifier's data: training points (small, faint) and test points (larger,
 * ringed in red when misclassified), coloured by true class over the decision regions,
 * with the boundary σ(w·x + b) = t for two classes. Focusing a matrix cell enlarges the
 * test points that fall in it.
 */
export function DataPlot({ model, size }: { model: CmModel; size: number }) {
  const { fit, yPred, cell, state, binary } = model;
  const box = useMemo(() => (fit ? boxOf([...fit.XTrain, ...fit.XTest]) : ([-1, 1, -1, 1] as const)), [fit]);
  const pw = size - M.left - M.right;
  const xs = scaleLinear().domain([box[0], box[1]]).range([0, pw]);
  const ys = scaleLinear().domain([box[2], box[3]]).range([pw, 0]);
  if (!fit || !yPred) return null;
  const regions = decisionRegions(fit, box, state.threshold);
  const path = (poly: [number, number][]) => (poly.length > 2 ? `M${poly.map((p) => `${xs(p[0])},${ys(p[1])}`).join('L')}Z` : '');
  // The boundary line for two classes: the edge of the positive region inside the box.
  let line = '';
  if (binary) {
    const seg = lineInBox(fit.coef[0][0], fit.coef[0][1], fit.intercept[0] - logit(state.threshold), box);
    if (seg) line = `M${xs(seg[0][0])},${ys(seg[0][1])}L${xs(seg[1][0])},${ys(seg[1][1])}`;
  }
  const inCell = (k: number) => cell !== null && fit.yTest[k] === fit.classes[cell[0]] && yPred[k] === fit.classes[cell[1]];
  const wrong = yPred.filter((p, k) => p !== fit.yTest[k]).length;
  return (
    <svg width={size} height={plotHeight(size)} className="gl-cm-plot" role="img" data-testid="data-plot" data-wrong={wrong} aria-label={`Data: ${fit.XTrain.length} training points and ${fit.XTest.length} test points coloured by true class over the decision regions; ${wrong} test points misclassified.`}>
      <g transform={`translate(${M.left},${M.top})`}>
        <rect width={pw} height={pw} className="gl-cm-plot-bg" />
        {regions.map((poly, k) => (
          <path key={k} d={path(poly)} className="gl-cm-region" {...classAttr(k)} />
        ))}
        {line && <path d={line} className="gl-cm-boundary" data-testid="boundary" />}
        {fit.XTrain.map((p, k) => (
          <circle key={`t${k}`} cx={xs(p[0])} cy={ys(p[1])} r={2} className="gl-cm-train" {...classAttr(fit.classes.indexOf(fit.yTrain[k]))} />
        ))}
        {fit.XTest.map((p, k) => (
          <g key={`s${k}`} transform={`translate(${xs(p[0])},${ys(p[1])})`} className="gl-cm-test" data-wrong={yPred[k] !== fit.yTest[k] ? '' : undefined} data-in-cell={inCell(k) ? '' : undefined}>
            {yPred[k] !== fit.yTest[k] && <circle r={inCell(k) ? 10 : 7.5} className="gl-cm-wrong" />}
            <circle r={inCell(k) ? 7 : 4.5} className="gl-cm-test-dot" {...classAttr(fit.classes.indexOf(fit.yTest[k]))} />
          </g>
        ))}
        <Axis scale={xs} orient="bottom" offset={pw} label="x₁" ticks={4} />
        <Axis scale={ys} orient="left" offset={0} label="x₂" ticks={4} />
      </g>
    </svg>
  );
}

/** The plot's height for a given width (square plot area plus the axes). */
export function plotHeight(size: number): number {
  return size - M.left - M.right + M.top + M.bottom;
}
