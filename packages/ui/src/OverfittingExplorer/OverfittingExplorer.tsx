import { conceptColor } from '../common/colors';
import { LineChart } from '../common/LineChart';
import { ScatterFit } from '../common/ScatterFit';
import { Tex } from '../common/Tex';
import { Explainer, type ExplainerLayout } from '../kit/Explainer';
import { explainerFrameProps, type ExplainerCommonProps, type ExplainerStateProps } from '../kit/explainerProps';
import { Legend } from '../kit/Legend';
import { Slider } from '../kit/Slider';
import { DEFAULT_TEST_SIZE, fmt, texNum, LAMBDA_MAX, LAMBDA_MIN, lambdaFromSlider, lambdaText, panelSizes, type OverfittingExplorerState } from './model';
import { useOverfitting, type OverfittingModel } from './useOverfitting';

export { overfittingData, type OverfittingExplorerState } from './model';

/** Props of {@link OverfittingExplorer}. Other attributes (`id`, `aria-*`, `data-*`) go to the root `<figure>`. */
export interface OverfittingExplorerProps extends Omit<ExplainerCommonProps, 'showPerformance'>, ExplainerStateProps<OverfittingExplorerState> {
  /** Width in px. Default 820 (shrinks to the container). */
  width?: number;
  /** Height of the pictures in px. Default 300. */
  height?: number;
  /** Seed of the noisy data and of the train/test split. Default 0. */
  seed?: number;
  /** Number of samples (train + test). Default 40. */
  nSamples?: number;
  /** Standard deviation of the noise on y. Default 0.3. */
  noise?: number;
  /** Fraction held out for testing. Default 0.2 (the slides' 80/20 split). */
  testSize?: number;
  /** Highest degree on the slider and on the model-complexity curve. Default 15. */
  maxDegree?: number;
  /** Accessible name and title. Default "Overfitting". */
  label?: string;
}

/**
 * Overfitting and its two remedies from the slides: split the data into a training and a
 * test set (80/20), and add a penalty 𝓛_R = 𝓛 + λ‖w‖² over the weights (not the intercept).
 * A polynomial of growing degree fits the training points ever better; the test error
 * falls, then rises (the model-complexity curve). Learning curves show the error against
 * the training-set size.
 */
export function OverfittingExplorer({
  width = 820,
  height = 300,
  seed = 0,
  nSamples = 40,
  noise = 0.3,
  testSize = DEFAULT_TEST_SIZE,
  maxDegree = 15,
  value,
  defaultValue,
  onValueChange,
  ...rest
}: OverfittingExplorerProps) {
  const m = useOverfitting({ seed, nSamples, noise, testSize, maxDegree, value, defaultValue, onValueChange });
  return (
    <Explainer
      {...explainerFrameProps(rest, { label: 'Overfitting', width, height })}
      status={m.status}
      statusProps={{ 'data-testid': 'status', 'data-train': m.trainError, 'data-test': m.testError }}
      controls={
        <>
          <Slider label="Degree" min={1} max={maxDegree} step={1} value={m.degree} onChange={m.setDegree} format={String} valueText={(d) => `degree ${d}`} valueTestId="degree" />
          <Slider
            label="Ridge strength λ"
            scale="log"
            min={LAMBDA_MIN}
            max={LAMBDA_MAX}
            value={m.lambda > 0 ? m.lambda : LAMBDA_MIN}
            onChange={(v) => m.setLambda(lambdaFromSlider(v))}
            format={(v) => lambdaText(lambdaFromSlider(v))}
            valueTestId="lambda"
          />
        </>
      }
      legend={
        <Legend
          label="Key to the plots"
          items={[
            { label: `${m.nTrain} training points (filled)`, color: conceptColor('data'), shape: 'dot' },
            { label: `${m.data.yTest.length} test points (hollow)`, color: 'transparent', outline: conceptColor('data'), shape: 'dot' },
            { label: 'the fitted polynomial', color: 'var(--gl-accent)' },
            { label: 'training error', color: conceptColor('train') },
            { label: 'test error', color: conceptColor('test'), shape: 'dashed' },
          ]}
        />
      }
      caption={`The data are split ${Math.round((1 - testSize) * 100)}/${Math.round(testSize * 100)}: the model is fitted on the training points only, and judged on the test points it never saw.`}
      maths={<OverfitMaths m={m} />}
    >
      {(layout: ExplainerLayout) => <OverfitPanels m={m} maxDegree={maxDegree} size={panelSizes(width, height, layout.plotWidth(width), layout.compact)} />}
    </Explainer>
  );
}

/** The fit, the model-complexity curve and the learning curves. */
function OverfitPanels({ m, maxDegree, size }: { m: OverfittingModel; maxDegree: number; size: { width: number; height: number } }) {
  const { degree, complexity, learning } = m;
  const last = learning.trainScores.length - 1;
  return (
    <>
      <div className="gl-panel" data-gl-panel="fit">
        <ScatterFit
          width={size.width}
          height={size.height}
          points={m.points}
          model={(x) => m.model.predict([[x]])[0]}
          xDomain={[-1.05, 1.05]}
          yDomain={[-2.2, 2.2]}
          label={`The ${m.nTrain} training points (filled) and ${m.data.yTest.length} test points (hollow) with the polynomial of degree ${degree}, ${lambdaText(m.lambda)}.`}
          testId="fit-panel"
        />
      </div>
      <div className="gl-panel" data-gl-panel="complexity">
        <LineChart
          width={size.width}
          height={size.height}
          logY
          series={[
            { label: 'train', color: conceptColor('train'), dots: true, points: complexity.paramRange.map((d, k) => [d, complexity.trainScores[k]] as const) },
            { label: 'test', color: conceptColor('test'), dots: true, dashed: true, points: complexity.paramRange.map((d, k) => [d, complexity.testScores[k]] as const) },
          ]}
          xDomain={[1, maxDegree]}
          markerX={degree}
          markerLabel={`degree ${degree}`}
          xLabel="polynomial degree (model complexity)"
          yLabel="MSE"
          label={`Model-complexity curve: training and test error against the degree, 1 to ${maxDegree}; the current degree ${degree} has training error ${fmt(m.trainError)} and test error ${fmt(m.testError)}.`}
          testId="complexity-curve"
        />
      </div>
      <div className="gl-panel" data-gl-panel="learning">
        <LineChart
          width={size.width}
          height={size.height}
          logY
          series={[
            { label: 'train', color: conceptColor('train'), dots: true, points: learning.trainSizes.map((n, k) => [n, learning.trainScores[k]] as const) },
            { label: 'test', color: conceptColor('test'), dots: true, dashed: true, points: learning.trainSizes.map((n, k) => [n, learning.testScores[k]] as const) },
          ]}
          xLabel="training-set size m"
          yLabel="MSE"
          label={`Learning curves for degree ${degree}: with all ${m.nTrain} training samples the training error is ${fmt(learning.trainScores[last])} and the test error ${fmt(learning.testScores[last])}.`}
          testId="learning-curve"
        />
      </div>
    </>
  );
}

/** The model and the regularised loss, with the penalty over the weights only. */
function OverfitMaths({ m }: { m: OverfittingModel }) {
  return (
    <>
      <Tex block>{String.raw`f_\theta(x)=\theta_0+\theta_1x+\dots+\theta_d x^d,\qquad d=${m.degree}`}</Tex>
      <Tex block>
        {String.raw`\mathcal{L}_{\mathcal{R}}=\mathcal{L}+\lambda\mathcal{R}=\frac{1}{m}\sum_{i=1}^{m}\bigl(f_\theta(x_i)-y_i\bigr)^2+\lambda\,\|\mathbf{w}\|^2`}
      </Tex>
      <Tex block>{String.raw`\phantom{\mathcal{L}_{\mathcal{R}}}=${texNum(m.trainError)}+${texNum(m.penalty)}`}</Tex>
      <div className="gl-caption-note" data-testid="penalty-note">
        The penalty is over the weights <Tex>{String.raw`\mathbf{w}=(\theta_1,\dots,\theta_d)`}</Tex> only: the intercept θ₀ is not penalised.
      </div>
    </>
  );
}
