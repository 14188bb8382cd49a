import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fireEvent, fn, userEvent, waitFor, within } from 'storybook/test';
import { Autoencoder } from '@geolearn/ui/seismic';
import { explainerParameters } from '../gallery';

const meta = {
  title: '8 Unsupervised learning/Autoencoder',
  component: Autoencoder,
  args: { onValueChange: fn() },
  parameters: explainerParameters('autoencoder', {
    try: 'Pick a few dots and compare each window with its reconstruction. Then press empty places of the latent plane, or focus the ring and walk it with the arrow keys, and watch the decoded waveform change. Colour the dots by distance. Finally switch to Denoising and lower the input SNR to −5 dB.',
    notice: 'Nobody told the network which window is noise or which pulse an earthquake has, yet the three kinds fall in different parts of the plane, and among the Ricker-pulse earthquakes the near ones (S soon after P) sit apart from the far ones. Noise is rebuilt worst, at about 0 dB: it has no shape to learn, which is what makes an autoencoder a quality check. Two numbers rebuild the held-out earthquakes at 4.6 dB SNR, against 2.9 dB for PCA with two components; the convolutional denoiser, with 32 numbers, gains 8.7 dB on average.',
    think: 'The reconstruction keeps the P and S pulses but loses the coda wiggles. Why can a code of two numbers not hold them? What would you expect from a 2-D code trained on real records, where sources, paths and instruments vary much more?',
    about: [
      'The slides\' autoencoder: an encoder f maps a window x to a latent code z = f(x), a decoder g maps it back to x′ = g(z), and training minimises 𝓛 = ‖x − x′‖² (the mean squared error), with the input as its own target: unsupervised. The fully connected one here is 256 → 128 → 32 → z ∈ ℝ² → 32 → 128 → 256 (ReLU, 74 k weights), so the code is 128 times shorter than the window. Its encoder and decoder run in plain TypeScript in the page (a few tens of thousands of multiply-adds).',
      'Data: vertical-component windows of 256 samples at 25 Hz (10.24 s) from `autoencoderWindows`: synthetic local earthquakes (`syntheticSeismogram`, a Ricker or a Brune pulse, 5 to 60 km, aligned on P at 1 s) recorded with background noise, and noise-only windows (`seismicNoise`), each high-passed at 0.5 Hz (no microseism) and divided by its peak. The shipped model was trained by `pnpm train:autoencoder` on 4,000 windows of one seed; the dots are 160 held-out windows of another seed.',
      'Denoising: a convolutional autoencoder (three blocks of 1 × 7 convolutions with 16, 32, 32 filters and 2× max-pooling, a 32-number code, transposed convolutions back to 256 samples) trained on noisy windows x̃ = x + n (input SNR −5 to 10 dB) with the clean window as the target, 𝓛 = ‖x − g(f(x̃))‖². SNR = 10·log₁₀(‖x‖² / ‖x − x′‖²) in dB; the gain is the output SNR minus the input SNR. It runs with TensorFlow.js in a Web Worker. "Train a new one here" trains the fully connected autoencoder in the worker on fresh windows, with its training and held-out loss per epoch.',
    ],
  }),
} satisfies Meta<typeof Autoencoder>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The shipped autoencoder's 2-D latent space, coloured by window type, with the first held-out window beside its reconstruction. */
export const Default: Story = {};

/** The same latent space coloured by epicentral distance: the earthquakes line up from near to far. */
export const ByDistance: Story = { name: 'Coloured by distance', args: { defaultValue: { colourBy: 'distance' } } };

/** A latent point chosen away from the window's code, decoded into a waveform. */
export const DecodedPoint: Story = { name: 'A decoded latent point', args: { defaultValue: { colourBy: 'distance', z: [0, 0], window: 3 } } };

/** The convolutional denoiser on an earthquake at 0 dB: noisy input, denoised output, clean target. */
export const Denoising: Story = { args: { defaultValue: { mode: 'denoise', snrDb: 0 } } };

/** The denoiser at −5 dB, where the noise has more energy than the earthquake. */
export const DenoisingLowSnr: Story = { name: 'Denoising at −5 dB', args: { defaultValue: { mode: 'denoise', snrDb: -5, example: 2 } } };

const loaded = async (canvasElement: HTMLElement) => {
  const status = within(canvasElement).getByTestId('status');
  await waitFor(() => expect(status).toHaveAttribute('data-loaded'), { timeout: 20000 });
  return status;
};

/** The slider and a click pick windows; a key on the handle moves the decoded latent point. */
export const TestPickAndDecode: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const status = await loaded(canvasElement);
    await expect(canvas.getByTestId('latent-plot')).toHaveAttribute('data-points', '160');
    await expect(canvas.getByTestId('compression')).toHaveTextContent('128 : 1');
    fireEvent.change(canvas.getByRole('slider', { name: 'Held-out window' }), { target: { value: '7' } });
    await expect(status).toHaveTextContent(/^Window 7/);
    await userEvent.click(canvasElement.querySelectorAll('.gl-ae-dot')[11]);
    await expect(status).toHaveTextContent(/^Window 12/);
    await expect(args.onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ window: 11, z: null }));
  },
};

/** A decoded point given as state moves with the arrow keys; "Decode the window's code" goes back. */
export const TestKeyboardHandle: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { defaultValue: { z: [0, 0] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const status = await loaded(canvasElement);
    await expect(status).toHaveTextContent(/Decoding z = \(0\.00, 0\.00\)/);
    canvas.getByTestId('latent-handle').focus();
    await userEvent.keyboard('{ArrowUp}');
    await waitFor(() => expect(status).not.toHaveTextContent(/Decoding z = \(0\.00, 0\.00\)/));
    await userEvent.click(canvas.getByTestId('back-to-window'));
    await expect(canvas.queryByTestId('back-to-window')).toBeNull();
    await expect(status).not.toHaveTextContent(/Decoding/);
  },
};

/** The denoiser (TF.js in a Web Worker) raises the SNR of the example. */
export const TestDenoise: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { defaultValue: { mode: 'denoise', snrDb: 0 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const gain = await canvas.findByTestId('snr-gain', {}, { timeout: 30000 });
    await expect(Number(gain.getAttribute('data-gain'))).toBeGreaterThan(3);
    await userEvent.click(canvas.getByRole('radio', { name: '+10 dB' }));
    await waitFor(() => expect(canvas.getByTestId('status')).toHaveTextContent(/^Input SNR 10\.0 dB/));
  },
};

/** Training a new autoencoder in the worker streams the loss per epoch and switches the page to it. */
export const TestTrainHere: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { trainWindows: 200, defaultValue: { epochs: 10 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const status = await loaded(canvasElement);
    await userEvent.click(canvas.getByTestId('train'));
    await waitFor(() => expect(status).toHaveAttribute('data-source', 'trained'), { timeout: 60000 });
    await expect(canvas.getByTestId('loss-chart')).not.toHaveAttribute('data-state', 'empty');
    await expect(status).toHaveTextContent(/the autoencoder trained here/);
    await userEvent.click(canvas.getByTestId('use-shipped'));
    await expect(status).toHaveAttribute('data-source', 'shipped');
  },
};
