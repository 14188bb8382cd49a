import { classColor, conceptColor } from '../common/colors';
import { Tex } from '../common/Tex';
import { PlaybackButtons } from '../kit/buttons';
import { Explainer, type ExplainerLayout } from '../kit/Explainer';
import { useExplainerFrame, type ExplainerCommonProps, type ExplainerStateProps } from '../kit/explainerProps';
import { Legend } from '../kit/Legend';
import { PerformanceReadout } from '../kit/PerformanceReadout';
import { Slider } from '../kit/Slider';
import { token } from '../styles/tokens';
import { representationSizes, type RepresentationState } from './model';
import { MorphPlot } from './MorphPlot';
import { SidePanel } from './SidePanel';
import { RepStyles } from './styles';
import { useRepresentation, type RepresentationModel } from './useRepresentation';

export type { RepresentationState } from './model';

/** Props of {@link Representation}. Other attributes (`id`, `aria-*`, `data-*`) go to the root `<figure>`. */
export interface RepresentationProps extends ExplainerCommonProps, ExplainerStateProps<RepresentationState> {
  /** Width of the explainer in px. Default 820 (shrinks to the container; one column below 640 px). */
  width?: number;
  /** Height hint in px (checked like `width`; the plot is square). Default 480. */
  height?: number;
  /** Points in the two rings. Default 200. */
  nSamples?: number;
  /** Seed of the rings' noise. Default 0. */
  seed?: number;
  /** Called with every new state (each frame of Play too). */
  onValueChange?: (state: RepresentationState) => void;
  /** Accessible name and title. Default "Representation matters". */
  label?: string;
}

/**
 * "Representation matters": two rings that no line separates in Cartesian coordinates
 * (x₁, x₂), and that one threshold on r separates in polar coordinates (r, θ). Play or the
 * t slider morphs every point between its two positions while a logistic regression is
 * refitted on the current coordinates: its accuracy climbs from chance to 100 %, and the
 * polar threshold, carried back, is a circle in the plane.
 */
export function Representation({
  width = 820,
  height = 480,
  nSamples = 200,
  seed = 0,
  value,
  defaultValue,
  onValueChange,
  showPerformance = false,
  ...rest
}: RepresentationProps) {
  const model = useRepresentation({ nSamples, seed, value, defaultValue, onValueChange });
  const frame = useExplainerFrame(rest, { label: 'Representation matters', width, height }, model);
  return (
    <Explainer
      {...frame}
      statusProps={{ 'data-testid': 'status', 'data-t': model.state.t, 'data-accuracy': model.now?.accuracy }}
      controls={<RepControls model={model} />}
      legend={<RepLegend />}
      footer={<PerformanceReadout show={showPerformance && model.playing} fps={model.stats.fps} frameTime={model.stats.frameTime} />}
      caption="There is no need for a complex model if you have a good representation of the data. The same linear model, refitted at every t, fails on the rings in (x₁, x₂) and succeeds in (r, θ), where the boundary is one threshold on r: a circle, seen back in the plane."
      maths={
        <>
          <Tex block>{String.raw`r=\sqrt{x_1^2+x_2^2},\quad \theta=\operatorname{atan2}(x_2,x_1)`}</Tex>
          <Tex block>{String.raw`\mathbf{z}(t)=(1-t)\,\tilde{\mathbf{x}}+t\,\tilde{\mathbf{p}},\quad t\in[0,1]`}</Tex>
          <Tex block>{String.raw`P(y=1\mid\mathbf{z})=\sigma(\mathbf{w}\cdot\mathbf{z}+b),\quad \mathbf{w}\cdot\mathbf{z}+b=0`}</Tex>
          <Tex block>{String.raw`r=r^{*}\ \Leftrightarrow\ x_1^2+x_2^2=r^{*2}`}</Tex>
        </>
      }
    >
      {(layout: ExplainerLayout) => {
        const s = representationSizes(width, layout.plotWidth(width), layout.compact, layout.fit);
        return (
          <>
            <RepStyles />
            <div className="gl-panel" data-gl-panel="morph">
              <MorphPlot model={model} size={s.plot} />
            </div>
            <div className="gl-panel" data-gl-panel="accuracy">
              <SidePanel model={model} width={s.side} />
            </div>
          </>
        );
      }}
    </Explainer>
  );
}

/** The controls: Play/Step/Reset, the morph t and the noise. */
function RepControls({ model }: { model: RepresentationModel }) {
  const { state, actions, playing } = model;
  return (
    <>
      <PlaybackButtons playing={playing} onTogglePlay={actions.togglePlay} onStep={actions.step} onReset={actions.reset} />
      <Slider label="Morph t (0 Cartesian, 1 polar)" min={0} max={1} step={0.01} value={state.t} onChange={actions.setT} format={(t) => t.toFixed(2)} valueText={(t) => `t = ${t.toFixed(2)}`} testId="t-slider" />
      <Slider label="Noise" min={0} max={0.3} step={0.01} value={state.noise} onChange={actions.setNoise} format={(v) => v.toFixed(2)} testId="noise-slider" />
    </>
  );
}

/** The key: the two rings, wrong points, and the three boundaries. */
function RepLegend() {
  return (
    <div className="gl-legend-row">
      <Legend
        label="Key to the morph"
        items={[
          { label: 'outer ring (y = 0)', color: classColor(0), shape: 'dot' },
          { label: 'inner ring (y = 1)', color: classColor(1), shape: 'dot' },
          { label: 'misclassified (ring)', color: conceptColor('diverged'), shape: 'dot' },
          { label: 'linear model fitted at t', color: token('--gl-fg') },
          { label: 'polar threshold r = r*, carried along', color: token('--gl-accent'), shape: 'dashed' },
          { label: 'Cartesian line, carried along', color: token('--gl-muted'), shape: 'dashed' },
        ]}
      />
    </div>
  );
}
