import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fireEvent, fn, userEvent, waitFor, within } from 'storybook/test';
import { DataModelLoss } from '@geolearn/ui';
import { explainerParameters } from '../gallery';

const meta = {
  title: '2 Definitions/Data, model and loss',
  component: DataModelLoss,
  args: { width: 760, height: 420, seed: 0, onValueChange: fn() },
  parameters: explainerParameters('data-model-and-loss', {
    try: 'Drag the round handle (the slope a) and the square handle (the intercept b) until the squares look as small as you can make them. Then press "Fit" and compare.',
    notice: 'Each residual is drawn as a square: a point twice as far from the line costs four times as much. One far point (drag it away) pulls the best line towards itself.',
    think: 'Why square the residuals rather than take their absolute values? What would change in the best line if one measurement were a gross error?',
    about: [
      'The three ingredients of learning: the data 𝓓 = {(xᵢ, yᵢ)}ᵢ₌₁ᴺ, the model f_θ(x) = a·x + b with θ = (a, b), and the loss 𝓛(θ) = (1/N) Σᵢ (f_θ(xᵢ) − yᵢ)². Each residual f_θ(xᵢ) − yᵢ is drawn as a square of that side (x and y share one scale), so the mean area of the squares is the loss.',
      'Drag the points, or the square handle (intercept b) and the round handle (slope a); the keyboard does the same. Learning is θ* = argmin_θ 𝓛(θ): "Fit" moves the line there and the squares shrink to their least total area.',
    ],
  }),
} satisfies Meta<typeof DataModelLoss>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The data and a first guess of the line, before any fitting. */
export const Default: Story = {};

/** Another starting line, further from the data: larger squares, a larger loss. */
export const AnotherLine: Story = { args: { defaultValue: { a: 0.7, b: 1.2 } } };

const lossOf = (el: HTMLElement) => Number(el.getAttribute('data-loss'));

/** Raise the intercept handle from the keyboard: the line moves and the loss shown changes. */
export const TestKeyboardIntercept: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const status = canvas.getByTestId('status');
    await expect(canvasElement.querySelectorAll('[data-testid="residual-square"]')).toHaveLength(8);
    const before = lossOf(status);
    const b = canvas.getByRole('button', { name: /Intercept b = 3.5/ });
    b.focus();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    await expect(canvas.getByRole('button', { name: /Intercept b = 3.2/ })).toBeInTheDocument();
    await expect(lossOf(status)).not.toBe(before);
  },
};

/** "Fit" takes θ to θ* = argmin 𝓛: the loss falls to its least value. */
export const TestFit: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const status = canvas.getByTestId('status');
    const before = lossOf(status);
    await userEvent.click(canvas.getByRole('button', { name: /Fit/ }));
    await waitFor(() => expect(status).toHaveTextContent(/this is θ\*, the least loss/), { timeout: 3000 });
    await expect(lossOf(status)).toBeLessThan(before);
    await expect(canvas.getByRole('button', { name: /Fit/ })).toBeDisabled();
  },
};

/** Drag a data point by pointer: its residual square and the loss follow. */
export const TestDragPoint: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { defaultValue: { a: 0.7, b: 1.2 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const status = canvas.getByTestId('status');
    const before = lossOf(status);
    const point = canvas.getByRole('button', { name: /Data point 1:/ });
    const label0 = point.getAttribute('aria-label');
    const box = point.getBoundingClientRect();
    const at = { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2, pointerId: 1 };
    await fireEvent.pointerDown(point, at);
    await fireEvent.pointerMove(point, { ...at, clientY: at.clientY - 80 });
    await fireEvent.pointerUp(point, at);
    // Pointer moves are continuous events: React renders them on the next frame.
    await waitFor(() => expect(lossOf(status)).not.toBe(before));
    await expect(canvas.getByRole('button', { name: /Data point 1:/ }).getAttribute('aria-label')).not.toBe(label0);
  },
};
