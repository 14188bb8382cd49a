import { texNumber } from '../common/activations';
import { conceptColor } from '../common/colors';
import { Tex } from '../common/Tex';
import { ColorLegend } from '../kit/ColorLegend';
import { Explainer, type ExplainerLayout } from '../kit/Explainer';
import { useExplainerFrame, type ExplainerCommonProps, type ExplainerStateProps } from '../kit/explainerProps';
import { Legend } from '../kit/Legend';
import { PerformanceReadout } from '../kit/PerformanceReadout';
import { ConvControls, KernelEditor } from './ConvControls';
import { InputPanel } from './InputPanel';
import { KernelPanel, OutputPanel, outputRange, ProductsPanel } from './KernelPanels';
import { convSizes, minusFormat, type ConvolutionExplorerState } from './model';
import { ConvStyles } from './styles';
import { useConvolution, type ConvolutionModel } from './useConvolution';

export type { ConvolutionExplorerState } from './model';

/** Props of {@link ConvolutionExplorer}. Other attributes (`id`, `aria-*`, `data-*`) go to the root `<figure>`. */
export interface ConvolutionExplorerProps extends ExplainerCommonProps, ExplainerStateProps<ConvolutionExplorerState> {
  /** Width of the picture (input, kernel, output) in px. Default 680 (shrinks to the container). */
  width?: number;
  /** Height of the picture in px. Default 280. */
  height?: number;
  /** Seed of the seismic section's noise. Default 0. */
  seed?: number;
  /** Output pixels per animation frame while playing, overriding the speed control. Default: by speed (10 pixels per second at 1×). */
  pixelsPerFrame?: number;
  /** Accessible name and title. Default "Convolution". */
  label?: string;
}

/**
 * Discrete image convolution, (A ∗ B)ᵢⱼ = Σₙ Σₘ Aₙₘ Bᵢ₋ₙ,ⱼ₋ₘ: the kernel window slides over
 * the zero-padded image one output pixel at a time (Step, Play at a chosen speed, or drag,
 * click or arrow keys to put it anywhere). The kernel is shown as typed and flipped by 180°
 * (the sum multiplies the window by the flipped kernel), the window's element-wise products
 * are listed with their sum, and the kernel is editable, with the slides' 5×5 smoothing and
 * 1×5 derivative kernels as presets, plus edge and sharpen.
 */
export function ConvolutionExplorer({
  width = 680,
  height = 280,
  seed = 0,
  value,
  defaultValue,
  onValueChange,
  pixelsPerFrame,
  showPerformance = false,
  ...rest
}: ConvolutionExplorerProps) {
  const model = useConvolution({ seed, value, defaultValue, onValueChange, pixelsPerFrame });
  const frame = useExplainerFrame(rest, { label: 'Convolution', width, height }, model);
  return (
    <Explainer
      {...frame}
      statusProps={{ 'data-testid': 'status', 'data-value': model.here.value, 'data-position': model.pos }}
      controls={
        <>
          <ConvControls model={model} />
          <KernelEditor model={model} />
        </>
      }
      legend={<ConvLegend model={model} />}
      footer={<PerformanceReadout show={showPerformance && model.playing} fps={model.stats.fps} frameTime={model.stats.frameTime} />}
      caption="Convolution multiplies the window by the kernel flipped by 180°. A CNN layer skips the flip (a cross-correlation); the kernel it learns simply comes out flipped."
      maths={<ConvMaths model={model} />}
    >
      {(layout: ExplainerLayout) => {
        const s = convSizes(width, height, layout.plotWidth(width), layout.compact);
        return (
          <>
            <ConvStyles />
            <InputPanel model={model} side={s.side} />
            <KernelPanel model={model} width={s.kernelWidth} />
            <OutputPanel model={model} side={s.side} />
            <ProductsPanel model={model} width={layout.compact ? s.kernelWidth : Math.min(260, s.side)} />
          </>
        );
      }}
    </Explainer>
  );
}

/** The key: the window, the padding, kernel signs, and the colour maps of A and A ∗ B. */
function ConvLegend({ model }: { model: ConvolutionModel }) {
  const { lo, hi } = outputRange(model.output.data);
  const signedOut = lo < -1e-9;
  const m = Math.max(Math.abs(lo), Math.abs(hi)) || 1;
  return (
    <div className="gl-legend-row">
      <Legend
        label="Key to the convolution"
        items={[
          { label: 'kernel window / current output pixel', color: 'var(--gl-accent)' },
          { label: 'zero padding (A = 0 outside the image)', color: 'var(--gl-muted)', shape: 'dashed' },
          { label: 'positive weight or product', color: conceptColor('weightPos'), shape: 'dot' },
          { label: 'negative weight or product', color: conceptColor('weightNeg'), shape: 'dot' },
        ]}
      />
      <ColorLegend format={minusFormat} kind={model.state.image === 'digit' ? 'sequential' : 'diverging'} domain={[0, 1]} title={model.state.image === 'digit' ? 'input A (ink)' : 'input A (amplitude)'} ticks={3} width={200} testId="input-key" />
      <ColorLegend format={minusFormat} kind={signedOut ? 'diverging' : 'sequential'} domain={signedOut ? [-m, m] : [0, Math.max(1, hi)]} title="output A ∗ B" ticks={3} width={200} testId="output-key" />
    </div>
  );
}

/** The definition (the flipped sum) and the current pixel's sum over the window with the flipped kernel B̃. */
function ConvMaths({ model }: { model: ConvolutionModel }) {
  const { pi, pj, here, products } = model;
  const shown = products
    .flat()
    .filter((p) => !p.padded)
    .slice(0, 3)
    .map((p) => `(${texNumber(p.a)})(${texNumber(p.b, 4)})`)
    .join('+');
  return (
    <>
      <Tex block>{String.raw`(A\ast B)_{ij}=\sum_n\sum_m A_{nm}\,B_{i-n,\,j-m}=\sum_{u,v} A_{i+u,\,j+v}\,\tilde B_{uv},\qquad \tilde B_{uv}=B_{-u,-v}\ \text{(B flipped)}`}</Tex>
      <Tex block>{String.raw`(A\ast B)_{${pi},${pj}}=${shown || '0'}+\dots\ (${here.terms.length}\ \text{products})=${texNumber(here.value, 3)}`}</Tex>
    </>
  );
}
