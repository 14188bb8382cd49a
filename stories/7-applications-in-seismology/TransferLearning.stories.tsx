import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fireEvent, fn, userEvent, waitFor, within } from 'storybook/test';
import { TransferLearning } from '@geolearn/ui/seismic';
import { explainerParameters } from '../gallery';

const meta = {
  title: '7 Applications in seismology/Transfer learning',
  component: TransferLearning,
  args: { width: 960, height: 640, onValueChange: fn() },
  parameters: explainerParameters('transfer-learning', {
    try: 'Press Train with 50 labelled windows and watch the four curves. Then try 10 and 200 windows, and move the number of frozen convolutions.',
    notice: 'The pretrained detector is already far better than chance in the new region, but the shifted S−P times and the new noise cost it accuracy. From scratch, a few dozen windows are not enough; starting from the pretrained weights, the curves rise within a few epochs. With very few labels, freezing the early layers overfits less than re-training everything.',
    think: 'Why would the early layers transfer better than the last ones? What do the first convolutions of a seismic network learn, and what does the last dense layer encode?',
    about: [
      'The slides\' definitions: **transfer learning** uses a pre-trained model f_α = f_θ* as the starting point of training on a new task, f_α → f_α*; **fine-tuning** re-trains part of it, keeping the weights of the pre-trained (early) layers fixed.',
      'The pretrained model is the event detector of the previous explainer (ConvNetQuake-style, eight strided convolutions and a dense softmax over "no event" and six cells), trained in a region with v_P = 6.0, v_S = 3.5 km/s, a 100 Hz station and microseismic noise. The new region has v_P = 5.2, v_S = 2.9 km/s (S−P grows 0.15 s per km instead of 0.12, so the rings\' S−P times move), a 40 Hz station whose records are resampled to 100 Hz (anti-alias low-pass first), and cultural noise near 2 Hz, inside the signal band.',
      'Four models are trained on the same labelled windows of the new region and scored after each epoch on the same 200 held-out windows of that region (7-class accuracy or cross-entropy): the pretrained model as is (no training, a flat line), a fresh model from scratch, fine-tuning with the first k convolutions frozen (trainable = false), and transfer with every layer re-trained. Training runs with TensorFlow.js in a Web Worker, with a progress bar.',
    ],
  }),
} satisfies Meta<typeof TransferLearning>;
export default meta;
type Story = StoryObj<typeof meta>;

/** 50 labelled windows of the new region; press Train. */
export const Default: Story = {};

/** Only 10 labelled windows: where freezing pays. */
export const TenLabels: Story = { name: 'Ten labels', args: { defaultValue: { nLabelled: 10 } } };

/** A short run (2 epochs, 10 windows, 16 held out): the four curves appear and the loss view switches. */
export const TestTrainShort: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { epochs: 2, nTest: 16, defaultValue: { nLabelled: 10 } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByTestId('status')).toHaveTextContent(/^Press Train/);
    fireEvent.change(canvas.getByRole('slider', { name: 'Frozen convolutions (of 8)' }), { target: { value: '4' } });
    await expect(args.onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ frozen: 4 }));
    await userEvent.click(canvas.getByTestId('train'));
    await waitFor(() => expect(canvas.getByTestId('status')).toHaveAttribute('data-done', 'true'), { timeout: 90000 });
    await expect(canvas.getByTestId('status')).toHaveTextContent(/^After 2 epochs on 10 labelled windows: held-out accuracy/);
    // Four curves of three points each (before training, then two epochs).
    await expect(canvas.getByTestId('transfer-chart')).toHaveAttribute('data-points', '3,3,3,3');
    await userEvent.click(canvas.getByRole('radio', { name: 'loss' }));
    await expect(args.onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ metric: 'loss' }));
  },
};
