import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { GaussianMixtureEm } from '@geolearn/ui';
import { explainerParameters } from '../gallery';

const meta = {
  title: '8 Unsupervised learning/Gaussian mixture EM',
  component: GaussianMixtureEm,
  args: { width: 520, height: 420, seed: 0, onValueChange: fn() },
  parameters: explainerParameters('gaussian-mixture-em', {
    try: 'Press Step and watch the ellipses stretch along the blobs while the colours of the samples settle; then Play to convergence. Switch the covariance type to spherical, diag and tied, and step again.',
    notice: 'Samples between two components take a mixed colour: EM gives every sample to every component in part (its responsibilities γᵢₖ), where k-means gives it to one. The mean log-likelihood never goes down from one iteration to the next. Spherical and diagonal covariances cannot tilt, so they fit the stretched blobs badly.',
    think: 'Why can EM, like k-means, end in a local maximum? What happens to a component that sits on a single sample, and why does scikit-learn add regCovar to every covariance?',
    about: [
      'A Gaussian mixture models the density as p(x) = Σₖ πₖ 𝒩(x | μₖ, Σₖ). Expectation–maximisation alternates two steps. E-step: the responsibility of component k for sample i, γᵢₖ = πₖ𝒩(xᵢ|μₖ,Σₖ) / Σⱼ πⱼ𝒩(xᵢ|μⱼ,Σⱼ). M-step: with Nₖ = Σᵢ γᵢₖ, set πₖ = Nₖ/n, μₖ = Σᵢ γᵢₖxᵢ / Nₖ and Σₖ = Σᵢ γᵢₖ(xᵢ − μₖ)(xᵢ − μₖ)ᵀ / Nₖ. Each iteration cannot lower the likelihood; EM stops when the mean log-likelihood gains less than 10⁻³.',
      "The covariance types constrain Σₖ: full (any ellipse), tied (one ellipse shape shared by all), diag (axis-aligned ellipses) and spherical (circles). The solid ellipse is where the Mahalanobis distance is 1 (1σ), the dashed one 2σ. The steps come from `GaussianMixture.fitSteps` in @geolearn/algorithms, which matches scikit-learn; a sample's colour is the mix Σₖ γᵢₖ·colourₖ.",
    ],
  }),
} satisfies Meta<typeof GaussianMixtureEm>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Three stretched blobs, k = 3, full covariances, means started at random samples: press Step. */
export const Default: Story = {};

/** Converged with full covariances: three tilted ellipses. */
export const Converged: Story = { args: { defaultValue: { step: 1000 } } };

/** Spherical covariances cannot tilt: converged, but the circles fit the stretched blobs badly. */
export const Spherical: Story = { args: { defaultValue: { covarianceType: 'spherical', step: 1000 } } };

/** Two overlapping blobs: many samples keep a mixed colour. */
export const Overlap: Story = { name: 'Overlapping blobs', args: { defaultValue: { dataset: 'overlap', step: 1000 } } };

/** Step runs one EM iteration and charts its log-likelihood; Play runs to convergence. */
export const TestStepAndPlay: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  // The runner emulates reduced motion (1.2 s a step): start a few iterations before convergence
  // (the default run has 20 snapshots) so that Play finishes well within the test's time.
  args: { defaultValue: { step: 14 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const status = canvas.getByTestId('status');
    const chart = canvas.getByTestId('ll-chart');
    const iteration = Number(status.getAttribute('data-iteration'));
    const points = Number(chart.getAttribute('data-points'));
    await expect(iteration).toBeGreaterThan(0);
    await expect(status).toHaveAttribute('data-converged', 'false');
    await userEvent.click(canvas.getByRole('button', { name: 'Step' }));
    await expect(status).toHaveAttribute('data-iteration', String(iteration + 1));
    await expect(chart).toHaveAttribute('data-points', String(points + 1));
    await userEvent.click(canvas.getByRole('button', { name: 'Play' }));
    await waitFor(() => expect(status).toHaveAttribute('data-converged', 'true'), { timeout: 15000 });
    await expect(status).toHaveTextContent(/Converged after \d+ EM iterations?/);
  },
};

/** The covariance type restarts EM; k = 1 gives one ellipse. */
export const TestCovarianceAndK: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('radio', { name: 'diag' }));
    await expect(canvas.getByTestId('status')).toHaveAttribute('data-iteration', '0');
    canvas.getByRole('slider', { name: 'Components k' }).focus();
    await userEvent.keyboard('{Home}');
    await expect(canvas.getByTestId('components')).toHaveAttribute('data-k', '1');
  },
};

/** k > n: a message in the status, no throw. */
export const TestTooManyComponents: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { data: [[0, 0], [1, 1], [2, 0]], defaultValue: { k: 5 } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByTestId('status')).toHaveTextContent(/k = 5 is more than the 3 points/);
    await expect(canvasElement.querySelector('.gl-explainer')).toHaveAttribute('data-state', 'error');
  },
};
