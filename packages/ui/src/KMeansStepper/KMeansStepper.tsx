import { classColor, conceptColor } from '../common/colors';
import { Tex } from '../common/Tex';
import { Explainer, type ExplainerLayout } from '../kit/Explainer';
import { useExplainerFrame, type ExplainerCommonProps, type ExplainerStateProps } from '../kit/explainerProps';
import { Legend } from '../kit/Legend';
import { PerformanceReadout } from '../kit/PerformanceReadout';
import { KMeansControls } from './KMeansControls';
import { KMeansPlot } from './KMeansPlot';
import { stepperSizes, type KMeansStepperState } from './model';
import { SidePanels } from './SidePanels';
import { KMeansStyles } from './styles';
import { useKMeansStepper, type KMeansModel } from './useKMeansStepper';

/** The caption (left out in slide mode, where the slide says it). */
const CAPTION =
  'Drag a ring to move an initial centroid, or re-draw them; then Step. Each step lowers the inertia, but only to a local minimum: a bad start stays bad, which is why k-means keeps the best of several runs.';

export { BAD_START, KMEANS_DATASETS, type KMeansDatasetName, type KMeansInit, type KMeansStepperState } from './model';

/** Props of {@link KMeansStepper}. Other attributes (`id`, `aria-*`, `data-*`) go to the root `<figure>`. */
export interface KMeansStepperProps extends ExplainerCommonProps, ExplainerStateProps<KMeansStepperState> {
  /** Width of the plot in px. Default 520 (shrinks to the container). */
  width?: number;
  /** Height of the plot in px. Default 440 (shrinks with the width). */
  height?: number;
  /** Your own 2-D points (rows [x₁, x₂]) instead of the data sets; hides the data-set chooser. Keep the array stable (memoise it): a new array refits the elbow. */
  data?: readonly (readonly number[])[];
  /** Number of generated samples. Default 300 (a drag stays within a frame up to 500). */
  nSamples?: number;
  /** Seed of the generated data. Default 0. */
  seed?: number;
  /** Called with every new state (step, drag, k…). */
  onValueChange?: (state: KMeansStepperState) => void;
  /** Accessible name and title. Default "k-means, step by step". */
  label?: string;
}

/**
 * k-means as the slide lists it — initialise the centroids μᵢ, assign each sample to the
 * closest centroid, update the centroids, repeat until convergence — one step at a time
 * (`KMeans.fitSteps` from the dragged or drawn centroids), with the Voronoi cells of the
 * centroids, the inertia after each step, the elbow curve and the best of 10 runs.
 */
export function KMeansStepper({
  width = 520,
  height = 440,
  data,
  nSamples = 300,
  seed = 0,
  value,
  defaultValue,
  onValueChange,
  showPerformance = false,
  label = 'k-means, step by step',
  fit,
  ...rest
}: KMeansStepperProps) {
  const model = useKMeansStepper({ data, nSamples, seed, value, defaultValue, onValueChange });
  const frame = useExplainerFrame(rest, { label, width, height }, model);
  const shown = model.shown;
  return (
    <Explainer
      {...frame}
      fit={fit}
      statusProps={{
        'data-testid': 'status',
        'data-step': model.stepIndex,
        'data-phase': shown?.step ?? 'none',
        'data-inertia': shown?.inertia ?? undefined,
        'data-converged': shown?.converged ?? false,
      }}
      controls={<KMeansControls model={model} />}
      legend={<KMeansLegend model={model} />}
      footer={<PerformanceReadout show={showPerformance && model.playing} fps={model.stats.fps} frameTime={model.stats.frameTime} />}
      caption={fit ? undefined : CAPTION}
      maths={
        <Tex block>{String.raw`\arg\min_{\mathbf{C}} \sum_{i=1}^{k}\sum_{\mathbf{x}_j\in C_i}\|\mathbf{x}_j-\mu_i\|^2,\qquad \mu_i=\frac{1}{|C_i|}\sum_{\mathbf{x}_j\in C_i}\mathbf{x}_j`}</Tex>
      }
    >
      {(layout: ExplainerLayout) => {
        const s = stepperSizes(width, height, layout.plotWidth(width + 312), layout.compact, layout.fit);
        return (
          <>
            <KMeansStyles />
            <KMeansPlot model={model} width={s.width} height={s.height} label={label} />
            <SidePanels model={model} width={s.sideWidth} height={s.sideHeight} split={s.split} />
          </>
        );
      }}
    </Explainer>
  );
}

/** The key: clusters, centroids (start ring, current square, trail), cells and the best run. */
function KMeansLegend({ model }: { model: KMeansModel }) {
  const k = model.centers.length;
  return (
    <div className="gl-legend-row">
      <Legend
        label="Key to the plot"
        items={[
          { label: `Clusters C₁…C${k > 0 ? String(k).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)]) : ''} (colour)`, color: classColor(0), shape: 'dot' as const },
          { label: 'Initial centroid μᵢ⁽⁰⁾: ring (drag it)', color: conceptColor('data'), shape: 'dot' as const },
          { label: 'Centroid μᵢ now: square, and its trail', color: conceptColor('data'), shape: 'dashed' as const },
          { label: 'Voronoi cell: closer to μᵢ than to any other', color: conceptColor('data') },
          ...(model.best ? [{ label: 'Centroids of the best of 10 runs', color: conceptColor('optimum'), shape: 'dot' as const }] : []),
        ]}
      />
    </div>
  );
}
