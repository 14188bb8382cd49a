import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { LossLandscape, Responsive } from '@geolearn/ui';
import { quadraticObjective } from '@geolearn/algorithms';

const meta = {
  title: '3 Regression/Loss landscape',
  component: LossLandscape,
  args: { width: 560, height: 400, seed: 0 },
  parameters: {
    docs: {
      description: {
        component:
          'The mean squared error 𝓛(a, b) of the line y = a·x + b over its two parameters, drawn as filled contours, with gradient descent θ ← θ − η∇𝓛(θ) walking down to the least-squares optimum θ*. Drag the white handle (or focus it and use the arrow keys) to move the start θ₀.',
      },
    },
  },
} satisfies Meta<typeof LossLandscape>;
export default meta;
type Story = StoryObj<typeof meta>;

const lossOf = (el: HTMLElement) => Number(el.getAttribute('data-loss'));
const pointsOf = (el: Element) => Number(el.getAttribute('data-points'));

/** Press Step: the path grows by one point each time and the loss shown goes down. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const status = canvas.getByTestId('status');
    const path = canvasElement.querySelector('[data-testid="gd-path"]')!;
    await expect(pointsOf(path)).toBe(1);
    const loss0 = lossOf(status);
    const step = canvas.getByRole('button', { name: 'Step' });
    await userEvent.click(step);
    await userEvent.click(step);
    await userEvent.click(step);
    await waitFor(() => expect(pointsOf(path)).toBe(4));
    await expect(status).toHaveTextContent(/Step 3 of 100/);
    await expect(lossOf(status)).toBeLessThan(loss0);
  },
};

/** Arrow keys move the starting point; the run restarts from there. */
export const KeyboardStart: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const handle = canvas.getByRole('button', { name: /Starting point/ });
    const before = handle.getAttribute('aria-label');
    handle.focus();
    await userEvent.keyboard('{ArrowRight}{ArrowRight}{ArrowDown}');
    await expect(handle.getAttribute('aria-label')).not.toBe(before);
    await userEvent.click(canvas.getByRole('button', { name: 'Step' }));
    await expect(canvas.getByTestId('status')).toHaveTextContent(/Step 1/);
  },
};

/** η past 2/L: the run is stopped and says where it diverged. */
export const Diverging: Story = {
  args: {
    objective: quadraticObjective({ eigenvalues: [1, 4], angle: 0.5 }),
    defaultValue: { learningRate: 0.6, start: [2, 2], iteration: 40 },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByTestId('status')).toHaveTextContent(/Diverged at step \d+/);
    await expect(canvas.getByRole('button', { name: 'Step' })).toBeDisabled();
  },
};

/** Inside the resize wrapper it fills its container, as on a slide. */
export const Responsive_: Story = {
  name: 'Responsive',
  render: (args) => (
    <div style={{ width: 420 }}>
      <Responsive aspect={0.75}>{({ width, height }) => <LossLandscape {...args} width={width} height={height} />}</Responsive>
    </div>
  ),
  play: async ({ canvasElement }) => {
    const svg = canvasElement.querySelector('svg[role="group"]')!;
    await waitFor(() => expect(Number(svg.getAttribute('width'))).toBe(420));
  },
};
