import { Button } from '../kit/buttons';
import { Segmented, Select } from '../kit/Segmented';
import { Slider } from '../kit/Slider';
import { DENOISE_EXAMPLES, DENOISE_SNRS, TRAIN_EPOCHS, type AutoencoderState } from './model';
import type { AutoencoderModel } from './useAutoencoder';

const MODES = [
  { value: 'latent', label: 'Latent space' },
  { value: 'denoise', label: 'Denoising' },
] as const;
const COLOURS = [
  { value: 'type', label: 'Event type' },
  { value: 'distance', label: 'Distance' },
] as const;
const SNRS = DENOISE_SNRS.map((s) => ({ value: String(s), label: `${s > 0 ? '+' : s < 0 ? '−' : ''}${Math.abs(s)} dB` }));
const EXAMPLES = Array.from({ length: DENOISE_EXAMPLES }, (_, i) => ({ value: String(i), label: `Earthquake ${i + 1}` }));
const EPOCHS = TRAIN_EPOCHS.map((e) => ({ value: String(e), label: `${e} epochs` }));

/** The controls of the mode shown, then training in the page (latent mode). */
export function AutoencoderControls({ model }: { model: AutoencoderModel }) {
  const { state, actions, data, training } = model;
  return (
    <>
      <Segmented label="View" options={MODES} value={state.mode} onChange={actions.setMode} />
      {state.mode === 'latent' ? (
        <>
          <Segmented label="Colour by" options={COLOURS} value={state.colourBy} onChange={actions.setColourBy} />
          <Slider label="Held-out window" min={1} max={data.count} step={1} value={state.window + 1} onChange={(v) => actions.selectWindow(v - 1)} testId="window-slider" />
          {state.z && (
            <Button onClick={actions.clearZ} data-testid="back-to-window">
              Decode the window&apos;s code
            </Button>
          )}
          <Select label="Train for" options={EPOCHS} value={String(state.epochs)} onChange={(v) => actions.setEpochs(Number(v) as AutoencoderState['epochs'])} disabled={training.running} testId="epochs" />
          <Button onClick={actions.train} disabled={training.running || !model.ae} data-testid="train">
            Train a new one here
          </Button>
          {model.hasTrained &&
            (model.source === 'trained' ? (
              <Button onClick={actions.useShipped} data-testid="use-shipped">
                Use the shipped weights
              </Button>
            ) : (
              <Button onClick={actions.useTrained} data-testid="use-trained">
                Use the weights trained here
              </Button>
            ))}
        </>
      ) : (
        <>
          <Segmented label="Input SNR" options={SNRS} value={String(state.snrDb)} onChange={(v) => actions.setSnrDb(Number(v) as AutoencoderState['snrDb'])} />
          <Select label="Example" options={EXAMPLES} value={String(state.example)} onChange={(v) => actions.setExample(Number(v))} testId="example" />
        </>
      )}
    </>
  );
}
