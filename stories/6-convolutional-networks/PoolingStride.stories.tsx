import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { PoolingStride } from '@geolearn/ui';
import { explainerParameters } from '../gallery';

const meta = {
  title: '6 Convolutional networks/Pooling and stride',
  component: PoolingStride,
  args: { width: 640, height: 420, seed: 0, onValueChange: fn() },
  parameters: explainerParameters('pooling-stride', {
    try: 'Press Play and watch the 2×2 window hop two cells at a time: each hop fills one cell of the 4×4 output. Then set the stride to 1, the kernel to 3 and the padding to 1.',
    notice: 'Max pooling keeps the largest number in each window; average pooling smooths. With s = 2 the map halves; with k = 3, s = 1, p = 1 it keeps its size ("same" padding). With n = 7, k = 2, s = 2 the last row and column are never covered.',
    think: 'A CNN stacks several 2×2 pooling layers. How big is a 224×224 image after five of them, and what has each output cell "seen" of the input?',
    about: [
      'A k×k window slides over the n×n feature map x, padded with p zeros on each side, moving s cells (the stride) between outputs. Each position gives one output cell: the maximum of the window (max pooling) or its mean (average pooling; the padded zeros count, as PyTorch does by default). The output has n_out = ⌊(n + 2p − k)/s⌋ + 1 cells per side, the formula shown live under the grids — the same formula gives the size after a convolution layer.',
      'Step or Play moves the window over the outputs in reading order; click an output cell (or focus the output grid and use the arrow keys) to jump to it. A window larger than the padded input (k > n + 2p) gives no output and says so.',
    ],
  }),
} satisfies Meta<typeof PoolingStride>;
export default meta;
type Story = StoryObj<typeof meta>;

/** 2×2 max pooling with stride 2 on an 8×8 map: the usual halving. */
export const Default: Story = {};

/** k = 3, s = 1, p = 1: the "same" setting keeps the map's size. */
export const SamePadding: Story = { name: 'Same size (k = 3, s = 1, p = 1)', args: { defaultValue: { kernel: 3, stride: 1, padding: 1, op: 'average' } } };

/** n = 7, k = 2, s = 2: the floor drops the last row and column. */
export const DroppedEdge: Story = { name: 'Edge left over (n = 7)', args: { defaultValue: { size: 7 } } };

/** Step twice: the window moves one output cell at a time and the status follows. */
export const TestStep: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const status = canvas.getByTestId('status');
    await expect(status).toHaveTextContent(/Output 4×4 from 8×8 · window 1 of 16/);
    await userEvent.click(canvas.getByRole('button', { name: 'Step' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Step' }));
    await expect(status).toHaveTextContent(/window 3 of 16/);
    await expect(canvas.getByTestId('window').getAttribute('data-col')).toBe('2');
  },
};

/**
 * A window larger than the padded input: the status says why there is no output. One more cell of
 * padding makes it fit: n_out = ⌊(n + 2p − k)/s⌋ + 1 = ⌊(4 + 2 − 5)/2⌋ + 1 = 1.
 */
export const TestWindowTooLarge: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { defaultValue: { size: 4, kernel: 5, stride: 2, padding: 0 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByTestId('status')).toHaveTextContent(/does not fit: k = 5 is larger than n \+ 2p = 4/);
    await expect(canvas.getByTestId('output-grid').getAttribute('data-size')).toBe('0');
    const pad = canvas.getByRole('slider', { name: 'Padding p' });
    pad.focus();
    await userEvent.keyboard('{ArrowRight}');
    await expect(pad).toHaveValue('1');
    await expect(canvas.getByTestId('status')).toHaveTextContent(/Output 1×1 from 4×4/);
    await expect(canvas.getByTestId('output-grid').getAttribute('data-size')).toBe('1');
  },
};

/** Arrow keys on the output grid move the window. */
export const TestKeyboard: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    canvas.getByRole('group', { name: /^Output 4×4/ }).focus();
    await userEvent.keyboard('{ArrowDown}{ArrowRight}');
    await expect(canvas.getByTestId('status').getAttribute('data-position')).toBe('5');
  },
};
