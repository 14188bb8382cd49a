import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { FeatureMaps } from '@geolearn/ui';

const meta = {
  title: '6 Deep learning/Feature maps',
  component: FeatureMaps,
  args: { width: 760, height: 140 },
  parameters: {
    docs: {
      description: {
        component: [
          'Inside the MNIST CNN shipped with GeoLearn (conv 16@5×5, max-pool, conv 32@5×5, max-pool, dense 128, softmax): the 16 filters W_k its first convolution layer learned, and every layer’s feature maps h_k = ReLU(x ∗ W_k + b_k) for a held-out digit, down through pooling to the dense units and the ten class probabilities.',
          'Each unit looks at a local patch of the image with weights shared across the whole image; deeper maps are smaller and more abstract.',
          'Embed: `<iframe src="https://your.host/geolearn/iframe.html?id=6-deep-learning-feature-maps--default&viewMode=story" width="100%" height="1000" style="border:0" title="What the CNN sees"></iframe>`',
        ].join('\n\n'),
      },
    },
  },
} satisfies Meta<typeof FeatureMaps>;
export default meta;
type Story = StoryObj<typeof meta>;

/** A held-out 0: 16 learned filters and every layer; Next moves to the next digit. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const status = canvas.getByTestId('status');
    await waitFor(() => expect(status).toHaveTextContent(/a 0: the CNN says 0/), { timeout: 30_000 });
    await expect(canvas.getByTestId('filters')).toHaveAttribute('data-count', '16');
    await userEvent.click(canvas.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(status).toHaveTextContent(/Held-out digit 2, a 0: the CNN says 0/));
  },
};

/** Choose a digit from the menu (the keyboard path): a 3 and its feature maps. */
export const ChooseDigit: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const status = canvas.getByTestId('status');
    await waitFor(() => expect(status).not.toHaveTextContent(/Loading/), { timeout: 30_000 });
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Digit' }), '10');
    await waitFor(() => expect(status).toHaveTextContent(/Held-out digit 11, a 3: the CNN says 3/));
    await expect(canvas.getByRole('img', { name: /Convolution layer 1: 16 feature maps of 24 × 24/ })).toBeVisible();
  },
};
