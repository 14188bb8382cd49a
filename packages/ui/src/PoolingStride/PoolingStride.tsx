import { conceptColor } from '../common/colors';
import { Tex } from '../common/Tex';
import { PlaybackButtons } from '../kit/buttons';
import { Explainer, type ExplainerLayout } from '../kit/Explainer';
import { useExplainerFrame, type ExplainerCommonProps, type ExplainerStateProps } from '../kit/explainerProps';
import { Legend } from '../kit/Legend';
import { PerformanceReadout } from '../kit/PerformanceReadout';
import { Segmented } from '../kit/Segmented';
import { Slider } from '../kit/Slider';
import { token } from '../styles/tokens';
import { InputGrid, MAX_SPAN, OutputGrid } from './Grids';
import { caution, cellSize, fmtValue, LIMITS, type PoolingStrideState, type PoolOp } from './model';
import { PoolStyles } from './styles';
import { usePoolingStride, type PoolingModel } from './usePoolingStride';

export { inputMap, outputSize, pool, type PoolingStrideState, type PoolOp } from './model';

/** Props of {@link PoolingStride}. Other attributes (`id`, `aria-*`, `data-*`) go to the root `<figure>`. */
export interface PoolingStrideProps extends ExplainerCommonProps, ExplainerStateProps<PoolingStrideState> {
  /** Width in px the two grids may take together. Default 640 (shrinks to the container). */
  width?: number;
  /** Height hint in px (checked like `width`; the grids size themselves from the width). Default 420. */
  height?: number;
  /** Seed of the input feature map's numbers. Default 0. */
  seed?: number;
  /** Accessible name and title. Default "Pooling, stride and padding". */
  label?: string;
}

/**
 * Pooling, stride and padding on a small feature map: a k×k window slides over the n×n input
 * (padded with p zeros), s cells at a time, and each position gives one cell of the output,
 * the window's maximum or average. The output side is ⌊(n + 2p − k)/s⌋ + 1, typeset with the
 * current numbers; impossible settings (k > n + 2p) are said in the status.
 */
export function PoolingStride({
  width = 640,
  height = 420,
  seed = 0,
  value,
  defaultValue,
  onValueChange,
  showPerformance = false,
  ...rest
}: PoolingStrideProps) {
  const model = usePoolingStride({ seed, value, defaultValue, onValueChange });
  const frame = useExplainerFrame(rest, { label: 'Pooling, stride and padding', width, height }, model);
  const note = caution(model.state);
  return (
    <Explainer
      {...frame}
      statusProps={{ 'data-testid': 'status', 'data-out': model.out, 'data-position': model.state.position, 'data-value': model.current ?? undefined }}
      controls={<PoolingControls model={model} />}
      legend={<PoolingLegend op={model.state.op} />}
      footer={<PerformanceReadout show={showPerformance && model.playing} fps={model.stats.fps} frameTime={model.stats.frameTime} />}
      caption={
        <>
          {note && <span data-testid="caution">{note} </span>}
          The stride divides the map&apos;s side, the window shrinks it by k − 1, and padding gives the edges back: with k = 3, s = 1, p = 1 the size is kept
          (&ldquo;same&rdquo;). When (n + 2p − k) is not a multiple of s the last rows and columns are never seen.
        </>
      }
      maths={<PoolingMaths model={model} />}
    >
      {(layout: ExplainerLayout) => {
        const cell = cellSize(layout.plotWidth(width), Math.min(MAX_SPAN, model.state.size + 2 * model.state.padding), layout.compact);
        return (
          <>
            <PoolStyles />
            <InputGrid model={model} cell={cell} />
            <OutputGrid model={model} cell={cell} />
          </>
        );
      }}
    </Explainer>
  );
}

const OPS: { value: PoolOp; label: string }[] = [
  { value: 'max', label: 'Max' },
  { value: 'average', label: 'Average' },
];

/** Play/Step/Reset through the windows, the operation, and n, k, s, p. */
function PoolingControls({ model }: { model: PoolingModel }) {
  const { state, actions } = model;
  const int = (v: number) => String(Math.round(v));
  return (
    <>
      <PlaybackButtons playing={model.playing} onTogglePlay={actions.togglePlay} onStep={actions.step} onReset={actions.reset} done={model.done} />
      <Segmented label="Pooling" options={OPS} value={state.op} onChange={(op) => actions.set({ op })} />
      <Slider label="Input size n" min={LIMITS.size[0]} max={LIMITS.size[1]} step={1} value={state.size} onChange={(v) => actions.set({ size: Math.round(v) })} format={int} valueText={(v) => `n = ${int(v)}`} />
      <Slider label="Kernel size k" min={LIMITS.kernel[0]} max={LIMITS.kernel[1]} step={1} value={state.kernel} onChange={(v) => actions.set({ kernel: Math.round(v) })} format={int} valueText={(v) => `k = ${int(v)}`} />
      <Slider label="Stride s" min={LIMITS.stride[0]} max={LIMITS.stride[1]} step={1} value={state.stride} onChange={(v) => actions.set({ stride: Math.round(v) })} format={int} valueText={(v) => `s = ${int(v)}`} />
      <Slider label="Padding p" min={LIMITS.padding[0]} max={LIMITS.padding[1]} step={1} value={state.padding} onChange={(v) => actions.set({ padding: Math.round(v) })} format={int} valueText={(v) => `p = ${int(v)}`} />
    </>
  );
}

/** The key to the marks. */
function PoolingLegend({ op }: { op: PoolOp }) {
  return (
    <Legend
      label="Key to the grids"
      items={[
        { label: 'the k×k window / the output cell it gives', color: token('--gl-accent') },
        { label: 'zero padding', color: token('--gl-muted'), shape: 'dashed' },
        { label: 'value 0 … 9 (shade)', color: conceptColor('weightPos'), shape: 'dot' },
        ...(op === 'max' ? [{ label: 'the window’s maximum (ringed)', color: token('--gl-fg'), shape: 'dot' as const }] : []),
      ]}
    />
  );
}

/** The output-size formula with the current n, p, k, s, and the pooled value of the current window. */
function PoolingMaths({ model }: { model: PoolingModel }) {
  const { size: n, padding: p, kernel: k, stride: s, op } = model.state;
  const sizeTex = String.raw`n_{\text{out}}=\left\lfloor\frac{n+2p-k}{s}\right\rfloor+1=\left\lfloor\frac{${n}+2\cdot${p}-${k}}{${s}}\right\rfloor+1=`;
  const result = model.invalid ? String.raw`\text{— (the window does not fit: } k>n+2p\text{)}` : String(model.out);
  const few = model.win.length <= 16;
  const sum = model.win.reduce((a, b) => a + b, 0);
  const poolTex =
    op === 'max'
      ? String.raw`y_{ij}=\max_{0\le a,b<k}\,x_{si+a,\;sj+b}`
      : String.raw`y_{ij}=\frac{1}{k^2}\sum_{a=0}^{k-1}\sum_{b=0}^{k-1}x_{si+a,\;sj+b}`;
  const at = `y_{${model.row + 1},${model.col + 1}}`;
  const now =
    model.current === null
      ? ''
      : op === 'max'
        ? String.raw`,\qquad ${at}=\max(${few ? model.win.join(',') : String.raw`\text{${k * k} values}`})=${fmtValue(model.current)}`
        : String.raw`,\qquad ${at}=\tfrac{1}{${k * k}}(${few ? model.win.join('+') : sum})=${fmtValue(model.current)}`;
  return (
    <>
      <Tex block>{sizeTex + result}</Tex>
      <Tex block>{poolTex + now}</Tex>
    </>
  );
}
