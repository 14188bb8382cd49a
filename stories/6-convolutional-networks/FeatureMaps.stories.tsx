import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { FeatureMaps } from '@geolearn/ui/mnist';
import { explainerParameters } from '../gallery';

const meta = {
  title: '6 Convolutional networks/Feature maps',
  component: FeatureMaps,
  args: { width: 760, height: 140, onValueChange: fn() },
  parameters: explainerParameters('feature-maps', {
    try: 'Look at the 16 learned filters first, then step through a few digits with Next and follow one digit down through the layers.',
    notice: 'Some first-layer filters look like the derivative and smoothing kernels of the convolution explainer: nobody designed them, training found them. Deeper maps are smaller and no longer look like the digit.',
    think: 'Why are the deeper maps smaller but more numerous? What could a unit of the second convolution layer respond to?',
    about: [
      'Inside the MNIST CNN shipped with GeoLearn (conv 16@5×5, max-pool, conv 32@5×5, max-pool, dense 128, softmax): the 16 filters W_k its first convolution layer learned, and every layer’s feature maps h_k = ReLU(x ∗ W_k + b_k) for a held-out digit, down through pooling to the dense units and the ten class probabilities.',
      'Each unit looks at a local patch of the image with weights shared across the whole image; deeper maps are smaller and more abstract.',
    ],
  }),
} satisfies Meta<typeof FeatureMaps>;
export default meta;
type Story = StoryObj<typeof meta>;

/** A held-out 0, its 16 learned filters and every layer's maps. */
export const Default: Story = {};

/** A held-out 0: 16 learned filters and every layer; Next moves to the next digit. */
export const TestNext: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
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
export const TestChooseDigit: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const status = canvas.getByTestId('status');
    await waitFor(() => expect(status).not.toHaveTextContent(/Loading/), { timeout: 30_000 });
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Digit' }), '10');
    await waitFor(() => expect(status).toHaveTextContent(/Held-out digit 11, a 3: the CNN says 3/));
    await expect(canvas.getByRole('img', { name: /Convolution layer 1: 16 feature maps of 24 × 24/ })).toBeVisible();
  },
};
