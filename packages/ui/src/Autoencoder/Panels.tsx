import { LineChart, type ChartSeries } from '../common/LineChart';
import { conceptColor } from '../common/colors';
import { FitProgress } from '../worker/FitProgress';
import { AUTOENCODER_SAMPLE_RATE } from '@geolearn/algorithms/seismic';
import { fmt, INPUT_COLOR, OUTPUT_COLOR, TARGET_COLOR, typeName } from './model';
import type { AutoencoderModel } from './useAutoencoder';

/** (t, v) points of a window sampled at the windows' rate. */
function wave(v: ArrayLike<number>): [number, number][] {
  return Array.from({ length: v.length }, (_, i) => [i / AUTOENCODER_SAMPLE_RATE, v[i]] as [number, number]);
}

const Y: readonly [number, number] = [-1.1, 1.1];

/** A waveform chart with time in s across and the normalised amplitude up. */
function WaveChart({ series, width, height, label, testId }: { series: ChartSeries[]; width: number; height: number; label: string; testId: string }) {
  return <LineChart width={width} height={height} series={series} xLabel="time (s)" yLabel="x / max|x|" yDomain={Y} label={label} testId={testId} />;
}

/** The decoded waveform of the latent point, and the chosen window beside its reconstruction. */
export function WindowPanel({ model, width, height }: { model: AutoencoderModel; width: number; height: number }) {
  const { decoded, windowView, z } = model;
  return (
    <div className="gl-panel gl-ae-waves" data-gl-panel="">
      <p className="gl-ae-heading">Decoded from z = ({z ? `${fmt(z[0], 2)}, ${fmt(z[1], 2)}` : '–, –'}): x′ = g(z)</p>
      <WaveChart
        width={width}
        height={height}
        series={decoded ? [{ label: 'decoded waveform x′', color: OUTPUT_COLOR, points: wave(decoded) }] : []}
        label="The waveform the decoder makes from the chosen latent point"
        testId="decoded-chart"
      />
      <p className="gl-ae-heading">
        {windowView ? `${windowView.label[0].toUpperCase()}${windowView.label.slice(1)}: ` : ''}input x and reconstruction x′
        {windowView && <span className="gl-ae-figure" data-testid="window-snr"> (SNR {fmt(windowView.snrDb)} dB, ‖x − x′‖²/L = {fmt(windowView.mse, 4)})</span>}
      </p>
      <WaveChart
        width={width}
        height={height}
        series={
          windowView
            ? [
                { label: 'input x', color: INPUT_COLOR, points: wave(windowView.x) },
                { label: 'reconstruction x′', color: OUTPUT_COLOR, points: wave(windowView.y) },
              ]
            : []
        }
        label="The chosen held-out window and the autoencoder's reconstruction of it"
        testId="reconstruction-chart"
      />
    </div>
  );
}

/** Denoising: the noisy input, then the denoised output over the clean target, with the SNR gain. */
export function DenoisePanel({ model, width, height }: { model: AutoencoderModel; width: number; height: number }) {
  const d = model.denoiseView;
  const gain = d ? d.outDb - d.inDb : NaN;
  return (
    <div className="gl-panel gl-ae-waves" data-gl-panel="">
      <p className="gl-ae-heading">Noisy input x̃ = x + n{d ? ` (earthquake at Δ = ${fmt(d.distance, 0)} km, SNR ${fmt(d.inDb)} dB)` : ''}</p>
      <WaveChart width={width} height={height} series={d ? [{ label: 'noisy input x̃', color: INPUT_COLOR, points: wave(d.noisy) }] : []} label="The noisy window given to the denoiser" testId="noisy-chart" />
      <p className="gl-ae-heading">
        Denoised output x′ and clean target x
        {d && (
          <span className="gl-ae-figure" data-testid="snr-gain" data-gain={gain.toFixed(2)}>
            {' '}(SNR {fmt(d.outDb)} dB: gain {gain >= 0 ? '+' : ''}
            {fmt(gain)} dB)
          </span>
        )}
      </p>
      <WaveChart
        width={width}
        height={height}
        series={
          d
            ? [
                { label: 'clean target x', color: TARGET_COLOR, points: wave(d.clean), dashed: true },
                { label: 'denoised output x′', color: OUTPUT_COLOR, points: wave(d.out) },
              ]
            : []
        }
        label="The denoiser's output over the clean window it should recover"
        testId="denoised-chart"
      />
    </div>
  );
}

/** The figures and the slide's uses: compression ratio, reconstruction quality by window type. */
export function FiguresPanel({ model }: { model: AutoencoderModel }) {
  const { derived, denoiseView, state, source } = model;
  if (state.mode === 'denoise') {
    return (
      <div className="gl-panel gl-ae-figures" data-gl-panel="">
        <p>
          <strong>Convolutional autoencoder:</strong> 256 samples → {denoiseView ? denoiseView.latentDim : '…'} numbers in the code
          {denoiseView && <> (compression {fmt(denoiseView.ratio, 0)} : 1)</>}. Trained on noisy windows x̃ with the clean x as the target, 𝓛 = ‖x − g(f(x̃))‖².
        </p>
        <p>Uses (slides): denoising, compression and quality assessment.</p>
      </div>
    );
  }
  return (
    <div className="gl-panel gl-ae-figures" data-gl-panel="" data-testid="figures">
      <p>
        <strong>Compression:</strong> 256 samples → z ∈ ℝ², {derived ? <span data-testid="compression">{fmt(derived.ratio, 0)} : 1</span> : '…'}.
      </p>
      {derived && (
        <>
          <p>
            <strong>Quality assessment:</strong> reconstruction SNR of the {model.data.count} held-out windows ({source === 'trained' ? 'trained here' : 'shipped model'}):
          </p>
          <ul className="gl-ae-list">
            {derived.byType.map((snr, t) => (
              <li key={t}>
                {typeName(t)}: <span data-testid={`snr-type-${t}`}>{fmt(snr)} dB</span>
              </li>
            ))}
          </ul>
          <p className="gl-ae-note">Noise has no shape to learn: it is rebuilt worst. A window far worse than its kind is suspect (a glitch, a wrong channel).</p>
        </>
      )}
    </div>
  );
}

/** Training in the page: progress, the live loss curve (training and held-out 𝓛). */
export function TrainingPanel({ model, width }: { model: AutoencoderModel; width: number }) {
  const t = model.training;
  if (!t.running && t.history.length === 0 && !t.error) return null;
  const series: ChartSeries[] = [
    { label: 'training 𝓛', color: conceptColor('train'), points: t.history.map((h) => [h.epoch, h.loss] as [number, number]) },
    { label: 'held-out 𝓛', color: conceptColor('test'), points: t.history.map((h) => [h.epoch, h.testLoss] as [number, number]), dashed: true },
  ];
  return (
    <div className="gl-panel gl-ae-training" data-gl-panel="" data-testid="training">
      <FitProgress value={t.progress} running={t.running} label="Training in a worker" onCancel={t.running ? model.actions.cancelTraining : undefined} error={t.error} />
      <LineChart width={width} height={160} series={series} xLabel="epoch" yLabel="𝓛 = ‖x − x′‖²/L" label="Loss per epoch of the autoencoder trained here" testId="loss-chart" />
      {t.diverged && <p className="gl-ae-warning">The loss became NaN: training stopped at the last finite weights.</p>}
    </div>
  );
}
