import { classColor, conceptColor } from '../common/colors';
import { Tex } from '../common/Tex';
import { Explainer, type ExplainerLayout } from '../kit/Explainer';
import { explainerFrameProps, type ExplainerCommonProps, type ExplainerStateProps } from '../kit/explainerProps';
import { Legend } from '../kit/Legend';
import { KpcaControls } from './KpcaControls';
import { fmt, type KernelPcaState } from './model';
import { ScatterPanel } from './ScatterPanel';
import { KpcaStyles } from './styles';
import { useKernelPca } from './useKernelPca';

export { COMPONENT_CHOICES, KPCA_DATASETS, sigmaOf, type KernelPcaState, type KpcaDatasetName } from './model';

const CAPTION =
  'Linear PCA only rotates the plane: the two circles stay nested. RBF kernel PCA finds its components in the feature space of k(x, x′), where the inner circle moves to one side: one threshold on the first component separates them. Slide γ: too small and the kernel is nearly linear; too large and every sample becomes its own bump. The diamonds are the pre-images: each sample mapped to the kept components and back to the plane.';

/** Props of {@link KernelPcaExplorer}. Other attributes (`id`, `aria-*`, `data-*`) go to the root `<figure>`. */
export interface KernelPcaExplorerProps extends Omit<ExplainerCommonProps, 'showPerformance'>, ExplainerStateProps<KernelPcaState> {
  /** Total width of the three panels in px. Default 900 (shrinks to the container). */
  width?: number;
  /** Height of each panel in px. Default 300. */
  height?: number;
  /** Number of samples (≤ 400, so a fit stays under ~0.3 s in the worker). Default 300. */
  nSamples?: number;
  /** Seed of the data. Default 0. */
  seed?: number;
  /** Accessible name and title. Default "Kernel PCA against linear PCA". */
  label?: string;
}

/**
 * Concentric circles unfolded by RBF kernel PCA (`KernelPCA` from @geolearn/algorithms,
 * fitted in the Web Worker) against linear PCA: the data with its pre-images
 * (`fitInverseTransform`), linear PCA's projection and kernel PCA's, with γ (σ) on a log slider.
 */
export function KernelPcaExplorer({ width = 900, height = 300, nSamples = 300, seed = 0, value, defaultValue, onValueChange, fit, ...rest }: KernelPcaExplorerProps) {
  const model = useKernelPca({ nSamples, seed, value, defaultValue, onValueChange });
  const { data, linZ, state } = model;
  const kernel = model.fit;
  return (
    <Explainer
      {...explainerFrameProps(rest, { label: 'Kernel PCA against linear PCA', width, height })}
      fit={fit}
      // A worker fit in progress is not playback: idle while busy (the plot is aria-busy), done when fitted.
      state={model.error ? 'error' : model.busy || !model.fit ? 'idle' : 'done'}
      status={model.status}
      statusProps={{
        'data-testid': 'status',
        'data-busy': model.busy,
        'data-kernel-accuracy': model.kerAcc ?? undefined,
        'data-linear-accuracy': model.linAcc ?? undefined,
        'data-preimage-error': model.err ?? undefined,
      }}
      controls={<KpcaControls model={model} />}
      legend={
        <Legend
          label="Key to the plots"
          items={[
            { label: state.dataset === 'moons' ? 'Upper moon (discs)' : 'Outer circle (discs)', color: classColor(0), shape: 'dot' },
            { label: state.dataset === 'moons' ? 'Lower moon (squares)' : 'Inner circle (squares)', color: classColor(1), shape: 'dot' },
            { label: 'Pre-image x̂ (hollow diamond), linked to its sample', color: conceptColor('data') },
          ]}
        />
      }
      caption={fit ? undefined : CAPTION}
      maths={
        <Tex block>{String.raw`k(\mathbf{x},\mathbf{x}')=\exp\!\left(-\gamma\|\mathbf{x}-\mathbf{x}'\|^2\right),\ \gamma=\tfrac{1}{2\sigma^2};\qquad \tilde{K}\alpha_k=\lambda_k\alpha_k,\quad z_k(\mathbf{x}_i)=\sqrt{\lambda_k}\,\alpha_{ik}`}</Tex>
      }
    >
      {(layout: ExplainerLayout) => {
        const avail = layout.plotWidth(width);
        const w = layout.compact ? Math.max(200, avail) : Math.max(180, Math.floor((avail - 24) / 3));
        let h = Math.max(180, Math.round(layout.compact ? w * 0.85 : Math.min(height, w * 1.05)));
        if (layout.fit) h = Math.min(h, 300);
        const common = { y: data.y, width: w, height: h };
        return (
          <>
            <KpcaStyles />
            <ScatterPanel
              {...common}
              panel="data"
              testId="data-plot"
              title={state.preImage && kernel?.R ? 'Data and pre-images' : 'Data'}
              label={`The ${data.X.length} samples in the plane${state.preImage && kernel?.R ? `, with their pre-images from ${state.nComponents} kernel components` : ''}.`}
              points={data.X}
              preImages={state.preImage ? (kernel?.R ?? null) : null}
              xLabel="x₁"
              yLabel="x₂"
            />
            <ScatterPanel
              {...common}
              panel="linear"
              testId="linear-plot"
              title="Linear PCA"
              label={`Linear PCA projection: one threshold on PC 1 separates ${model.linAcc === null ? '—' : Math.round(model.linAcc * 100)} % of the classes.`}
              points={linZ}
              emptyText="no projection"
              xLabel="PC 1"
              yLabel="PC 2"
            />
            <ScatterPanel
              {...common}
              panel="kernel"
              testId="kernel-plot"
              title={`RBF kernel PCA, γ = ${fmt(state.gamma)}`}
              label={`Kernel PCA projection: one threshold on component 1 separates ${model.kerAcc === null ? '—' : Math.round(model.kerAcc * 100)} % of the classes.`}
              points={kernel?.Z ?? null}
              busy={model.busy}
              emptyText={model.error ? 'no projection' : 'fitting…'}
              xLabel="component 1"
              yLabel="component 2"
            />
          </>
        );
      }}
    </Explainer>
  );
}
