import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ClusteringComparison, type ClusteringComparisonState } from '@geolearn/ui';
import { explainerParameters } from '../gallery';

const meta = {
  title: '8 Unsupervised learning/Clustering comparison',
  component: ClusteringComparison,
  args: { n: 1500, seed: 170, onValueChange: fn() },
  parameters: explainerParameters('clustering-comparison', {
    try: 'Wait for the grid to fill (a second or two, in a Web Worker), then read the ARI under each cell. Click the agglomerative cell of the noisy moons and switch its linkage from ward to single; click a DBSCAN cell and move ε.',
    notice: 'No method wins every row. k-means and the Gaussian mixture cut the circles and moons with straight or elliptic borders (ARI ≈ 0 to 0.5), while spectral clustering and DBSCAN, which follow chains of similar neighbours, find them exactly (ARI = 1). On the anisotropic blobs the mixture, whose components can be stretched, does best. On the data with no structure every method but DBSCAN still reports three clusters.',
    think: 'The top-down methods are given k and always return k homogeneous subsets; the bottom-up ones group samples by similarity. Which of the two could tell you that the last row has no clusters at all, and what would you have to choose to make it do so?',
    about: [
      "The slide's five methods, as in scikit-learn's cluster-comparison figure, each fitted live by @geolearn/algorithms on six 2-D data sets of n samples (default 1,500): noisy circles (factor 0.5), noisy moons, blobs of standard deviations 1, 2.5 and 0.5, blobs sheared by [[0.6, −0.6], [−0.4, 0.8]], plain blobs and uniform noise, all standardised to zero mean and unit variance. k is 2 for the circles and moons and 3 elsewhere; DBSCAN uses minSamples = 7 and an ε chosen per data set for this density.",
      'Top-down methods partition the data into homogeneous subsets: mini-batch k-means (low inertia Σᵢ Σ_{x∈Cᵢ} ‖x − μᵢ‖², on mini-batches), the Gaussian mixture (the most probable of k Gaussians, fitted by EM) and spectral clustering (k-means on the first eigenvectors of the Laplacian of a k-nearest-neighbour similarity graph). Bottom-up methods group samples by similarity: agglomerative clustering merges the two closest clusters until k are left (ward, complete, average or single linkage) and DBSCAN grows clusters through samples with at least minSamples neighbours within ε, leaving the rest as noise (grey).',
      'Under each cell: the adjusted Rand index against the generating labels, ARI = (RI − E[RI]) / (max RI − E[RI]) where RI is the share of sample pairs that both labelings put together or apart (1: the same grouping up to renaming, about 0: chance; the last row has one generating group, so any split scores 0), and the fit time in the worker. The 30 fits run one after the other in a Web Worker (the `fitMany` task), so the page stays responsive; Cancel stops it and Fit the grid finishes it. Colours are matched to the generating group each cluster overlaps most, so cells can be compared.',
    ],
  }),
} satisfies Meta<typeof ClusteringComparison>;
export default meta;
type Story = StoryObj<typeof meta>;

const single: ClusteringComparisonState['overrides'] = Object.fromEntries(
  ['circles', 'moons', 'varied', 'aniso', 'blobs', 'none'].map((d) => [`${d}/agglomerative`, { linkage: 'single' as const }]),
);

/** The figure: five methods on six data sets, 1,500 samples each, fitted in a Web Worker. */
export const Default: Story = {};

/** Agglomerative clustering with single linkage: it follows the circles and moons, but chains the blobs together. */
export const SingleLinkage: Story = {
  name: 'Single linkage',
  args: { defaultValue: { overrides: single, selected: { dataset: 'moons', method: 'agglomerative' } } },
};

/** DBSCAN with a small ε: most samples of the sparse blob become noise. */
export const SmallEps: Story = {
  name: 'DBSCAN with a small ε',
  args: { defaultValue: { scope: 'column', selected: { dataset: 'varied', method: 'dbscan' }, overrides: { 'varied/dbscan': { eps: 0.06 }, 'aniso/dbscan': { eps: 0.06 }, 'blobs/dbscan': { eps: 0.06 } } } },
};

/** The grid fills cell by cell and ends done, every cell with its ARI and fit time. */
export const TestFillsGrid: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { n: 300 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const root = canvasElement.querySelector('.gl-explainer')!;
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'done'), { timeout: 20000 });
    await expect(canvasElement.querySelectorAll('.gl-cc-cell[data-state="done"]')).toHaveLength(30);
    await expect(canvas.getByTestId('status')).toHaveTextContent(/30 cells fitted/);
    await expect(canvas.getByTestId('cell-moons-spectral')).toHaveAttribute('data-ari', '1.000');
  },
};

/** Enter on a cell opens its method's parameters; single linkage refits the column and finds the moons. */
export const TestRefitColumn: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { n: 300 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const root = canvasElement.querySelector('.gl-explainer')!;
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'done'), { timeout: 20000 });
    canvas.getByTestId('cell-moons-agglomerative').focus();
    await userEvent.keyboard('{Enter}');
    await expect(canvas.getByTestId('params-panel')).toHaveTextContent(/Agglomerative clustering on noisy moons/);
    await userEvent.click(canvas.getByRole('radio', { name: 'single' }));
    await waitFor(() => expect(canvas.getByTestId('cell-moons-agglomerative')).toHaveAttribute('data-ari', '1.000'), { timeout: 20000 });
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'done'), { timeout: 20000 });
  },
};

/** Cancel stops the worker; Fit the grid finishes the cells left. */
export const TestCancel: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const root = canvasElement.querySelector('.gl-explainer')!;
    // A fit in progress is marked aria-busy on the progress bar (the root is not "playing").
    await waitFor(() => expect(canvasElement.querySelector('.gl-progress-bar[aria-busy="true"]')).not.toBeNull());
    await userEvent.click(canvas.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(canvasElement.querySelector('[aria-busy="true"]')).toBeNull());
    await userEvent.click(canvas.getByTestId('fit-grid'));
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'done'), { timeout: 30000 });
  },
};

/** k > n: the cell says so, the others fit. */
export const TestTooManyClusters: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { n: 10, defaultValue: { overrides: { 'blobs/gmm': { k: 12 } } } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvasElement.querySelector('.gl-explainer')).toHaveAttribute('data-state', 'done'), { timeout: 20000 });
    await expect(canvas.getByTestId('cell-blobs-gmm')).toHaveAttribute('data-state', 'invalid');
    await expect(canvas.getByTestId('status')).toHaveTextContent(/k = 12 is more than the 10 samples/);
  },
};
