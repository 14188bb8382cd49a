import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { Manifold } from '@geolearn/ui/mnist';
import { explainerParameters } from '../gallery';

const meta = {
  title: '4 Classification/Manifold',
  component: Manifold,
  args: { width: 960, seed: 0, onValueChange: fn() },
  parameters: explainerParameters('manifold', {
    try: 'Press “Sample again” a few times: no random image ever looks like a digit. Shuffle the digit’s pixels. Then look at the waveform windows in 2-D and 3-D, and raise the onset jitter.',
    notice: 'The shuffled digit has exactly the same 784 values, yet it is noise: what makes a digit is which pixels are inked together. The seismic windows spread over a thin shell that 3 principal axes almost hold, while the noise windows need nearly every axis; jitter curves the seismic region into more directions.',
    think: 'A window here is 120 numbers. How many numbers does it take to describe a P arrival on three components, and what does that say about the features a classifier needs?',
    about: [
      'Images are the 30 held-out MNIST digits shipped with the package (the same as the drawing pad’s). A random image draws each of its 784 pixels uniformly in [0, 1]; shuffling applies one seeded permutation to the digit’s pixels. The neighbour difference is the mean |xᵢ − xⱼ| over horizontally and vertically adjacent pixels: 1/3 for uniform noise, far less for strokes.',
      'A seismic window is p ⊗ w_f(t − t₀ − τ) + ε: a polarisation p drawn uniformly on the unit sphere, a Ricker wavelet of peak frequency f ∈ [3, 7] Hz, an onset jitter τ ~ N(0, jitter²), and 2 % noise, 40 samples at 50 Hz per component (points of ℝ¹²⁰). Noise windows are white Gaussian. Every window is scaled to unit norm. The scatter uses PCA (@geolearn/algorithms) fitted on all 300 windows; the curves, PCA fitted on each set alone.',
    ],
  }),
} satisfies Meta<typeof Manifold>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Random images, a real digit, and the waveform windows by PCA in 2-D. */
export const Default: Story = {};

/** The digit with its pixels shuffled. */
export const Shuffled: Story = { name: 'Shuffled pixels', args: { defaultValue: { shuffled: true, digit: 21 } } };

/** The windows on three principal axes: the seismic ones on a thin shell, the noise in the middle. */
export const ThreeD: Story = { name: 'Three principal axes', args: { defaultValue: { view: '3d' } } };

/** Jittered onsets: the seismic region needs more axes. */
export const Jittered: Story = { name: 'Jittered onsets', args: { defaultValue: { jitter: 0.2 } } };

const TEST = ['!dev', '!autodocs', 'test', 'gl-test'];

/** Shuffling keeps the values and loses the digit; sampling again draws new images. */
export const TestShuffle: Story = {
  tags: TEST,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByTestId('digit')).toHaveAttribute('data-loaded'));
    await userEvent.click(canvas.getByTestId('shuffle'));
    await expect(canvas.getByTestId('digit')).toHaveAttribute('data-shuffled');
    await expect(canvas.getByTestId('status')).toHaveTextContent(/shuffled/);
    await userEvent.click(canvas.getByTestId('resample'));
    await expect(canvas.getByTestId('random-images')).toHaveAttribute('data-draw', '1');
  },
};

/** The 3-D view turns with the arrow keys. */
export const Test3d: Story = {
  tags: TEST,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('radio', { name: '3-D' }));
    // The windows are projected in the fit worker: the 3-D view appears when they arrive.
    const rot = await canvas.findByTestId('rotate', {}, { timeout: 15000 });
    rot.focus();
    await userEvent.keyboard('{ArrowRight}');
    await waitFor(() => expect(rot).toHaveAttribute('data-rotation', '40,25'));
    await expect(canvas.getByTestId('variance')).toHaveTextContent(/90 % of the variance: \d+ axes for seismic windows/);
  },
};
