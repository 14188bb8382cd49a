import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { IcaVsPca } from '@geolearn/ui';
import { explainerParameters } from '../gallery';

const meta = {
  title: '8 Unsupervised learning/ICA against PCA',
  component: IcaVsPca,
  args: { seed: 0, onValueChange: fn() },
  parameters: explainerParameters('ica-vs-pca', {
    try: 'Drag the tips of the two arrows (the mixing vectors a₁ and a₂) in the mixtures plot, or type the entries of A. Switch the hum for a sawtooth. Then bring the two arrows onto one line, and lower FastICA max_iter to 1.',
    notice: "PCA's two components are uncorrelated — their cloud has no linear trend — yet each still carries both the earthquake and the hum, and its cloud is tilted. FastICA's cloud lines up with the axes: one component is the seismogram, the other the hum, with |corr| close to 1, though maybe swapped or upside down.",
    think: 'Why can no method tell the order, the sign or the amplitude of the sources? And why does ICA need at most one Gaussian source — what would a cloud of two Gaussian sources look like after whitening?',
    about: [
      'Blind source separation: two sensors record x = A s, an unknown mix of two independent sources s₁ (here the vertical component of a synthetic earthquake record, 20 s at 50 Hz) and s₂ (a 0.35 Hz hum or a 0.3 Hz sawtooth). Each column aⱼ of the mixing matrix A says how source j reaches the two sensors; in the mixtures plot it is an arrow, and the cloud of samples is stretched along it.',
      'PCA (the slides\' three steps: covariance, eigenvectors, projection) rotates the centred mixtures onto the eigenvectors of their covariance, y = Vᵀ(x − μ). The components are uncorrelated, but uncorrelated is not independent: unless the mixing vectors are orthogonal, the sources stay mixed.',
      "FastICA (Hyvärinen & Oja, as scikit-learn's) first whitens the data, then turns it to make each component as non-Gaussian as possible (contrast G = log cosh): by the central limit theorem, a mix of independent signals is more Gaussian than the signals themselves. It recovers ŝ = W(x − μ), the sources up to order, sign and scale. When it stops on max_iter before its tolerance, it says so, with its iteration count, as scikit-learn warns.",
    ],
  }),
} satisfies Meta<typeof IcaVsPca>;
export default meta;
type Story = StoryObj<typeof meta>;

/** An earthquake and a hum, mixed: PCA stays mixed, FastICA separates them. */
export const Default: Story = {};

/** A sawtooth instead of the hum. */
export const Sawtooth: Story = { args: { defaultValue: { second: 'sawtooth' } } };

/** Orthogonal mixing vectors: here PCA's rotation is the right one, and both methods separate the sources. */
export const Orthogonal: Story = { name: 'Orthogonal mixing', args: { defaultValue: { mixing: [[1, -0.4], [0.5, 0.8]] } } };

/** Parallel mixing vectors (det A = 0): both sensors record the same mixture; nothing can separate it. */
export const Singular: Story = { name: 'Parallel mixing vectors', args: { defaultValue: { mixing: [[1, 2], [0.5, 1]] } } };

/** The mixing vector's handle moves with the arrow keys, and the status keeps reporting the separation. */
export const TestKeyboardVector: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const handle = canvas.getByRole('button', { name: /Mixing vector a₂/ });
    handle.focus();
    await userEvent.keyboard('{Shift>}{ArrowLeft}{/Shift}');
    await expect(args.onValueChange).toHaveBeenCalled();
    await expect(canvas.getByTestId('status')).toHaveTextContent(/FastICA converged after \d+ iterations?/);
  },
};

/** max_iter = 1: FastICA stops before its tolerance and says so, with its iteration count. */
export const TestNotConverged: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { defaultValue: { maxIter: 1 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const status = canvas.getByTestId('status');
    await expect(status).toHaveTextContent(/did not converge: it stopped at max_iter = 1 after 1 iteration/);
    await expect(status).toHaveAttribute('data-converged', 'false');
    await expect(canvasElement.querySelector('.gl-explainer')).toHaveAttribute('data-state', 'diverged');
  },
};

/** Typing a singular A gives a message, not a throw. */
export const TestSingularMixing: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    for (const [name, v] of [['a₁₂', '1'], ['a₂₁', '1']] as const) {
      const field = canvas.getByRole('textbox', { name });
      await userEvent.clear(field);
      await userEvent.type(field, `${v}{Enter}`);
      field.blur();
    }
    await expect(canvas.getByTestId('status')).toHaveTextContent(/det A = 0/);
    await expect(canvas.getByTestId('corr-table')).toHaveAttribute('data-ica', '');
  },
};
