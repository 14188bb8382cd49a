import { classColor, conceptColor } from '../common/colors';
import { Tex } from '../common/Tex';
import { Explainer, type ExplainerLayout } from '../kit/Explainer';
import { explainerFrameProps, type ExplainerCommonProps, type ExplainerStateProps } from '../kit/explainerProps';
import { Legend } from '../kit/Legend';
import { IcaControls } from './IcaControls';
import { JointScatter } from './JointScatter';
import type { IcaVsPcaState } from './model';
import { IcaStyles } from './styles';
import { useIcaVsPca, type IcaModel } from './useIcaVsPca';
import { CorrTable, Waveforms } from './Waveforms';

export { DEFAULT_STATE as ICA_DEFAULT_STATE, type IcaVsPcaState, type Mat2, type SecondSource } from './model';

const CAPTION =
  'Two sensors each record a different mix of an earthquake and a hum. Drag the mixing vectors a₁, a₂ (or type A). PCA finds uncorrelated directions, but its components are still mixtures; FastICA looks for the most non-Gaussian directions and gets the sources back, up to order, sign and scale.';

/** Props of {@link IcaVsPca}. Other attributes (`id`, `aria-*`, `data-*`) go to the root `<figure>`. */
export interface IcaVsPcaProps extends Omit<ExplainerCommonProps, 'showPerformance'>, ExplainerStateProps<IcaVsPcaState> {
  /** Overall width in px. Default 960 (shrinks to the container). */
  width?: number;
  /** Height of a joint scatter plot in px. Default 280. */
  height?: number;
  /** Seed of the synthetic seismogram (source s₁). Default 0. */
  seed?: number;
  /** Accessible name and title. Default "ICA against PCA: blind source separation". */
  label?: string;
}

/**
 * Blind source separation, as the slides' "principal vs. independent component analysis": two
 * sources (a synthetic seismogram's Z component and a hum or sawtooth) mixed by a 2×2 matrix A
 * the student drags; PCA's components (decorrelated, still mixed) against FastICA's
 * (independent: the sources, up to order and sign), as waveforms, |corr| and joint scatter plots.
 */
export function IcaVsPca({ width = 960, height = 280, seed = 0, value, defaultValue, onValueChange, fit, ...rest }: IcaVsPcaProps) {
  const model = useIcaVsPca({ seed, value, defaultValue, onValueChange });
  const { sep } = model;
  return (
    <Explainer
      {...explainerFrameProps(rest, { label: 'ICA against PCA: blind source separation', width, height })}
      fit={fit}
      state={model.frameState}
      status={model.status}
      statusProps={{ 'data-testid': 'status', 'data-converged': sep.converged, 'data-iterations': sep.nIter, 'data-warnings': sep.warnings.length }}
      controls={<IcaControls model={model} />}
      legend={<IcaLegend />}
      caption={fit ? undefined : CAPTION}
      maths={
        <>
          <Tex block>{String.raw`\mathbf{x}=\mathbf{A}\mathbf{s}`}</Tex>
          <Tex block>{String.raw`\text{PCA: } \mathbf{y}=\mathbf{V}^T(\mathbf{x}-\mu),\ \operatorname{Cov}\mathbf{y}\ \text{diagonal}`}</Tex>
          <Tex block>{String.raw`\text{ICA: } \hat{\mathbf{s}}=\mathbf{W}(\mathbf{x}-\mu),\ \hat{s}_1, \hat{s}_2\ \text{independent}`}</Tex>
        </>
      }
    >
      {(layout: ExplainerLayout) => <IcaBody model={model} layout={layout} width={width} height={height} />}
    </Explainer>
  );
}

/** The panels: three joint scatter plots, then the waveforms and the |corr| table. */
function IcaBody({ model, layout, width, height }: { model: IcaModel; layout: ExplainerLayout; width: number; height: number }) {
  const { sep, state, actions } = model;
  const w = layout.plotWidth(width);
  // Three squares in a row (gap 12 px) unless compact, where each takes the full width (≤ 360).
  const size = layout.compact ? Math.min(w, 360) : Math.max(160, Math.min(height, Math.floor((w - 24) / 3)));
  const waveW = layout.compact ? w : Math.max(280, Math.min(w - 280, 640));
  return (
    <>
      <IcaStyles />
      <div className="gl-ica-scatters">
        <JointScatter
          signals={sep.mixtures}
          title="Mixtures x₁, x₂ (drag a₁, a₂)"
          xLabel="x₁"
          yLabel="x₂"
          extent={3}
          size={size}
          mixing={state.mixing}
          onMoveVector={actions.moveVector}
          label="Joint scatter of the two mixtures, with the mixing vectors a₁ and a₂ as arrows"
          testId="scatter-mixtures"
        />
        <JointScatter signals={sep.pca} title="PCA y₁, y₂: uncorrelated" xLabel="y₁" yLabel="y₂" extent={4} size={size} label="Joint scatter of PCA's two components: uncorrelated, but the cloud is still tilted" emptyText="no separation" testId="scatter-pca" />
        <JointScatter signals={sep.ica} title="FastICA ŝ₁, ŝ₂: independent" xLabel="ŝ₁" yLabel="ŝ₂" extent={4} size={size} label="Joint scatter of FastICA's two components: the cloud lines up with the axes" emptyText="no separation" testId="scatter-ica" />
      </div>
      <Waveforms sep={sep} width={waveW} />
      <div className="gl-panel" data-gl-panel="table">
        <CorrTable sep={sep} />
      </div>
    </>
  );
}

/** The key: the two sources' colours, and the neutral colour of a signal that is still a mix. */
function IcaLegend() {
  return (
    <div className="gl-legend-row">
      <Legend
        label="Key to the plots"
        items={[
          { label: 's₁: seismic record (Z)', color: classColor(0) },
          { label: 's₂: hum or sawtooth', color: classColor(1) },
          { label: 'still a mixture (|corr| < 0.95 with both)', color: conceptColor('data') },
          { label: 'Drag an arrow tip: a mixing vector aⱼ (column j of A)', color: conceptColor('data'), shape: 'dot' as const },
        ]}
      />
    </div>
  );
}
