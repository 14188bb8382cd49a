import { classColor } from '../common/colors';
import { LineChart } from '../common/LineChart';
import { Tex } from '../common/Tex';
import { Explainer, type ExplainerLayout } from '../kit/Explainer';
import { useExplainerFrame, type ExplainerCommonProps, type ExplainerStateProps } from '../kit/explainerProps';
import { Legend } from '../kit/Legend';
import { Segmented } from '../kit/Segmented';
import { Slider } from '../kit/Slider';
import { FitProgress } from '../worker/FitProgress';
import { ImagePanel } from './ImagePanel';
import { JITTER_RANGE, pct, type ManifoldState } from './model';
import { MfStyles } from './styles';
import { useManifold, type ManifoldModel } from './useManifold';
import { WindowPlot } from './WindowPlot';

export type { ManifoldState } from './model';

/** Props of {@link Manifold}. Other attributes (`id`, `aria-*`, `data-*`) go to the root `<figure>`. */
export interface ManifoldProps extends Omit<ExplainerCommonProps, 'showPerformance'>, ExplainerStateProps<ManifoldState> {
  /** Width of the explainer in px. Default 960 (shrinks to the container; one column below 640 px). */
  width?: number;
  /** Height hint in px (checked like `width`). Default 640. */
  height?: number;
  /** Seed of the random images, the pixel permutation and the windows. Default 0. */
  seed?: number;
  /** Windows per set (seismic, noise), 20 … 400. Default 150. */
  nWindows?: number;
  /** Samples per component of a window (3 components), 8 … 128. Default 40 (0.8 s at 50 Hz: points of ℝ¹²⁰). */
  windowLength?: number;
  /** Accessible name and title. Default "Natural data live on a manifold". */
  label?: string;
}

const clampInt = (v: number, lo: number, hi: number, fallback: number) => (Number.isFinite(v) ? Math.min(hi, Math.max(lo, Math.round(v))) : fallback);

/**
 * "Natural data live on a manifold": random points of the image cube [0, 1]⁷⁸⁴ never look
 * like digits, and a digit's pixels shuffled stop being one; likewise 3-component waveform
 * windows, points of ℝ^{3L}, fill a thin region that a few principal axes describe, while
 * noise fills every direction ("Dimension > Information").
 */
export function Manifold({ width = 960, height = 640, seed = 0, nWindows = 150, windowLength = 40, value, defaultValue, onValueChange, ...rest }: ManifoldProps) {
  const model = useManifold({ seed: clampInt(seed, 0, 1e6, 0), nWindows: clampInt(nWindows, 20, 400, 150), windowLength: clampInt(windowLength, 8, 128, 40), value, defaultValue, onValueChange });
  const frame = useExplainerFrame(rest, { label: 'Natural data live on a manifold', width, height }, model);
  const p = model.projection;
  return (
    <Explainer
      {...frame}
      aria-busy={model.projecting.running ? true : undefined}
      statusProps={{ 'data-testid': 'status', 'data-k90-seismic': p?.k90.seismic ?? undefined, 'data-k90-noise': p?.k90.noise ?? 'none' }}
      controls={<MfControls model={model} />}
      legend={
        <Legend
          label="Key to the windows"
          items={[
            { label: 'seismic window (P onset, 3 components)', color: classColor(0), shape: 'dot' },
            { label: 'white-noise window', color: classColor(1), shape: 'dot' },
          ]}
        />
      }
      caption="We can see waveforms x ∈ ℝᴺ as points of an N-dimensional space, yet they do not fill it: a random point of the image cube is never a digit, and shuffling a digit's pixels keeps its values but loses it. The seismic windows (a polarisation, a wavelet and an onset behind 3L numbers) lie in a thin region that a few principal axes capture; noise spreads over all of them. Dimension > Information. Jitter the onsets to see the region curve into more dimensions."
      maths={
        <>
          <Tex block>{String.raw`\mathbf{x}=\mathbf{p}\otimes w_f(t-t_0-\tau)+\boldsymbol{\varepsilon}\in\mathbb{R}^{3L},\quad \|\mathbf{p}\|=1,\ \|\mathbf{x}\|=1`}</Tex>
          <Tex block>{String.raw`\text{explained variance of }k\text{ axes}=\frac{\sum_{j\le k}\lambda_j}{\sum_j\lambda_j}`}</Tex>
        </>
      }
    >
      {(layout: ExplainerLayout) => {
        const avail = layout.plotWidth(width);
        // Three columns: the images (at least as wide as the digit select, ~190 px), then two square plots.
        const img = layout.compact ? Math.min(200, avail - 8) : Math.min(168, Math.round(avail * 0.2));
        const plot = layout.compact ? Math.min(avail, 360) : Math.min(400, Math.floor((avail - Math.max(img, 190) - 56) / 2));
        return (
          <>
            <MfStyles />
            <div className="gl-panel" data-gl-panel="images">
              <ImagePanel model={model} size={img} />
            </div>
            <div className="gl-panel" data-gl-panel="windows">
              <WindowsPanel model={model} size={plot} />
            </div>
            <div className="gl-panel" data-gl-panel="variance">
              {p ? <VariancePanel model={model} width={layout.compact ? avail : plot} /> : null}
            </div>
          </>
        );
      }}
    </Explainer>
  );
}

/**
 * The windows by PCA, with the progress of their projection in the worker: the last
 * projection stays (dimmed) while the next is computed; before the first, a blank square.
 */
function WindowsPanel({ model, size }: { model: ManifoldModel; size: number }) {
  const p = model.projection;
  const { running, progress } = model.projecting;
  return (
    <div className="gl-mf-windows" data-stale={running && p ? '' : undefined}>
      <h3 className="gl-mf-heading">3-component windows by PCA</h3>
      {running ? <FitProgress value={progress} running label="Projecting the windows" data-testid="windows-progress" /> : null}
      {p ? <WindowPlot p={p} size={size} state={model.state} onRotate={model.actions.rotate} /> : <div className="gl-mf-placeholder" style={{ width: size, height: size }} />}
    </div>
  );
}

/** Cumulative explained variance of PCA on each set alone: how many axes each set needs. */
function VariancePanel({ model, width }: { model: ManifoldModel; width: number }) {
  const p = model.projection!;
  const k = (v: number | null) => (v === null ? `> ${p.curves.seismic.length}` : String(v));
  return (
    <div className="gl-mf-windows" data-testid="variance" style={{ width }}>
      <h3 className="gl-mf-heading">How many axes hold the variance?</h3>
      <LineChart
        width={width}
        height={Math.round(width * 0.7)}
        series={[
          { label: 'seismic windows', color: classColor(0), points: p.curves.seismic.map((v, i) => [i + 1, v] as const), dots: true },
          { label: 'noise windows', color: classColor(1), points: p.curves.noise.map((v, i) => [i + 1, v] as const), dashed: true },
        ]}
        xLabel="principal axes k"
        yLabel="explained variance"
        yDomain={[0, 1]}
        label={`Cumulative explained variance: 3 axes hold ${pct(p.curves.seismic[2] ?? NaN)} of the seismic windows' variance and ${pct(p.curves.noise[2] ?? NaN)} of the noise's`}
        testId="variance-chart"
      />
      <p className="gl-mf-note">
        90 % of the variance: {k(p.k90.seismic)} axes for seismic windows, {k(p.k90.noise)} for noise, out of {p.dimension}.
      </p>
    </div>
  );
}

/** The controls of the waveform side: the projection and the onset jitter. */
function MfControls({ model }: { model: ManifoldModel }) {
  const { state, actions } = model;
  return (
    <>
      <Segmented
        label="Projection"
        options={[
          { value: '2d', label: '2-D' },
          { value: '3d', label: '3-D' },
        ]}
        value={state.view}
        onChange={actions.setView}
      />
      <Slider label="Onset jitter τ (s)" min={JITTER_RANGE[0]} max={JITTER_RANGE[1]} step={0.01} value={state.jitter} onChange={actions.setJitter} format={(v) => v.toFixed(2)} testId="jitter-slider" />
    </>
  );
}
