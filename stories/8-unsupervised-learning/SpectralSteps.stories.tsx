import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { SpectralSteps } from '@geolearn/ui';
import { explainerParameters } from '../gallery';

const meta = {
  title: '8 Unsupervised learning/Spectral clustering step by step',
  component: SpectralSteps,
  args: { seed: 0, onValueChange: fn() },
  parameters: explainerParameters('spectral-steps', {
    try: 'Read the four panels in the order of the slide: the adjacency matrix W, the Laplacian L, the first two eigenvectors, k-means there. Then move the neighbours slider from 10 down to 5 and up to 20, switch to the ε radius graph, and to the rings.',
    notice: 'With the rows sorted by true class, a good graph makes W two blocks, one per moon; the second eigenvector (the Fiedler vector) then takes one sign on each block, and k-means in the embedding only has to cut a line. k-means on the raw points cuts the moons with a straight border. With too many neighbours, edges bridge the moons and W leaks off its blocks; with too few, the graph falls into pieces and scikit-learn warns.',
    think: 'Why is the first eigenvector constant, with eigenvalue 0? What happens to the eigenvalues when the graph is exactly two pieces — and when it is ten?',
    about: [
      "Spectral clustering, as the slide lists it: (1) the adjacency matrix W — here Wᵢⱼ = ½(Cᵢⱼ + Cⱼᵢ) with Cᵢⱼ = 1 when xⱼ is one of the k nearest neighbours of xᵢ (itself included, as scikit-learn), or Wᵢⱼ = 1 when ‖xᵢ − xⱼ‖ ≤ ε; (2) the normalised Laplacian L = I − D^{−½} W D^{−½}, with the degrees dᵢ = Σ_{j≠i} Wᵢⱼ; (3) the eigenvectors of the m smallest eigenvalues of L, divided by √dᵢ, as new coordinates of each sample; (4) k-means on those coordinates, its labels mapped back to the samples.",
      'L is positive semi-definite, its smallest eigenvalue is 0, once for each connected piece of the graph. When the moons are joined only by a few edges, the second eigenvalue is close to 0 as well and its eigenvector is nearly constant on each moon: the clusters become two compact groups in the embedding.',
      'The rows and columns of W and L are sorted by the generating class (the dashed lines), so the block structure is visible; the algorithm never sees those labels. The ARI (adjusted Rand index) compares a clustering with them: 1 is perfect, 0 is chance. `SpectralClustering` from @geolearn/algorithms matches scikit-learn; it runs in a Web Worker.',
    ],
  }),
} satisfies Meta<typeof SpectralSteps>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Two moons, a 10-nearest-neighbour graph: spectral clustering finds the moons; k-means does not. */
export const Default: Story = {};

/** Two rings: the graph falls into the two rings, each its own piece. */
export const Rings: Story = { args: { defaultValue: { dataset: 'rings' } } };

/** 20 neighbours: edges bridge the moons and the clustering degrades. */
export const TooManyNeighbours: Story = { name: 'Too many neighbours', args: { defaultValue: { nNeighbors: 20 } } };

/** An ε graph with ε = 0.1: many pieces, scikit-learn's warning. */
export const Disconnected: Story = { name: 'Graph in pieces', args: { defaultValue: { graph: 'epsilon', epsilon: 0.1 } } };

/** The default fit: spectral clustering's ARI close to 1, k-means' far below. */
export const TestScores: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const status = canvas.getByTestId('status');
    await waitFor(() => expect(status).toHaveAttribute('data-ari'), { timeout: 15000 });
    await expect(Number(status.getAttribute('data-ari'))).toBeGreaterThan(0.95);
    await expect(Number(status.getAttribute('data-raw-ari'))).toBeLessThan(0.5);
  },
};

/** The ε graph with a small ε: the warning, in the status. */
export const TestDisconnectedWarning: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { defaultValue: { epsilon: 0.1 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('radio', { name: 'ε radius' }));
    await waitFor(() => expect(canvas.getByTestId('status')).toHaveTextContent(/Graph is not fully connected/), { timeout: 15000 });
    await expect(canvasElement.querySelector('.gl-explainer')).toHaveAttribute('data-state', 'diverged');
  },
};

/** The neighbours slider from the keyboard refits. */
export const TestKeyboardNeighbours: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const slider = canvas.getByRole('slider', { name: 'Neighbours k' });
    slider.focus();
    await userEvent.keyboard('{ArrowLeft}{ArrowLeft}{ArrowLeft}{ArrowLeft}{ArrowLeft}');
    await expect(args.onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ nNeighbors: 5 }));
    await waitFor(() => expect(canvas.getByTestId('status')).toHaveTextContent(/k = 5 nearest neighbours/), { timeout: 15000 });
  },
};

/** k larger than the number of samples: a message, no throw. */
export const TestTooManyNeighbours: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { defaultValue: { nNeighbors: 500 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByTestId('status')).toHaveTextContent(/k = 500 neighbours is more than the 200 samples/);
  },
};
