import { classColor, conceptColor } from '../common/colors';
import { Tex } from '../common/Tex';
import { Explainer, type ExplainerLayout } from '../kit/Explainer';
import { explainerFrameProps, type ExplainerCommonProps, type ExplainerStateProps } from '../kit/explainerProps';
import { Legend } from '../kit/Legend';
import { pcaSizes, type PcaExplorerState } from './model';
import { PcaControls } from './PcaControls';
import { PcaPlot } from './PcaPlot';
import { SidePanel } from './SidePanel';
import { DEFAULT_MATRIX } from './svdModel';
import { SvdView } from './SvdView';
import { PcaStyles } from './styles';
import { usePcaExplorer, type PcaModel } from './usePcaExplorer';

/** The caption (left out in slide mode, where the slide says it). */
const CAPTION =
  'Drag the centre and the ends of the cloud’s axes to rotate and stretch it. The eigenvectors of its covariance matrix follow the cloud’s axes, and λ is the variance along each; keeping only the first one loses just λ₂.';

export { type PcaExplorerState, type PcaStep } from './model';

/** Props of {@link PcaExplorer}. Other attributes (`id`, `aria-*`, `data-*`) go to the root `<figure>`. */
export interface PcaExplorerProps extends Omit<ExplainerCommonProps, 'showPerformance'>, ExplainerStateProps<PcaExplorerState> {
  /** Width (and height) of the square plot in px. Default 440 (shrinks to the container). */
  width?: number;
  /** Height of the explainer's plot; checked, the plot is square. Default 440. */
  height?: number;
  /** Number of samples in the cloud. Default 200 (a drag stays within a frame up to 500). */
  nSamples?: number;
  /** Seed of the cloud. Default 0. */
  seed?: number;
  /** Called with every new state (drag, step, k…). */
  onValueChange?: (state: PcaExplorerState) => void;
  /** Accessible name and title. Default "Principal component analysis". */
  label?: string;
}

/**
 * PCA as the slide's three steps on a 2-D cloud the student shapes (drag its centre and
 * the ends of its axes): (1) the covariance matrix, as numbers and as an ellipse; (2) its
 * eigenvectors, drawn as arrows √λ v, with C v = λ v checked on screen; (3) the data
 * projected onto the first k of them, with the explained variance ratios and the
 * reconstruction error. The fit is `PCA` from @geolearn/algorithms (scikit-learn's).
 */
export function PcaExplorer({
  width = 440,
  height = 440,
  nSamples = 200,
  seed = 0,
  value,
  defaultValue,
  onValueChange,
  label = 'Principal component analysis',
  fit,
  ...rest
}: PcaExplorerProps) {
  const model = usePcaExplorer({ nSamples, seed, value, defaultValue, onValueChange });
  const { state } = model;
  return (
    <Explainer
      {...explainerFrameProps(rest, { label, width, height })}
      fit={fit}
      state={model.fit.problem ? 'error' : state.step === 3 && state.projected ? 'done' : 'idle'}
      status={model.status}
      statusProps={{ 'data-testid': 'status', 'data-step': state.step, 'data-ratio': model.fit.ratios[0], 'data-error': model.error }}
      controls={<PcaControls model={model} />}
      legend={<PcaLegend model={model} />}
      caption={fit ? undefined : CAPTION}
      maths={<Tex block>{String.raw`\mathbf{C}=\tfrac{1}{n-1}\mathbf{X}_c^{\top}\mathbf{X}_c,\qquad \mathbf{C}\mathbf{v}_i=\lambda_i\mathbf{v}_i,\qquad z_i=\mathbf{v}_i^{\top}(\mathbf{x}-\mu),\qquad \hat{\mathbf{x}}=\mu+\sum_{i\le k} z_i\mathbf{v}_i`}</Tex>}
    >
      {(layout: ExplainerLayout) => {
        const s = pcaSizes(width, layout.plotWidth(width + 332), layout.compact, layout.fit);
        return (
          <>
            <PcaStyles />
            <PcaPlot model={model} size={s.size} label={label} />
            <SidePanel model={model} width={s.sideWidth} />
            {state.svd && <SvdView matrix={state.matrix ?? DEFAULT_MATRIX} onChange={model.actions.setMatrix} fit={model.fit} width={layout.compact ? s.size : Math.min(620, s.size + s.sideWidth + 12)} />}
          </>
        );
      }}
    </Explainer>
  );
}

/** The key to the plot's marks. */
function PcaLegend({ model }: { model: PcaModel }) {
  const { state } = model;
  return (
    <Legend
      label="Key to the plot"
      items={[
        { label: 'Samples x', color: conceptColor('data'), shape: 'dot' as const },
        { label: 'Covariance ellipse (2 standard deviations) and mean μ', color: 'var(--gl-muted)' },
        ...(state.step >= 2
          ? [
              { label: 'v₁ scaled by √λ₁ (first principal component)', color: classColor(0), shape: 'arrow' as const },
              { label: 'v₂ scaled by √λ₂', color: classColor(1), shape: 'arrow' as const },
            ]
          : []),
        ...(state.step === 3 && state.k === 1 ? [{ label: 'Residual x − x̂', color: conceptColor('residual') }] : []),
        { label: 'Rings: the cloud’s centre and the ends of its axes (drag them)', color: conceptColor('data'), shape: 'dot' as const },
      ]}
    />
  );
}
