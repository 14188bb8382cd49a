import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { KMeansStepper } from '@geolearn/ui';
import { explainerParameters } from '../gallery';

const meta = {
  title: '8 Unsupervised learning/k-means step by step',
  component: KMeansStepper,
  args: { width: 520, height: 440, seed: 0, onValueChange: fn() },
  parameters: explainerParameters('kmeans-stepper', {
    try: 'Press Step and watch the four steps of the slide in turn: the samples take the colour of their closest centroid, then each centroid moves to the mean of its samples. Then drag a ring (an initial centroid) somewhere else and step again; press Bad start, and then Best of 10 runs.',
    notice: 'The inertia never goes up from one assignment to the next, and the run stops when no sample changes cluster. But from the bad start it stops with two centroids sharing one blob and one centroid between two blobs: a local minimum, four times worse than the best of 10 runs.',
    think: 'Why can k-means not leave a local minimum by itself? And why does the elbow of the inertia against k point at the number of blobs, while the inertia itself keeps going down?',
    about: [
      'k-means partitions the samples into k clusters Cᵢ by minimising the inertia Σᵢ Σ_{x∈Cᵢ} ‖x − μᵢ‖², where μᵢ is the centroid (mean) of Cᵢ. Lloyd\'s algorithm, as in the slides: (1) initialise the centroids μᵢ — k distinct samples drawn at random, or k-means++ (each new centroid drawn with a probability proportional to the squared distance to the nearest one already chosen); (2) assign each sample to the closest centroid; (3) update each centroid to the mean of its samples; (4) repeat until no sample changes cluster. Each step can only lower the inertia, so it converges — to a local minimum.',
      'The coloured regions are the Voronoi cells of the centroids that made the current assignment: every point of a cell is closer to its centroid than to any other, so the cells are exactly the clusters. The dashed trails follow each centroid from its start (the ring) to where it is now (the square).',
      'The elbow chart gives the best inertia found for each k from 1 to 8 (k-means++, best of 3 runs); Best of 10 runs runs k-means from ten draws (scikit-learn\'s n_init = 10) and keeps the lowest inertia (green crosses). The steps come from `KMeans.fitSteps` in @geolearn/algorithms, which matches scikit-learn.',
    ],
  }),
} satisfies Meta<typeof KMeansStepper>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Four blobs, k = 4, centroids drawn at random: press Step. */
export const Default: Story = {};

/** A bad start: two centroids in one blob. The run converges to a local minimum; Best of 10 runs finds the better one. */
export const BadLocalMinimum: Story = { name: 'Bad local minimum', args: { defaultValue: { initSeed: 2, step: 1000 } } };

/** Anisotropic blobs: k-means cuts them with straight borders, across the stretched clusters. */
export const Anisotropic: Story = { args: { defaultValue: { dataset: 'anisotropic', k: 3, step: 1000 } } };

/** Two moons: k-means' convex cells cannot follow the crescents. */
export const Moons: Story = { name: 'Two moons', args: { defaultValue: { dataset: 'moons', k: 2, step: 1000 } } };

/** Step: the phase goes initialise → assign → update → repeat; the samples get their colours at the first assignment. */
export const TestStep: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const status = canvas.getByTestId('status');
    await expect(status).toHaveAttribute('data-phase', 'initialise');
    const step = canvas.getByRole('button', { name: 'Step' });
    await userEvent.click(step);
    await expect(status).toHaveAttribute('data-phase', 'assign');
    await expect(canvas.getByTestId('points')).toHaveAttribute('data-labelled', 'yes');
    await expect(canvas.getByTestId('voronoi')).toHaveAttribute('data-cells', '4');
    await userEvent.click(step);
    await userEvent.click(step);
    await expect(status).toHaveAttribute('data-phase', 'repeat');
    await expect(canvas.getByTestId('inertia-chart').getAttribute('data-points')).toBe('3');
  },
};

/** Play runs to convergence by itself. */
export const TestPlay: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  // The runner emulates reduced motion (1.2 s a step): start a few steps before convergence
  // (the default run has 25 snapshots) so that Play finishes well within the test's time.
  args: { defaultValue: { step: 18 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByTestId('status')).toHaveAttribute('data-converged', 'false');
    await userEvent.click(canvas.getByRole('button', { name: 'Play' }));
    await waitFor(() => expect(canvas.getByTestId('status')).toHaveAttribute('data-converged', 'true'), { timeout: 15000 });
    await expect(canvas.getByTestId('status')).toHaveTextContent(/Converged after \d+ iterations?/);
  },
};

/** The arrow keys move an initial centroid; the run starts over from there. */
export const TestKeyboardCentroid: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { defaultValue: { step: 6 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const handle = canvas.getByRole('button', { name: /Initial centroid μ₂/ });
    const before = handle.getAttribute('aria-label');
    handle.focus();
    await userEvent.keyboard('{Shift>}{ArrowLeft}{/Shift}{ArrowUp}');
    await expect(handle.getAttribute('aria-label')).not.toBe(before);
    await expect(canvas.getByTestId('status')).toHaveAttribute('data-phase', 'initialise');
  },
};

/** Bad start, run to the end, then Best of 10 runs: the best inertia is far lower. */
export const TestBestOfTen: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Bad start' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Best of 10 runs' }));
    const panel = canvas.getByTestId('best-of');
    const inertias = panel.getAttribute('data-inertias')!.split(',').map(Number);
    await expect(inertias).toHaveLength(10);
    await expect(Math.min(...inertias) * 3).toBeLessThan(inertias[0]);
    await expect(panel).toHaveTextContent(/Best of 10 runs/);
  },
};

/** k > n: a message in the status, no throw. */
export const TestTooManyClusters: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { data: [[0, 0], [1, 1], [2, 0]], defaultValue: { k: 5 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByTestId('status')).toHaveTextContent(/k = 5 is more than the 3 points/);
    await expect(canvasElement.querySelector('.gl-explainer')).toHaveAttribute('data-state', 'error');
  },
};
