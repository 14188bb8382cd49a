import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fireEvent, fn, userEvent, waitFor, within } from 'storybook/test';
import { PhasePicker } from '@geolearn/ui/seismic';
import { explainerParameters } from '../gallery';

const meta = {
  title: '7 Applications in seismology/Phase picker',
  component: PhasePicker,
  args: { width: 960, height: 760, onValueChange: fn() },
  parameters: explainerParameters('phase-picker', {
    try: 'Pick P and S yourself first: click on the traces (or focus them and use the arrow keys; P and S switch the phase). Then press "Show true arrivals" and compare your residuals with the network\'s and STA/LTA\'s. Lower the SNR to −3 dB and try again.',
    notice: 'Around 5 to 10 dB, STA/LTA misses P or triggers on noise, while the network\'s q_P still peaks at the arrival: it has learned the shape and the polarisation (P on Z, S on N and E), not just a rise in energy. Below 5 dB the P wave sinks into the noise for both, but the network still finds most S waves. Moving the event away moves S away from P by about 0.12 s per km. With the true arrivals shown, the status gives the P onset\'s own SNR (the energy in the 2 s after P over the 2 s before): at a record SNR of 10 dB it is typically only 1 to 3 dB, because the record\'s SNR is set by its largest swing, the S wave.',
    think: 'The network was trained on synthetic events only. What would you expect on a real record, with another noise spectrum, another velocity model, another instrument? What would you need to fine-tune it?',
    about: [
      'PhaseNet (Zhu & Beroza 2019) as in the slides: the features are a 3-component window x ∈ ℝ^{3000×3} (30 s at 100 Hz), the targets are the probabilities p_i(x) of P, S and noise at every sample, Gaussians of σ = 0.1 s around the true arrivals with noise = 1 − P − S, and the loss is the cross-entropy 𝓛 = −Σ_i Σ_x p_i(x) log q_i(x). The picks are the peaks of q_P and q_S above the threshold.',
      'The network is a small 1-D U-Net (84 k weights): an encoder of strided convolutions (3000 → 1500 → 750 → 250 → 50 → 10 samples, 8 to 48 channels), a decoder of transposed convolutions back to 3000 samples, skip connections that concatenate each encoder scale to the decoder, and a softmax over the three classes at every sample. Each window is high-passed above 1 Hz (the ocean microseism out) and scaled to unit variance first. It was trained by `pnpm train:picker` on synthetic records (SNR −5 to 20 dB, 10 to 120 km) and runs here with TensorFlow.js in a Web Worker.',
      'The residual histogram runs it on held-out windows (never seen in training) and scores it as the paper does: precision and recall within 0.1 s, the mean and standard deviation of pick − truth; STA/LTA (band-passed 1–20 Hz, classic STA/LTA on Z, trigger at 3) picks P on the same windows. Drop a miniSEED or SAC file on the traces to pick a real record (resampled to 100 Hz; one component is copied into the others).',
    ],
  }),
} satisfies Meta<typeof PhasePicker>;
export default meta;
type Story = StoryObj<typeof meta>;

/** A synthetic local event at 5 dB, 50 km away: pick P and S yourself, then show the truth. */
export const Default: Story = {};

/** Low SNR (−3 dB): STA/LTA struggles, the network's probabilities still peak near the arrivals. */
export const LowSnr: Story = { name: 'Low SNR', args: { defaultValue: { snrDb: -3, seed: 2 } } };

/** A distant event (110 km): S − P is about 13 s. The true arrivals are shown. */
export const DistantEventWithTruth: Story = { name: 'Distant event, true arrivals shown', args: { defaultValue: { distance: 110, snrDb: 10, showTruth: true } } };

const ready = async (canvasElement: HTMLElement) => {
  const canvas = within(canvasElement);
  await waitFor(() => expect(canvas.getByTestId('probabilities')).toHaveAttribute('data-state', 'ready'), { timeout: 30000 });
  return canvas;
};

/** Keyboard picks on the traces, then the true arrivals and the residuals. */
export const TestPickAndReveal: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { defaultValue: { snrDb: 15 } },
  play: async ({ canvasElement }) => {
    const canvas = await ready(canvasElement);
    const area = canvas.getByTestId('pick-area');
    area.focus();
    await userEvent.keyboard('{ArrowRight}{ArrowRight}');
    await expect(area).toHaveAttribute('aria-valuetext', 'your P pick at 15.05 s');
    await userEvent.keyboard('s{Shift>}{ArrowRight}{/Shift}');
    await expect(area).toHaveAttribute('data-phase', 'S');
    await expect(canvasElement.querySelector('[data-pick="myS"]')).not.toBeNull();
    await expect(canvas.getByTestId('residual-You-P')).toHaveTextContent('·');
    await userEvent.click(canvas.getByTestId('show-truth'));
    await expect(canvas.getByTestId('residual-You-P')).toHaveTextContent(/[+−]\d+\.\d\d s/);
    await expect(canvas.getByTestId('status')).toHaveTextContent(/Residuals \(pick − truth\): model P/);
    await expect(canvas.getByTestId('residual-Model-P')).toHaveTextContent(/[+−]\d+\.\d\d s|—/);
    await expect(canvasElement.querySelector('[data-pick="tP"]')).not.toBeNull();
  },
};

/** A click on the traces places the chosen phase's pick where it lands. */
export const TestClickPick: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement }) => {
    const canvas = await ready(canvasElement);
    const rect = canvasElement.querySelector('.gl-pp-area')!;
    const box = rect.getBoundingClientRect();
    const at = { clientX: box.left + box.width / 4, clientY: box.top + 20, pointerId: 1 };
    await fireEvent.pointerDown(rect, at);
    await fireEvent.pointerUp(rect, at);
    await waitFor(() => expect(canvasElement.querySelector('[data-pick="myP"]')).not.toBeNull());
    const t = Number(canvasElement.querySelector('[data-pick="myP"]')!.getAttribute('data-time'));
    await expect(Math.abs(t - 7.5)).toBeLessThan(0.3);
    await userEvent.click(canvas.getByTestId('clear-picks'));
    await expect(canvasElement.querySelector('[data-pick="myP"]')).toBeNull();
  },
};

/** The held-out batch: a residual histogram, with precision, recall and STA/LTA beside. */
export const TestHeldOutBatch: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { batchSize: 16 },
  play: async ({ canvasElement }) => {
    const canvas = await ready(canvasElement);
    await userEvent.click(canvas.getByTestId('run-batch'));
    await waitFor(() => expect(canvas.getByTestId('histogram')).toHaveAttribute('data-state', 'ready'), { timeout: 60000 });
    await expect(canvas.getByTestId('batch-scores')).toHaveTextContent(/model P: precision [\d.]+, recall [\d.]+ within 0\.1 s/);
    await expect(canvas.getByTestId('batch-scores')).toHaveTextContent(/16 windows/);
  },
};

/** Bad input: a record with a NaN sample is refused with a message; the model never sees it. */
export const TestNaNRecord: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { record: { components: [Array.from({ length: 3500 }, (_, i) => (i === 120 ? NaN : Math.sin(i / 9)))], sampleRate: 100, name: 'gappy.sac' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByTestId('status')).toHaveTextContent(/gappy\.sac: sample 120 of Z \(1\.20 s\) is NaN\. The model never sees NaN/);
    await expect(canvasElement.querySelector('.gl-explainer')).toHaveAttribute('data-state', 'error');
  },
};

/** One component only: copied into N and E, explained, and picked; a short record is refused. */
export const TestOneComponent: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { record: { components: [Array.from({ length: 4500 }, (_, i) => Math.sin(i / 5) * Math.exp(-(((i - 2000) / 150) ** 2)) + 0.05 * Math.sin(i / 37))], sampleRate: 100, name: 'vertical.sac' } },
  play: async ({ canvasElement }) => {
    const canvas = await ready(canvasElement);
    await expect(canvas.getByText(/one component: Z is copied into the missing ones/)).toBeVisible();
    await expect(canvas.getByTestId('show-truth')).toBeDisabled();
    await expect(canvas.getByTestId('pick-whole')).toBeVisible();
  },
};
