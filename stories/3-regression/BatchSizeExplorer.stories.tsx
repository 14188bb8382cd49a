import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { BatchSizeExplorer } from '@geolearn/ui';

const meta = {
  title: '3 Regression/Batch size',
  component: BatchSizeExplorer,
  args: { width: 860, height: 320, seed: 0 },
  parameters: {
    docs: {
      description: {
        component:
          'Full-batch, stochastic and mini-batch gradient descent on the same least-squares line fit, all with the same η. The full-batch gradient ∂𝓛/∂θ = (1/N) Σᵢ ∂𝓛⁽ⁱ⁾/∂θ is exact; a mini-batch 𝓑 of B samples estimates it by (1/B) Σ_{i∈𝓑} ∂𝓛⁽ⁱ⁾/∂θ, noisily for small B, but makes N/B updates per epoch. The paths show the noise (path length ÷ distance travelled), the charts the loss per epoch and per second of modelled compute (c₀ + B·c₁ per step: a fixed cost per update plus a cost per sample).\n\n' +
          'Embed it: `<iframe src="https://your.host/geolearn/iframe.html?id=3-regression-batch-size--default&viewMode=story" width="100%" height="640" style="border:0" title="Batch size"></iframe>`',
      },
    },
  },
} satisfies Meta<typeof BatchSizeExplorer>;
export default meta;
type Story = StoryObj<typeof meta>;

const points = (el: Element | null) => Number(el!.getAttribute('data-points'));

/** Step two epochs: stochastic descent took 64 steps per epoch, full batch one; its path is noisier. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const step = canvas.getByRole('button', { name: 'Step one epoch' });
    await userEvent.click(step);
    await userEvent.click(step);
    await expect(canvas.getByTestId('status')).toHaveTextContent(/^Epoch 2 of 20/);
    await expect(points(canvasElement.querySelector('[data-testid="path-full"]'))).toBe(3);
    await expect(points(canvasElement.querySelector('[data-testid="path-stochastic"]'))).toBe(129);
    await expect(points(canvasElement.querySelector('[data-testid="path-mini"]'))).toBe(17);
    const noise = (k: string) => Number(canvas.getByTestId(`noise-${k}`).textContent);
    await expect(noise('stochastic')).toBeGreaterThan(noise('full'));
  },
};

/** A larger mini-batch takes fewer, straighter steps per epoch. */
export const LargerBatch: Story = {
  args: { defaultValue: { epochs: 5 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(points(canvasElement.querySelector('[data-testid="path-mini"]'))).toBe(41);
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Mini-batch size B' }), '32');
    await expect(points(canvasElement.querySelector('[data-testid="path-mini"]'))).toBe(11);
    await expect(canvas.getByTestId('status')).toHaveTextContent(/Mini-batch \(B = 32\)/);
  },
};
