import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fireEvent, fn, userEvent, waitFor, within } from 'storybook/test';
import { ConvolutionExplorer } from '@geolearn/ui';
import { explainerParameters } from '../gallery';

const meta = {
  title: '6 Convolutional networks/Convolution',
  component: ConvolutionExplorer,
  args: { width: 680, height: 280, seed: 0, onValueChange: fn() },
  parameters: explainerParameters('convolution', {
    try: 'Step the window a few pixels and check one output value by hand. Then choose the edge detector, and edit one kernel weight.',
    notice: 'The same few weights slide over the whole image. The smoothing kernel blurs; the derivative kernel answers only where brightness changes, with a sign that says which way.',
    think: 'A 28 × 28 image into a dense layer of the same size needs 614,656 weights; a 5 × 5 convolution needs 25. What does the convolution give up in exchange?',
    about: [
      'Discrete image convolution, (A ∗ B)ᵢⱼ = Σₙ Σₘ Aₙₘ Bᵢ₋ₙ,ⱼ₋ₘ, with A the input image and B the kernel (the weights a convolutional layer learns). Each output pixel is the sum of the products of the image under the window with the (flipped) kernel; the same weights slide over the whole image, so a convolutional layer extracts local features with few parameters.',
      'Presets: the slides’ 5×5 smoothing kernel and 1×5 kernel (a horizontal derivative), an edge detector (Laplacian) and sharpening. Click the input or focus the window and use the arrow keys to move it; edit any kernel weight.',
    ],
  }),
} satisfies Meta<typeof ConvolutionExplorer>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The smoothing kernel, part-way down the image: the output so far beside the input. */
export const Default: Story = { args: { defaultValue: { position: 90 } } };

/** The edge detector (a Laplacian) over the middle of the image. */
export const EdgeDetector: Story = { args: { defaultValue: { preset: 'edge', kernel: [[0, -1, 0], [-1, 4, -1], [0, -1, 0]], position: 20 * 40 + 22 } } };

const posOf = (el: HTMLElement) => Number(el.getAttribute('data-position'));

/** Step the window along the first row: one more output pixel each time. */
export const TestStep: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
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
export const TestKeyboard: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
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
export const TestDerivativeKernel: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
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
export const TestEditKernel: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
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

/**
 * Issue 13, convolution defects: a speed control; the zero padding drawn; the kernel shown flipped
 * with the 25 element-wise products of the current window (16 of them in the padding at the
 * corner); kernel boxes show exact values (1/256 = 0.0039, not 0.003).
 */
export const TestDefectsWindow: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const speed = canvas.getByRole('combobox', { name: 'Speed' });
    await expect(Array.from((speed as HTMLSelectElement).options, (o) => o.value)).toEqual(expect.arrayContaining(['0.5', '1', '4', '16', '64']));
    await userEvent.selectOptions(speed, '0.5');
    await expect(speed).toHaveValue('0.5');
    // The zero padding: drawn, and named.
    await expect(canvasElement.querySelector('.gl-conv-pad')).not.toBeNull();
    await expect(canvas.getByRole('group', { name: /2-pixel zero padding/ })).toBeInTheDocument();
    // The flipped kernel and the 25 products of the window at (0, 0), 16 of them on padding.
    await expect(canvas.getByTestId('kernel-flipped')).toHaveAccessibleName(/flipped by 180°/);
    const products = canvas.getByTestId('products');
    await expect(products.querySelectorAll('.gl-conv-cell')).toHaveLength(25);
    await expect(products.querySelectorAll('g[data-padded]')).toHaveLength(16);
    await expect(canvas.getByTestId('products-sum')).toBeInTheDocument();
    // Exact kernel values.
    await expect(canvas.getByTestId('kernel')).toHaveTextContent('0.0039');
    await expect(canvas.getByTestId('kernel').textContent).not.toMatch(/0\.003(?!9)/);
  },
};

/**
 * Issue 13, convolution defect: the "1×5 derivative" preset is the derivative ∂/∂x (the slides'
 * kernel stored flipped, so that A ∗ B rises on a rising ramp), and says so; the flipped kernel
 * shows the slides' [−0.2, −0.1, 0, 0.1, 0.2] with real minus signs.
 */
export const TestDefectsDerivative: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const kernel = canvas.getByRole('combobox', { name: 'Kernel' });
    await userEvent.selectOptions(kernel, 'derivative1x5');
    await expect((kernel as HTMLSelectElement).selectedOptions[0]).toHaveTextContent(/∂\/∂x/);
    await expect(canvas.getByTestId('kernel-flipped')).toHaveAccessibleName(/−0\.2.*−0\.1.*0.*0\.1.*0\.2/);
    await expect(canvas.getByTestId('kernel')).toHaveAccessibleName(/0\.2.*0\.1.*0.*−0\.1.*−0\.2/);
    await expect(canvas.getByTestId('kernel').textContent).not.toMatch(/-/);
  },
};
