import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { Dbscan } from '@geolearn/ui';
import { explainerParameters } from '../gallery';

const meta = {
  title: '8 Unsupervised learning/DBSCAN step by step',
  component: Dbscan,
  args: { width: 520, height: 400, seed: 0, onValueChange: fn() },
  parameters: explainerParameters('dbscan', {
    try: 'Press Step a few times and watch the first moon fill in, one ring of ε-neighbours at a time; then press Play. Afterwards lower ε to 0.1, or raise minSamples to 12, and step again. Click a sample in the other moon to start from there.',
    notice: 'A cluster only spreads through core samples (filled discs): a border sample (ring) joins the cluster but nothing grows from it. The isolated samples left at the end are noise (crosses). DBSCAN finds the two moons without being told how many clusters there are.',
    think: 'Why does a small ε break one moon into many clusters, and a large ε merge the two moons? Would k-means ever find the moons, whatever k?',
    about: [
      'DBSCAN (density-based spatial clustering of applications with noise) calls the samples within distance ε of xᵢ its ε-neighbourhood N_ε(xᵢ), itself included. A core sample has at least minSamples of them. A cluster is a connected group of core samples (each within ε of the next) together with every sample within ε of one of them; the non-core members are border samples. What no cluster reaches is noise, labelled −1.',
      'Here a cluster is grown breadth-first from a seed sample: each step adds every unlabelled sample within ε of the core samples added at the step before (their dashed ε-circles). When a cluster stops growing, the next starts at the first unlabelled core sample. The final labels are those of `DBSCAN` in @geolearn/algorithms (which matches scikit-learn), up to the numbering of the clusters; the tests check it.',
    ],
  }),
} satisfies Meta<typeof Dbscan>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Two moons and some noise, ε = 0.2, minSamples = 5: press Step. */
export const Default: Story = {};

/** Too small an ε: the moons fall apart into many small clusters and much noise. */
export const SmallEps: Story = { name: 'Too small an ε', args: { defaultValue: { eps: 0.09, step: 1000 } } };

/** Three blobs of different density, grown to the end. */
export const Blobs: Story = { name: 'Three blobs', args: { defaultValue: { dataset: 'blobs', eps: 0.15, step: 1000 } } };

/** Step grows the first cluster by one ring; To the end shows two clusters, with noise as crosses. */
export const TestStep: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const status = canvas.getByTestId('status');
    await expect(status).toHaveAttribute('data-step', '0');
    await userEvent.click(canvas.getByRole('button', { name: 'Step' }));
    await expect(status).toHaveAttribute('data-step', '1');
    await expect(status).toHaveTextContent(/cluster 1 grows by/);
    await userEvent.click(canvas.getByRole('button', { name: 'To the end' }));
    await expect(status).toHaveAttribute('data-done', 'true');
    await expect(status).toHaveTextContent(/Done: 2 clusters/);
    await expect(Number(canvas.getByTestId('points').getAttribute('data-noise'))).toBeGreaterThan(0);
  },
};

/** Home on the ε slider sets ε = 0: a message, no throw. */
export const TestEpsZero: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    canvas.getByRole('slider', { name: 'ε (radius)' }).focus();
    await userEvent.keyboard('{Home}');
    await expect(canvas.getByTestId('status')).toHaveTextContent(/ε must be a positive distance/);
    await expect(canvasElement.querySelector('.gl-explainer')).toHaveAttribute('data-state', 'error');
  },
};

/** Identical points: one cluster of core samples, no throw. */
export const TestIdentical: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { defaultValue: { dataset: 'identical', step: 1000 } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByTestId('status')).toHaveTextContent(/Done: 1 cluster,/);
  },
};
