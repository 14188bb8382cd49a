import {
  PolynomialFeatures,
  RandomState,
  Ridge,
  learningCurve,
  trainTestSplit,
  validationCurve,
  type MatrixLike,
  type SupervisedEstimator,
  type VectorLike,
} from '@geolearn/algorithms';
import { useId, useMemo, type CSSProperties } from 'react';
import { LineChart, SERIES_COLORS, formatNumber } from '../common/LineChart';
import { ScatterFit } from '../common/ScatterFit';
import { Tex } from '../common/Tex';
import { cssVar, rootStyle } from '../common/theme';
import { useControllableState } from '../hooks/useControllableState';

/** The explainer's state: plain JSON, so it can live in a permalink. */
export interface OverfittingExplorerState {
  /** Degree of the polynomial f_θ(x) = θ₀ + θ₁x + … + θ_d x^d: the model's complexity. */
  degree: number;
  /** Ridge strength λ ≥ 0 in 𝓛_R = 𝓛 + λ‖θ‖². */
  lambda: number;
}

/** Props of {@link OverfittingExplorer}. */
export interface OverfittingExplorerProps {
  /** Width in px. Default 820. */
  width?: number;
  /** Height of the pictures in px. Default 300. */
  height?: number;
  /** Seed of the noisy data and of the train/test split. Default 0. */
  seed?: number;
  /** Number of samples (train + test). Default 40. */
  nSamples?: number;
  /** Standard deviation of the noise on y. Default 0.3. */
  noise?: number;
  /** Fraction held out for testing. Default 0.3. */
  testSize?: number;
  /** Highest degree on the slider and on the model-complexity curve. Default 15. */
  maxDegree?: number;
  /** Controlled state. */
  value?: OverfittingExplorerState;
  /** Initial state when uncontrolled. */
  defaultValue?: Partial<OverfittingExplorerState>;
  /** Called with every new state. */
  onValueChange?: (state: OverfittingExplorerState) => void;
  /** Accessible name. Default "Overfitting". */
  label?: string;
  /** Class of the root element. */
  className?: string;
  /** Style of the root element (set `--gl-*` variables here to theme it). */
  style?: CSSProperties;
}

/**
 * Polynomial ridge regression with the slides' scaling: 𝓛_R = (1/m) Σ (f_θ(xᵢ) − yᵢ)² + λ‖θ‖²
 * on m training samples, which is Ridge's ‖y − Xθ‖² + α‖θ‖² with α = mλ (the intercept is not penalised).
 */
class PolynomialRidge implements SupervisedEstimator {
  poly: PolynomialFeatures;
  ridge: Ridge | null = null;
  constructor(
    readonly degree: number,
    readonly lambda: number,
  ) {
    this.poly = new PolynomialFeatures({ degree, includeBias: false });
  }
  fit(X: MatrixLike, y: VectorLike) {
    const F = this.poly.fitTransform(X);
    this.ridge = new Ridge({ alpha: this.lambda * y.length }).fit(F, y);
    return this;
  }
  predict(X: MatrixLike): number[] {
    return this.ridge!.predict(this.poly.transform(X));
  }
}

const LAMBDA_MIN_EXP = -7; // the slider's left end means λ = 0

/** The seeded dataset of the explainer: y = sin(πx) + ε on x ∈ [−1, 1], split into train and test. */
export function overfittingData(seed: number, nSamples = 40, noise = 0.3, testSize = 0.3) {
  const rng = new RandomState(seed);
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < nSamples; i++) {
    const xi = rng.uniform(-1, 1);
    x.push(xi);
    y.push(Math.sin(Math.PI * xi) + rng.normal(0, noise));
  }
  const split = trainTestSplit(
    x.map((v) => [v]),
    y,
    { testSize, randomState: seed },
  );
  return split;
}

/**
 * Overfitting and its two remedies from the slides: split the data into a training and a
 * test set, and add a penalty 𝓛_R = 𝓛 + λ𝓡 with 𝓡 = ‖θ‖². A polynomial of growing degree
 * fits the training points ever better; the test error falls, then rises (the
 * model-complexity curve). Learning curves show the error against the training-set size.
 */
export function OverfittingExplorer({
  width = 820,
  height = 300,
  seed = 0,
  nSamples = 40,
  noise = 0.3,
  testSize = 0.3,
  maxDegree = 15,
  value,
  defaultValue,
  onValueChange,
  label = 'Overfitting',
  className,
  style,
}: OverfittingExplorerProps) {
  const id = useId();
  const [state, setState] = useControllableState<OverfittingExplorerState>({
    value,
    defaultValue: { degree: 3, lambda: 0, ...defaultValue },
    onChange: onValueChange,
  });
  const degree = Math.max(1, Math.min(maxDegree, Math.round(state.degree)));
  const lambda = Math.max(0, state.lambda);
  const data = useMemo(() => overfittingData(seed, nSamples, noise, testSize), [seed, nSamples, noise, testSize]);
  const nTrain = data.yTrain.length;

  const model = useMemo(() => new PolynomialRidge(degree, lambda).fit(data.XTrain, data.yTrain), [data, degree, lambda]);
  const mse = (X: number[][], y: number[]) => {
    const p = model.predict(X);
    return y.reduce((s, v, i) => s + (v - p[i]) ** 2, 0) / y.length;
  };
  const trainError = mse(data.XTrain, data.yTrain);
  const testError = mse(data.XTest, data.yTest);
  const theta = model.ridge!.coef;
  const penalty = lambda * theta.reduce((s, t) => s + t * t, 0);

  const degrees = useMemo(() => Array.from({ length: maxDegree }, (_, k) => k + 1), [maxDegree]);
  const complexity = useMemo(
    () => validationCurve((d: number) => new PolynomialRidge(d, lambda), data.XTrain, data.yTrain, { paramRange: degrees, XTest: data.XTest, yTest: data.yTest }),
    [data, degrees, lambda],
  );
  const sizes = useMemo(() => {
    const out: number[] = [];
    for (let m = 3; m < nTrain; m = Math.ceil(m * 1.35)) out.push(m);
    out.push(nTrain);
    return out;
  }, [nTrain]);
  const learning = useMemo(
    () => learningCurve(() => new PolynomialRidge(degree, lambda), data.XTrain, data.yTrain, { trainSizes: sizes, XTest: data.XTest, yTest: data.yTest }),
    [data, degree, lambda, sizes],
  );

  const panelW = Math.floor((width - 2 * 12) / 3);
  const lambdaExp = lambda > 0 ? Math.log10(lambda) : LAMBDA_MIN_EXP;
  const lambdaText = lambda > 0 ? `λ = ${lambda}` : 'λ = 0 (no penalty)';
  const verdict = testError > 2 * trainError && degree > 3 ? 'overfitting: the test error is far above the training error' : degree <= 2 ? 'underfitting: too simple for the data' : 'a good fit';
  const points = [
    ...data.XTrain.map((r, i) => ({ x: r[0], y: data.yTrain[i], kind: 'train' as const })),
    ...data.XTest.map((r, i) => ({ x: r[0], y: data.yTest[i], kind: 'test' as const })),
  ];

  return (
    <figure
      className={className}
      aria-labelledby={`${id}-title`}
      style={rootStyle({ margin: 0, display: 'inline-flex', flexDirection: 'column', gap: 8, maxWidth: '100%', ...style })}
    >
      <div id={`${id}-title`} style={{ fontWeight: 600 }}>{label}</div>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'flex-start' }}>
        <div>
          <ScatterFit
            width={panelW}
            height={height}
            points={points}
            model={(x) => model.predict([[x]])[0]}
            xDomain={[-1.05, 1.05]}
            yDomain={[-2.2, 2.2]}
            label={`The ${nTrain} training points (filled) and ${data.yTest.length} test points (hollow) with the polynomial of degree ${degree}, ${lambdaText}.`}
            testId="fit-panel"
          />
          <div style={{ fontSize: 13, color: cssVar('--gl-fg') }}>● training · ○ test</div>
        </div>
        <LineChart
          width={panelW}
          height={height}
          logY
          series={[
            { label: 'train', color: SERIES_COLORS[1], dots: true, points: complexity.paramRange.map((d, k) => [d, complexity.trainScores[k]] as const) },
            { label: 'test', color: SERIES_COLORS[0], dots: true, dashed: true, points: complexity.paramRange.map((d, k) => [d, complexity.testScores[k]] as const) },
          ]}
          xDomain={[1, maxDegree]}
          markerX={degree}
          markerLabel={`degree ${degree}`}
          xLabel="polynomial degree (model complexity)"
          yLabel="MSE"
          label={`Model-complexity curve: training and test error against the degree, 1 to ${maxDegree}; the current degree ${degree} has training error ${formatNumber(trainError)} and test error ${formatNumber(testError)}.`}
          testId="complexity-curve"
        />
        <LineChart
          width={panelW}
          height={height}
          logY
          series={[
            { label: 'train', color: SERIES_COLORS[1], dots: true, points: learning.trainSizes.map((m, k) => [m, learning.trainScores[k]] as const) },
            { label: 'test', color: SERIES_COLORS[0], dots: true, dashed: true, points: learning.trainSizes.map((m, k) => [m, learning.testScores[k]] as const) },
          ]}
          xLabel="training-set size m"
          yLabel="MSE"
          label={`Learning curves for degree ${degree}: with all ${nTrain} training samples the training error is ${formatNumber(learning.trainScores[learning.trainScores.length - 1])} and the test error ${formatNumber(learning.testScores[learning.testScores.length - 1])}.`}
          testId="learning-curve"
        />
      </div>
      <div role="group" aria-label="Controls" style={{ display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'center' }}>
        <label style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
          Degree
          <input
            type="range"
            min={1}
            max={maxDegree}
            step={1}
            value={degree}
            aria-valuetext={`degree ${degree}`}
            onChange={(e) => setState((s) => ({ ...s, degree: Number(e.target.value) }))}
            style={{ minHeight: 44 }}
          />
          <span style={{ fontVariantNumeric: 'tabular-nums', minWidth: 24 }} data-testid="degree">{degree}</span>
        </label>
        <label style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
          Ridge strength λ
          <input
            type="range"
            min={LAMBDA_MIN_EXP}
            max={1}
            step={0.1}
            value={lambdaExp}
            aria-valuetext={lambdaText}
            onChange={(e) => {
              const v = Number(e.target.value);
              setState((s) => ({ ...s, lambda: v <= LAMBDA_MIN_EXP ? 0 : Number((10 ** v).toPrecision(2)) }));
            }}
            style={{ minHeight: 44 }}
          />
          <span style={{ fontVariantNumeric: 'tabular-nums', minWidth: 120 }} data-testid="lambda">{lambdaText}</span>
        </label>
      </div>
      <output aria-live="polite" data-testid="status" data-train={trainError} data-test={testError} style={{ fontVariantNumeric: 'tabular-nums' }}>
        Degree {degree}, {lambdaText}: training MSE {formatNumber(trainError)}, test MSE {formatNumber(testError)} ({verdict}).
      </output>
      <figcaption style={{ display: 'grid', gap: 4 }}>
        <Tex block>{String.raw`f_\theta(x)=\theta_0+\theta_1x+\dots+\theta_d x^d,\qquad d=${degree}`}</Tex>
        <Tex block>
          {String.raw`\mathcal{L}_{\mathcal{R}}=\mathcal{L}+\lambda\mathcal{R}=\frac{1}{m}\sum_{i=1}^{m}\bigl(f_\theta(x_i)-y_i\bigr)^2+\lambda\,\|\theta\|^2=${formatNumber(trainError)}+${formatNumber(penalty)}`}
        </Tex>
      </figcaption>
    </figure>
  );
}
