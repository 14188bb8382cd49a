import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fireEvent, userEvent, waitFor, within } from 'storybook/test';
import { ConvolutionExplorer } from '@geolearn/ui';

const meta = {
  title: '6 Deep learning/Convolution',
  component: ConvolutionExplorer,
  args: { width: 680, height: 280, seed: 0 },
  parameters: {
    docs: {
      description: {
        component: [
          'Discrete image convolution, (A ∗ B)ᵢⱼ = Σₙ Σₘ Aₙₘ Bᵢ₋ₙ,ⱼ₋ₘ, with A the input image and B the kernel (the weights a convolutional layer learns). Each output pixel is the sum of the products of the image under the window with the (flipped) kernel; the same weights slide over the whole image, so a convolutional layer extracts local features with few parameters.',
          'Presets: the slides’ 5×5 smoothing kernel and 1×5 kernel (a horizontal derivative), an edge detector (Laplacian) and sharpening. Click the input or focus the window and use the arrow keys to move it; edit any kernel weight.',
          'Embed: `<iframe src="https://your.host/geolearn/iframe.html?id=6-deep-learning-convolution--default&viewMode=story" width="100%" height="640" style="border:0" title="Convolution"></iframe>`',
        ].join('\n\n'),
      },
    },
  },
} satisfies Meta<typeof ConvolutionExplorer>;
export default meta;
type Story = StoryObj<typeof meta>;

const posOf = (el: HTMLElement) => Number(el.getAttribute('data-position'));

/** Step the window along the first row: one more output pixel each time. */
export const Default: Story = {
  args: { defaultValue: { position: 90 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const status = canvas.getByTestId('status');
    await expect(posOf(status)).toBe(90);
    const step = canvas.getByRole('button', { name: 'Step' });
    await userEvent.click(step);
    await userEvent.click(step);
    await waitFor(() => expect(posOf(status)).toBe(92));
    await expect(canvas.getByTestId('kernel-window')).toHaveAttribute('data-j', '12');
    await expect(status).toHaveTextContent(/Output pixel \(i, j\) = \(2, 12\)/);
  },
};

/** Move the window with the keyboard, then let Play run and pause it. */
export const Keyboard: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const win = canvas.getByRole('button', { name: /Kernel window/ });
    win.focus();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{ArrowRight}');
    await waitFor(() => expect(win).toHaveAttribute('data-i', '2'));
    await expect(win).toHaveAttribute('data-j', '1');
    const play = canvas.getByRole('button', { name: 'Play' });
    await userEvent.click(play);
    const status = canvas.getByTestId('status');
    await waitFor(() => expect(posOf(status)).toBeGreaterThan(81), { timeout: 4000 });
    await userEvent.click(canvas.getByRole('button', { name: 'Pause' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Reset' }));
    await expect(posOf(status)).toBe(0);
  },
};

/** The slides' 1×5 kernel on the digit: a signed derivative, drawn orange (−) to blue (+). */
export const DerivativeKernel: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Image' }), 'digit');
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Kernel' }), 'derivative1x5');
    await expect(canvas.getAllByRole('spinbutton', { name: /Kernel row/ })).toHaveLength(5);
    await userEvent.click(canvas.getByRole('button', { name: 'Finish' }));
    await expect(canvas.getByTestId('status')).toHaveTextContent('Done: all 784 output pixels computed.');
  },
};

/** Edit one weight of the edge kernel: the preset becomes "custom" and the pixel value changes. */
export const EditKernel: Story = {
  args: { defaultValue: { preset: 'edge', kernel: [[0, -1, 0], [-1, 4, -1], [0, -1, 0]], position: 20 * 40 + 22 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const status = canvas.getByTestId('status');
    const before = status.getAttribute('data-value');
    fireEvent.change(canvas.getByRole('spinbutton', { name: 'Kernel row 2, column 2' }), { target: { value: '8' } });
    await waitFor(() => expect(status.getAttribute('data-value')).not.toBe(before));
    await expect(canvas.getByRole('combobox', { name: 'Kernel' })).toHaveValue('custom');
  },
};
