import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { ParameterCount } from '@geolearn/ui';
import { explainerParameters } from '../gallery';

const meta = {
  title: '6 Convolutional networks/Parameter count',
  component: ParameterCount,
  args: { width: 560, height: 300, onValueChange: fn() },
  parameters: explainerParameters('parameter-count', {
    try: 'Read the slide’s numbers: a 200×200 colour image into 1,000 units. Then double the image side (H = W = 400) and watch which bar moves.',
    notice: 'The fully connected count grows with every pixel (×4 when the side doubles) and needs about half a gigabyte in float32; the convolution’s count does not move at all, because each filter is shared over every position.',
    think: 'A convolution has few parameters, but is it cheap to run? How many multiplications does it make on a 200×200 image?',
    about: [
      'A fully connected layer from an H×W×C image to N units has one weight per input value and unit, plus one bias per unit: N_FC = H·W·C·N + N. On the slide, 200·200·3·1000 + 1000 = 120,001,000 ≈ 120 M parameters, 480 MB at 4 bytes each (float32, 1 MB = 10⁶ bytes).',
      'A convolutional layer with F filters of size k×k over C channels has N_conv = k·k·C·F + F, independent of H and W: weight sharing. The bars use a log axis because the two counts differ by orders of magnitude; the table gives the exact numbers (computed with BigInt, exact past 2⁵³). Invalid text in a field is refused with a message; a kernel larger than the image is reported.',
    ],
  }),
} satisfies Meta<typeof ParameterCount>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The slide: 200×200×3 into 1,000 units against 64 filters of 5×5. */
export const Default: Story = {};

/** MNIST's small grey images. */
export const Mnist: Story = { name: 'MNIST (28×28×1)', args: { defaultValue: { height: 28, width: 28, channels: 1, units: 128, kernel: 5, filters: 32 } } };

/** Type a new image size: the fully connected count follows, the convolution's does not. */
export const TestTyping: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const status = canvas.getByTestId('status');
    await expect(status.getAttribute('data-fc')).toBe('120001000');
    const h = canvas.getByRole('textbox', { name: 'Height H' });
    await userEvent.clear(h);
    await userEvent.type(h, '400');
    await userEvent.tab();
    await expect(status.getAttribute('data-fc')).toBe('240001000');
    await expect(status.getAttribute('data-conv')).toBe('4864');
  },
};

/** A kernel larger than the image is reported, not drawn. */
export const TestKernelTooLarge: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { defaultValue: { height: 4, width: 4, kernel: 5 } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByTestId('status')).toHaveTextContent(/larger than the image/);
  },
};
