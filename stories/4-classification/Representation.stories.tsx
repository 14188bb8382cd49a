import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fireEvent, fn, userEvent, waitFor, within } from 'storybook/test';
import { Representation } from '@geolearn/ui';
import { explainerParameters } from '../gallery';

const meta = {
  title: '4 Classification/Representation',
  component: Representation,
  args: { width: 820, seed: 0, onValueChange: fn() },
  parameters: explainerParameters('representation', {
    try: 'Press Play, or drag the t slider from 0 to 1, and watch the rings unroll from Cartesian (x₁, x₂) into polar (r, θ) coordinates.',
    notice: 'The same linear model is refitted at every t. In (x₁, x₂) it is right about half the time, no better than a coin; in (r, θ) it is right everywhere, with a boundary that is one threshold on r. The dashed threshold, carried back to t = 0, is a circle.',
    think: 'Which feature of (x₁, x₂) alone would let a linear model separate the rings without changing to polar coordinates?',
    about: [
      'Every point moves along z(t) = (1 − t)·x̃ + t·p̃ between its Cartesian coordinates x̃ = (x₁, x₂)/R and its polar ones p̃ = (2r/R − 1, θ/π), with r = √(x₁² + x₂²) and θ = atan2(x₂, x₁): both scaled to the same square so the morph stays on screen. At each t a LogisticRegression (L-BFGS, C = 100) of @geolearn/algorithms is fitted on z(t) and its training accuracy shown; the curve beside the plot has it for 21 values of t.',
      'The polar model’s boundary w·p̃ + b = 0 is nearly the vertical line r = r*; carried through the morph it becomes the circle x₁² + x₂² = r*² at t = 0. The Cartesian model’s straight line, carried to polar coordinates, becomes a wave r = d/cos(θ − φ). Under prefers-reduced-motion, Play jumps straight to the other end.',
    ],
  }),
} satisfies Meta<typeof Representation>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The rings in Cartesian coordinates, where a line fails. */
export const Default: Story = {};

/** Halfway through the morph. */
export const Halfway: Story = { args: { defaultValue: { t: 0.5 } } };

/** The rings in polar coordinates: one threshold on r. */
export const Polar: Story = { name: 'Polar coordinates', args: { defaultValue: { t: 1 } } };

/** Noisier rings (σ = 0.2): even in polar coordinates they overlap a little. */
export const Noisy: Story = { name: 'Noisy rings', args: { defaultValue: { t: 1, noise: 0.2 } } };

const TEST = ['!dev', '!autodocs', 'test', 'gl-test'];

/** The t slider's end: polar, 100 %. */
export const TestSlider: Story = {
  tags: TEST,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const slider = canvas.getByRole('slider', { name: /Morph t/ });
    fireEvent.keyDown(slider, { key: 'End' });
    // React renders the key's update after the event returns: wait for it.
    await waitFor(() => expect(canvas.getByTestId('status')).toHaveTextContent(/^polar \(r, θ\): the linear model classifies 100 %/));
    await expect(canvas.getByTestId('morph').getAttribute('data-wrong')).toBe('0');
  },
};

/** Play runs the morph to t = 1 and stops there. */
export const TestPlay: Story = {
  tags: TEST,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Play' }));
    await waitFor(() => expect(canvas.getByTestId('status').getAttribute('data-t')).toBe('1'), { timeout: 8000 });
    // Playing stops in the render after t reaches 1 (the done effect), so Pause turns back into Play a moment later.
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Play' })).toBeInTheDocument());
    await expect(canvas.getByTestId('status').getAttribute('data-t')).toBe('1');
  },
};
