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

/**
 * Issue 13, feature-map defects: the caption says a CNN layer computes a cross-correlation and the
 * maths writes x ⋆ W; the slides' 8 layers are listed ("Fully-connected layer 2" named, not in this
 * CNN); the output's 10 cells carry their digits; filter k sits above map k; every layer has one
 * shared diverging scale with a key; a click enlarges a map; the probabilities are calibrated
 * (temperature scaling, said in the caption).
 */
export const TestDefectsLayers: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const status = canvas.getByTestId('status');
    await waitFor(() => expect(status).toHaveTextContent(/a 0: the CNN says 0/), { timeout: 30_000 });
    await expect(canvasElement.querySelector('.gl-caption')).toHaveTextContent(/computes a cross-correlation/);
    await expect(canvasElement.querySelector('.gl-maths')!.textContent).toMatch(/⋆/);
    // The slides' 8 layers.
    const items = canvas.getByTestId('layer-list').querySelectorAll('li');
    await expect(items).toHaveLength(8);
    await expect(Array.from(items).find((li) => li.textContent?.startsWith('Fully-connected layer 2'))).toHaveAttribute('data-present', 'false');
    // The output's cells, labelled 0 … 9.
    for (let d = 0; d < 10; d++) await expect(canvas.getByTestId(`output-digit-${d}`)).toHaveTextContent(String(d));
    // Filter k right above map k, for all 16.
    const maps = canvas.getByTestId('filters').querySelectorAll('.gl-fm-map');
    await expect(maps).toHaveLength(16);
    maps.forEach((m, k) => {
      const labels = Array.from(m.querySelectorAll('svg[aria-label]'), (s) => s.getAttribute('aria-label'));
      expect(labels).toEqual([`filter ${k + 1}`, `map ${k + 1}`]);
    });
    // One shared diverging scale per layer, with its key.
    const keys = canvas.getAllByRole('img', { name: /Colour key for activation \(shared scale\): orange is negative, blue is positive, from −/ });
    await expect(keys.length).toBeGreaterThanOrEqual(4);
    // Click map 3 of the first layer: it is enlarged; Next map and Close.
    await userEvent.click(maps[2]);
    const big = await canvas.findByTestId('enlarged-map');
    await expect(big).toHaveAttribute('data-layer', 'Convolution layer 1');
    await expect(big).toHaveAttribute('data-k', '3');
    await userEvent.click(canvas.getByRole('button', { name: 'Next map' }));
    await expect(canvas.getByTestId('enlarged-map')).toHaveAttribute('data-k', '4');
    await userEvent.click(canvas.getByRole('button', { name: 'Close' }));
    await expect(canvas.queryByTestId('enlarged-map')).toBeNull();
    // Calibrated probabilities, said in the caption.
    await expect(canvas.getByTestId('calibration')).toHaveTextContent(/temperature scaling, softmax\(z \/ T\) with T = \d\.\d\d/);
  },
};
