import { classColor, conceptColor } from '../common/colors';
import { Tex } from '../common/Tex';
import { Explainer, type ExplainerLayout } from '../kit/Explainer';
import { useExplainerFrame, type ExplainerCommonProps, type ExplainerStateProps } from '../kit/explainerProps';
import { Legend } from '../kit/Legend';
import { PerformanceReadout } from '../kit/PerformanceReadout';
import { GmmControls } from './GmmControls';
import { GmmPlot } from './GmmPlot';
import type { GaussianMixtureEmState } from './model';
import { SidePanel } from './SidePanel';
import { GmmStyles } from './styles';
import { useGaussianMixtureEm } from './useGaussianMixtureEm';

export { COVARIANCE_TYPES, GMM_DATASETS, type GaussianMixtureEmState, type GmmDatasetName, type GmmInit } from './model';

const CAPTION =
  'Press Step: the E-step gives each sample its responsibilities γᵢₖ (its colour is their mix: pure where one component owns it, blended where they share it); the M-step moves each mean and reshapes each ellipse to the samples it is responsible for. The log-likelihood never goes down.';

/** Props of {@link GaussianMixtureEm}. Other attributes (`id`, `aria-*`, `data-*`) go to the root `<figure>`. */
export interface GaussianMixtureEmProps extends ExplainerCommonProps, ExplainerStateProps<GaussianMixtureEmState> {
  /** Width of the plot in px. Default 520 (shrinks to the container). */
  width?: number;
  /** Height of the plot in px. Default 420. */
  height?: number;
  /** Your own 2-D points (rows [x₁, x₂]) instead of the data sets; hides the chooser. Keep it stable (memoise it). */
  data?: readonly (readonly number[])[];
  /** Number of generated samples (≤ 400). Default 300. */
  nSamples?: number;
  /** Seed of the generated data. Default 0. */
  seed?: number;
  /** Accessible name and title. Default "Gaussian mixture: EM step by step". */
  label?: string;
}

/**
 * A Gaussian mixture fitted by expectation–maximisation, one iteration per step
 * (`GaussianMixture.fitSteps`): covariance ellipses at 1σ and 2σ, responsibilities as colour
 * mixes of the component colours, the mean log-likelihood per iteration; full, tied, diag
 * or spherical covariances, k from 1 to 6.
 */
export function GaussianMixtureEm({
  width = 520,
  height = 420,
  data,
  nSamples = 300,
  seed = 0,
  value,
  defaultValue,
  onValueChange,
  label = 'Gaussian mixture: EM step by step',
  fit,
  showPerformance = false,
  ...rest
}: GaussianMixtureEmProps) {
  const model = useGaussianMixtureEm({ data, nSamples, seed, value, defaultValue, onValueChange });
  const frame = useExplainerFrame(rest, { label, width, height }, model);
  const shown = model.shown;
  return (
    <Explainer
      {...frame}
      fit={fit}
      statusProps={{ 'data-testid': 'status', 'data-iteration': shown?.iteration ?? 'none', 'data-converged': shown?.converged ?? false, 'data-ll': shown?.lowerBound ?? undefined }}
      controls={<GmmControls model={model} />}
      legend={
        <Legend
          label="Key to the plot"
          items={[
            { label: 'Component k: mean μₖ (diamond) and its colour', color: classColor(0), shape: 'dot' },
            { label: '1σ ellipse of Σₖ', color: classColor(1) },
            { label: '2σ ellipse of Σₖ', color: classColor(1), shape: 'dashed' },
            { label: 'Sample: colour mixed by γᵢₖ', color: classColor(2), shape: 'dot' },
            { label: 'Mean log-likelihood', color: conceptColor('train') },
          ]}
        />
      }
      footer={<PerformanceReadout show={showPerformance && model.playing} fps={model.stats.fps} frameTime={model.stats.frameTime} />}
      caption={fit ? undefined : CAPTION}
      maths={
        <Tex block>{String.raw`\gamma_{ik}=\frac{\pi_k\,\mathcal{N}(\mathbf{x}_i\mid\mu_k,\Sigma_k)}{\sum_j \pi_j\,\mathcal{N}(\mathbf{x}_i\mid\mu_j,\Sigma_j)},\quad N_k=\sum_i\gamma_{ik},\quad \pi_k=\frac{N_k}{n},\quad \mu_k=\frac{1}{N_k}\sum_i\gamma_{ik}\mathbf{x}_i,\quad \Sigma_k=\frac{1}{N_k}\sum_i\gamma_{ik}(\mathbf{x}_i-\mu_k)(\mathbf{x}_i-\mu_k)^\top`}</Tex>
      }
    >
      {(layout: ExplainerLayout) => {
        const side = 260;
        const avail = layout.plotWidth(width + side + 12);
        const w = layout.compact ? Math.max(200, Math.min(width, avail)) : Math.max(240, Math.min(width, avail - side - 12));
        let h = Math.max(180, Math.round((height * w) / width));
        if (layout.fit) h = Math.min(h, 380);
        return (
          <>
            <GmmStyles />
            <GmmPlot model={model} width={w} height={h} label={label} />
            <SidePanel model={model} width={layout.compact ? w : side} height={layout.compact ? Math.max(140, Math.round(w * 0.45)) : Math.max(160, Math.round(h * 0.55))} />
          </>
        );
      }}
    </Explainer>
  );
}
