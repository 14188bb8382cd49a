import { AUTOENCODER_DISTANCE_RANGE } from '@geolearn/algorithms/seismic';
import { classColor, conceptColor } from '../common/colors';
import { Tex } from '../common/Tex';
import { ColorLegend } from '../kit/ColorLegend';
import { Explainer, type ExplainerLayout } from '../kit/Explainer';
import { useExplainerFrame, type ExplainerCommonProps, type ExplainerStateProps } from '../kit/explainerProps';
import { Legend, type LegendItem } from '../kit/Legend';
import { AutoencoderControls } from './Controls';
import { LatentPlot } from './LatentPlot';
import { autoencoderSizes, INPUT_COLOR, OUTPUT_COLOR, TARGET_COLOR, typeName, type AutoencoderState } from './model';
import { DenoisePanel, FiguresPanel, TrainingPanel, WindowPanel } from './Panels';
import { AutoencoderStyles } from './styles';
import { useAutoencoder, type AutoencoderModel, type AutoencoderModelUrls } from './useAutoencoder';

export type { AutoencoderMode, AutoencoderState, ColourBy } from './model';
export type { AutoencoderModelUrls } from './useAutoencoder';

/** Props of {@link Autoencoder}. Other attributes (`id`, `aria-*`, `data-*`) go to the root `<figure>`. */
export interface AutoencoderProps extends Omit<ExplainerCommonProps, 'showPerformance'>, ExplainerStateProps<AutoencoderState> {
  /** Width of the picture in px. Default 860 (shrinks to the container; one column below 640 px). */
  width?: number;
  /** Height of the latent-space plot's box in px. Default 420. */
  height?: number;
  /** Training windows when the student trains a new autoencoder in the page. Default 1500. */
  trainWindows?: number;
  /** Seed of a training run in the page (weights and windows). Default 0. */
  seed?: number;
  /**
   * Where the two models are served, if not from the package's own assets (an app that hosts
   * the files itself, or tests with `file:` URLs). Default the shipped files.
   */
  modelUrls?: AutoencoderModelUrls;
  /** Accessible name and title. Default "Autoencoder on seismic traces". */
  label?: string;
}

/**
 * Autoencoders on seismic traces (slides, chapters 5 and 8): a fully connected autoencoder
 * squeezes 256-sample windows into a 2-D latent space z, scattered and coloured by event type
 * or distance; a latent point picked on the plot decodes into a waveform; each held-out window
 * sits beside its reconstruction. A convolutional autoencoder in denoising mode cleans noisy
 * earthquakes, with the SNR gain. Starts from weights trained by `pnpm train:autoencoder`;
 * training a new one in a Web Worker is the student's choice.
 */
export function Autoencoder({ width = 860, height = 420, trainWindows = 1500, seed = 0, modelUrls, value, defaultValue, onValueChange, ...rest }: AutoencoderProps) {
  const model = useAutoencoder({ value, defaultValue, onValueChange, trainWindows, seed, modelUrls });
  const frame = useExplainerFrame(rest, { label: 'Autoencoder on seismic traces', width, height }, model);
  return (
    <Explainer
      {...frame}
      state={model.training.diverged ? 'diverged' : frame.state}
      aria-busy={model.loading && !model.error ? true : undefined}
      statusProps={{ 'data-testid': 'status', 'data-mode': model.state.mode, 'data-source': model.source, 'data-loaded': model.loading ? undefined : '' }}
      controls={<AutoencoderControls model={model} />}
      legend={<AutoencoderLegend model={model} />}
      caption={
        model.state.mode === 'latent'
          ? 'Each dot is a held-out window at its 2-number code z. The three kinds of window fall in different places: noise to one side, Brune-pulse earthquakes packed together, Ricker-pulse earthquakes spread out, the near ones apart from the far ones. Press anywhere on the plane (or move the ring with the arrow keys): the decoder draws the waveform that code stands for.'
          : 'The convolutional autoencoder was trained on noisy windows with the clean window as the target. It keeps the P and S pulses and drops most of the noise: compare the gain at −5 dB and at +10 dB.'
      }
      maths={<AutoencoderMaths model={model} />}
    >
      {(layout: ExplainerLayout) => {
        const s = autoencoderSizes(width, height, layout.plotWidth(width), layout.compact);
        return (
          <>
            <AutoencoderStyles />
            {model.state.mode === 'latent' ? (
              <>
                <LatentPlot model={model} size={s.latent} />
                <div className="gl-ae-side" style={{ width: s.side }}>
                  <WindowPanel model={model} width={s.side} height={s.waveHeight} />
                  <FiguresPanel model={model} />
                  <TrainingPanel model={model} width={s.side} />
                </div>
              </>
            ) : (
              <>
                <DenoisePanel model={model} width={s.full} height={Math.max(140, s.waveHeight + 20)} />
                <FiguresPanel model={model} />
              </>
            )}
          </>
        );
      }}
    </Explainer>
  );
}

/** The key: window types (or the distance colour map) and the waveforms' colours. */
function AutoencoderLegend({ model }: { model: AutoencoderModel }) {
  if (model.state.mode === 'denoise') {
    return (
      <Legend
        label="Key to the denoising pictures"
        items={[
          { label: 'noisy input x̃', color: INPUT_COLOR },
          { label: 'denoised output x′', color: OUTPUT_COLOR },
          { label: 'clean target x', color: TARGET_COLOR, shape: 'dashed' },
        ]}
      />
    );
  }
  const waves: LegendItem[] = [
    { label: 'input x', color: INPUT_COLOR },
    { label: 'output x′ (decoded / reconstructed)', color: OUTPUT_COLOR },
  ];
  return (
    <div className="gl-legend-row">
      {model.state.colourBy === 'type' ? (
        <Legend label="Key to the latent space and waveforms" items={[...[0, 1, 2].map((t) => ({ label: typeName(t), color: classColor(t), shape: 'dot' as const })), ...waves]} />
      ) : (
        <>
          <ColorLegend kind="sequential" domain={AUTOENCODER_DISTANCE_RANGE} title="epicentral distance Δ (km)" ticks={4} width={220} testId="distance-key" />
          <Legend label="Key to the latent space and waveforms" items={[{ label: 'noise only (no distance)', color: conceptColor('data'), shape: 'dot' as const }, ...waves]} />
        </>
      )}
    </div>
  );
}

/** The slides' loss, and the figures of the mode. */
function AutoencoderMaths({ model }: { model: AutoencoderModel }) {
  if (model.state.mode === 'denoise') {
    return (
      <>
        <Tex block>{String.raw`\tilde{\mathbf{x}}=\mathbf{x}+\mathbf{n},\quad \mathbf{x}'=g\bigl(f(\tilde{\mathbf{x}})\bigr),\quad \mathcal{L}=\|\mathbf{x}-\mathbf{x}'\|^2`}</Tex>
        <Tex block>{String.raw`\mathrm{SNR}(\mathbf{x}')=10\log_{10}\frac{\|\mathbf{x}\|^2}{\|\mathbf{x}-\mathbf{x}'\|^2}\ \text{dB}`}</Tex>
        <Tex block>{String.raw`\text{gain}=\mathrm{SNR}(\mathbf{x}')-\mathrm{SNR}(\tilde{\mathbf{x}})`}</Tex>
      </>
    );
  }
  return (
    <>
      <Tex block>{String.raw`\mathbf{z}=f(\mathbf{x})\in\mathbb{R}^2,\qquad \mathbf{x}'=g(\mathbf{z}),\qquad \mathcal{L}=\|\mathbf{x}-\mathbf{x}'\|^2`}</Tex>
      <Tex block>{String.raw`\mathbf{x}\in\mathbb{R}^{256}\to\mathbf{z}\in\mathbb{R}^{2}:\ 128:1`}</Tex>
    </>
  );
}
