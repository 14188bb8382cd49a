import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { KernelPcaExplorer } from '@geolearn/ui';
import { explainerParameters } from '../gallery';

const meta = {
  title: '8 Unsupervised learning/Kernel PCA explorer',
  component: KernelPcaExplorer,
  args: { width: 900, height: 300, seed: 0, onValueChange: fn() },
  parameters: explainerParameters('kernel-pca-explorer', {
    try: 'Compare the two projections: linear PCA on the left, RBF kernel PCA on the right. Slide γ down to 0.3 and up to 30. Then keep 8 components instead of 2 and watch the pre-images (diamonds) move back onto the circles.',
    notice: 'Linear PCA only rotates the plane, so the inner circle stays inside the outer one. With γ around 2 to 5, kernel PCA pushes the inner circle to one end of the first component: a single threshold separates them. With 2 components the pre-images fall on a curve between the circles: two components do not keep enough to rebuild the samples.',
    think: 'Why does a very large γ (a very narrow σ) stop separating the circles, although the kernel is then most "non-linear"? What does the pre-image problem have to do with the kernel trick never computing φ(x)?',
    about: [
      'Kernel PCA does PCA in the feature space of a kernel without computing the features φ(x): it centres the n×n kernel matrix Kᵢⱼ = k(xᵢ, xⱼ) and takes its eigenvectors, K̃αₖ = λₖαₖ; the k-th coordinate of sample i is √λₖ αᵢₖ. The RBF kernel of the slides, k(x, x′) = exp(−‖x − x′‖²/2σ²), is scikit-learn\'s exp(−γ‖x − x′‖²) with γ = 1/(2σ²).',
      'Going back, from the components to the plane, has no exact answer (a point of feature space need not be the image of any x): scikit-learn\'s fit_inverse_transform learns the pre-image map by kernel ridge regression (α = 0.1 here), and the diamonds are its output. The fit (`KernelPCA` from @geolearn/algorithms, Lanczos for a few components) runs in a Web Worker: 20–250 ms at 300 samples.',
    ],
  }),
} satisfies Meta<typeof KernelPcaExplorer>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Concentric circles, γ = 3 (σ ≈ 0.41), 2 components, with pre-images. */
export const Default: Story = {};

/** γ = 30: the kernel is too narrow, and the first component no longer separates the circles. */
export const NarrowKernel: Story = { name: 'Too narrow a kernel', args: { defaultValue: { gamma: 30 } } };

/** 8 components: the pre-images come back onto the circles. */
export const EightComponents: Story = { name: 'Eight components', args: { defaultValue: { nComponents: 8 } } };

/** Two moons, unfolded too. */
export const Moons: Story = { name: 'Two moons', args: { defaultValue: { dataset: 'moons', gamma: 5 } } };

/** The default fit separates the circles along component 1; linear PCA does not. */
export const TestSeparates: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const status = canvas.getByTestId('status');
    await waitFor(() => expect(status).toHaveAttribute('data-busy', 'false'), { timeout: 15000 });
    await expect(Number(status.getAttribute('data-kernel-accuracy'))).toBe(1);
    await expect(Number(status.getAttribute('data-linear-accuracy'))).toBeLessThan(0.7);
    await expect(canvas.getByTestId('pre-images')).toHaveAttribute('data-n', '300');
  },
};

/** More components bring the pre-images closer to the samples. */
export const TestPreImage: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const status = canvas.getByTestId('status');
    await waitFor(() => expect(status).toHaveAttribute('data-busy', 'false'), { timeout: 15000 });
    const before = Number(status.getAttribute('data-preimage-error'));
    await userEvent.click(canvas.getByRole('radio', { name: '8' }));
    await waitFor(() => expect(status).toHaveAttribute('data-busy', 'false'), { timeout: 15000 });
    await expect(Number(status.getAttribute('data-preimage-error'))).toBeLessThan(before / 10);
  },
};

/** Identical points: a message, no throw. */
export const TestIdentical: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { defaultValue: { dataset: 'identical' } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByTestId('status')).toHaveTextContent(/identical/);
    await expect(canvasElement.querySelector('.gl-explainer')).toHaveAttribute('data-state', 'error');
  },
};
