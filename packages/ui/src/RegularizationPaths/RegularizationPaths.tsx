import { useMemo } from 'react';
import { Tex } from '../common/Tex';
import { conceptColor } from '../common/colors';
import { sanitizeDefaultValue, useControllableState } from '../hooks/useControllableState';
import { Button } from '../kit/buttons';
import { Explainer, type ExplainerLayout } from '../kit/Explainer';
import { explainerFrameProps, type ExplainerCommonProps, type ExplainerStateProps } from '../kit/explainerProps';
import { Legend, type LegendItem } from '../kit/Legend';
import { Segmented } from '../kit/Segmented';
import { Slider } from '../kit/Slider';
import {
  bestPoint,
  clampLambda,
  DEFAULT_STATE,
  DIABETES,
  dataProblem,
  entryPoints,
  evaluate,
  fitAt,
  fmt,
  LAMBDA_SLIDER,
  MODEL_LABEL,
  MODELS,
  prepare,
  STATE_CHECKS,
  statusText,
  type RegressionData,
  type RegularizationPathsState,
} from './model';
import { CoefChart, ErrorChart, featureColor, featureDashed, FitScatter } from './Panels';
import { RegularizationPathsStyles } from './styles';
import { usePath } from './usePath';

export { DIABETES, entryPoints, fitAt, prepare, type RegressionData, type RegularizationPathsState } from './model';

/** Props of {@link RegularizationPaths}. Other attributes (`id`, `aria-*`, `data-*`) go to the root `<figure>`. */
export interface RegularizationPathsProps extends Omit<ExplainerCommonProps, 'showPerformance'>, ExplainerStateProps<RegularizationPathsState> {
  /** Width of the path chart in px. Default 900 (shrinks to the container). */
  width?: number;
  /** Height of the path chart in px. Default 360. */
  height?: number;
  /** The data: feature names and rows (features, then y). Default the diabetes data (442 × 10, Efron et al. 2004). */
  data?: RegressionData;
  /** Accessible name and title. Default "Regularisation paths: ridge, lasso and elastic net". */
  label?: string;
}

const MODEL_OPTIONS = MODELS.map((m) => ({ value: m, label: MODEL_LABEL[m] }));
const RHO_TEX = { ridge: '\\rho = 0', lasso: '\\rho = 1', enet: '\\rho = \\tfrac12' } as const;

/**
 * "Why so many regression algorithms?": the weights of ridge, lasso and elastic net against the
 * regularisation strength λ (log axis) on the diabetes data, with the training and test error
 * (80/20 split) and the test predictions at the λ chosen by dragging. The lasso's weights reach
 * exactly zero one after the other; ridge only shrinks them.
 */
export function RegularizationPaths({ width = 900, height = 360, data = DIABETES, value, defaultValue, onValueChange, fit: slide, ...rest }: RegularizationPathsProps) {
  const clean = useMemo(() => sanitizeDefaultValue<RegularizationPathsState>('RegularizationPaths', defaultValue, STATE_CHECKS), [defaultValue]);
  const [state, setState] = useControllableState<RegularizationPathsState>({ value, defaultValue: { ...DEFAULT_STATE, ...clean }, onChange: onValueChange });
  const problem = dataProblem(data);
  const prepared = useMemo(() => (problem ? null : prepare(data, state.seed)), [data, state.seed, problem]);
  const lambda = clampLambda(state.lambda);
  const result = useMemo(() => {
    if (!prepared) return null;
    const f = fitAt(state.model, lambda, prepared);
    return evaluate(f.coef, f.intercept, prepared);
  }, [prepared, state.model, lambda]);
  const path = usePath(state.model, prepared);
  const entries = useMemo(() => (state.model === 'ridge' || !path.done ? [] : entryPoints(path.points)), [state.model, path.done, path.points]);
  const setLambda = (l: number) => setState((s) => ({ ...s, lambda: clampLambda(l) }));
  const status = problem ?? (result ? statusText({ ...state, lambda }, result, data.names) : '');
  const legend: LegendItem[] = [
    ...data.names.map((n, j) => ({ label: n, color: featureColor(j), shape: featureDashed(j) ? ('dashed' as const) : ('line' as const) })),
    ...(state.model === 'ridge' ? [] : [{ label: 'where a weight enters (≠ 0)', color: 'var(--gl-bg)', outline: conceptColor('data'), shape: 'dot' as const }]),
  ];
  return (
    <Explainer
      {...explainerFrameProps(rest, { label: 'Regularisation paths: ridge, lasso and elastic net', width, height })}
      fit={slide}
      // The path is traced in slices after mounting: busy (not "playing": nobody pressed Play) until it is done.
      state={problem ? 'error' : path.done ? 'done' : 'idle'}
      aria-busy={!problem && !path.done ? true : undefined}
      status={status}
      statusProps={{ 'data-testid': 'status', 'data-nonzero': result ? String(result.coef.filter((c) => c !== 0).length) : '', 'data-test-mse': result ? String(result.testMse) : '', 'data-path': path.done ? 'done' : String(path.points.length) }}
      controls={
        <>
          <Segmented label="Penalty" options={MODEL_OPTIONS} value={state.model} onChange={(model) => setState((s) => ({ ...s, model }))} />
          <Slider label="λ" {...LAMBDA_SLIDER} stepsPerDecade={20} value={lambda} onChange={setLambda} format={(v) => fmt(v)} testId="lambda-slider" />
          <Button onClick={() => setState((s) => ({ ...s, seed: s.seed + 1 }))}>New 80/20 split</Button>
        </>
      }
      legend={<Legend label="Features and curves" items={legend} />}
      caption={`Drag the λ line. Small λ: the least-squares fit, every weight used. Large λ: every weight pushed to 0 and ŷ = ȳ. The lasso's weights hit exactly 0 one by one (circles: where each enters), so it selects features; ridge only shrinks them; the elastic net does both. Data: diabetes progression of ${data.rows.length} patients (Efron et al., 2004), ${data.names.length} features z-scored on the training rows, split 80/20 (seed ${state.seed}).`}
      maths={
        <>
          <Tex block>{String.raw`\mathcal{L}_{\mathcal{R}}(\mathbf{w}, b) = \frac{1}{2N}\,\lVert \mathbf{y} - X\mathbf{w} - b \rVert^2 + \lambda\Big(\rho\,\lVert \mathbf{w}\rVert_1 + \frac{1-\rho}{2}\lVert \mathbf{w}\rVert_2^2\Big),\quad ${RHO_TEX[state.model]}`}</Tex>
          <p className="gl-rp-note">
            This is scikit-learn’s scaling, the one the code computes: Lasso and ElasticNet with α = λ; our Ridge minimises ‖y − Xw − b‖² + α‖w‖², so it is called with α = Nλ. The penalty is on the weights w only, never on the intercept b.
          </p>
        </>
      }
    >
      {(layout: ExplainerLayout) => {
        const w = layout.plotWidth(width);
        const side = layout.compact ? Math.min(w, 340) : Math.min(300, Math.max(200, Math.round(w * 0.32)));
        const main = layout.compact ? w : Math.max(300, w - side - 12);
        const h = Math.round((main * height) / width);
        return (
          <>
            <RegularizationPathsStyles />
            {prepared && result && (
              <>
                <div className="gl-panel gl-rp-main" data-gl-panel="paths">
                  <CoefChart width={main} height={Math.max(220, h)} points={path.points} lambda={lambda} onLambda={setLambda} fit={result} names={data.names} entries={entries} />
                  <ErrorChart width={main} height={Math.max(160, Math.round(h * 0.6))} points={path.points} lambda={lambda} onLambda={setLambda} fit={result} best={path.done ? bestPoint(path.points) : null} />
                </div>
                <div className="gl-panel gl-rp-side" data-gl-panel="fit" style={{ width: side }}>
                  <FitScatter size={side} ytest={prepared.ytest} fit={result} />
                  <p className="gl-rp-note">
                    Intercept b = ȳ = {fmt(result.intercept)} (the features are centred on the training rows, so b is never penalised nor moved). {path.done ? '' : `Computing the path… ${path.points.length} of 49 λ.`}
                  </p>
                </div>
              </>
            )}
          </>
        );
      }}
    </Explainer>
  );
}
