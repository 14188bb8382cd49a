import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fireEvent, fn, userEvent, waitFor, within } from 'storybook/test';
import { XorNet } from '@geolearn/ui';
import { explainerParameters } from '../gallery';

const meta = {
  title: '5 Multilayer perceptrons/XOR',
  component: XorNet,
  args: { width: 720, height: 280, seed: 0, onValueChange: fn() },
  parameters: explainerParameters('xor', {
    try: 'Feed the four inputs one by one through the hand-set network. Then switch to a single neuron and try every slider to get all four rows right.',
    notice: 'The hidden units compute OR and AND; the output says "OR but not AND". A single neuron draws one straight line, and no line puts (0,1) and (1,0) on one side and (0,0) and (1,1) on the other.',
    think: 'What does the hidden layer do to the four points so that one line can separate them afterwards?',
    about: [
      'The exclusive or (XOR) of two bits is not linearly separable: no single neuron y = H(w₁x₁ + w₂x₂ + b) draws one line that puts (0,1) and (1,0) on one side and (0,0) and (1,1) on the other — at most 3 of the 4 rows come out right.',
      'A multilayer perceptron solves it. The slides’ network uses binary steps H: h₁ = H(x₁ + x₂ − 0.5) is OR, h₂ = H(x₁ + x₂ − 1.5) is AND, and y = H(h₁ − h₂ − 0.5) is “OR but not AND”. A 2-2-1 or 2-3-1 MLP with tanh units learns the same by backpropagation, θ ← θ − η ∂𝓛/∂θ, with the binary cross-entropy 𝓛.',
    ],
  }),
} satisfies Meta<typeof XorNet>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The slides' hand-set network of binary units, at the first input (0, 0). */
export const Default: Story = {};

/** One neuron alone: try the sliders; one line never gets all four rows. */
export const SingleNeuron: Story = { args: { defaultValue: { mode: 'single' } } };

/** A 2-3-1 network after 300 steps of Adam: its boundary is two lines' worth. */
export const Trained: Story = { name: 'Trained 2-3-1 network', args: { defaultValue: { mode: 'trained', step: 300 } } };

/** The hand-set binary network: feed each row and watch the truth table light up, all four right. */
export const TestFeedRows: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const status = canvas.getByTestId('status');
    await expect(status).toHaveAttribute('data-correct', '4');
    const next = canvas.getByRole('button', { name: 'Next input' });
    await userEvent.click(next);
    await userEvent.click(next);
    await expect(status).toHaveTextContent('Input (1, 0) → h = (1, 0) → y = 1. 4 of 4 correct.');
    await userEvent.click(next);
    await expect(status).toHaveTextContent('Input (1, 1) → h = (1, 1) → y = 0.');
  },
};

/** A single neuron: whatever the weights, one line gets at most 3 of the 4 rows. */
export const TestSingleNeuron: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { defaultValue: { mode: 'single' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const status = canvas.getByTestId('status');
    await expect(status).toHaveTextContent('A single neuron gets 3 of 4 right: one line cannot separate XOR.');
    // b = −1.5 turns the neuron into AND: right on (0,0) and (1,1)'s target is 0, so 1 of 4.
    fireEvent.change(canvas.getByRole('slider', { name: 'b' }), { target: { value: '-1.5' } });
    await waitFor(() => expect(status).toHaveTextContent('A single neuron gets 1 of 4 right'));
    // A negative w₂ with b = 0.5: still one line, still at most 3.
    fireEvent.change(canvas.getByRole('slider', { name: 'w₂' }), { target: { value: '-1' } });
    fireEvent.change(canvas.getByRole('slider', { name: 'b' }), { target: { value: '0.5' } });
    await waitFor(() => expect(canvas.getByRole('slider', { name: 'b' })).toHaveValue('0.5'));
    await expect(Number(status.getAttribute('data-correct'))).toBeLessThanOrEqual(3);
  },
};

/** The 2-3-1 MLP after 300 steps of Adam: press Step ×10 and the loss keeps falling; all four rows right. */
export const TestTrained: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { defaultValue: { mode: 'trained', step: 300 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const status = canvas.getByTestId('status');
    // The 300 steps are replayed in an effect after the first paint ("Preparing the network…").
    await waitFor(() => expect(status).toHaveTextContent(/Step 300 of 2000/), { timeout: 10_000 });
    const loss = () => Number(/loss ([\d.e-]+)/.exec(status.textContent ?? '')![1]);
    const before = loss();
    await userEvent.click(canvas.getByRole('button', { name: 'Step ×10' }));
    await waitFor(() => expect(status).toHaveTextContent(/Step 310/));
    await expect(loss()).toBeLessThan(before);
    await expect(status).toHaveAttribute('data-correct', '4');
    await expect(canvas.getByTestId('xor-loss')).toHaveAttribute('data-points', '310');
  },
};

/** Train from scratch with Play (2-2-1), then pause: the boundary has formed. */
export const TestPlayAndPause: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { defaultValue: { mode: 'trained', hidden: 2, learningRate: 0.1 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const status = canvas.getByTestId('status');
    await userEvent.click(canvas.getByRole('button', { name: 'Play' }));
    await waitFor(() => expect(Number(status.getAttribute('data-step'))).toBeGreaterThanOrEqual(200), { timeout: 8000 });
    await userEvent.click(canvas.getByRole('button', { name: 'Pause' }));
    // Snapshot at a fixed step: reset and step to 200 exactly.
    await userEvent.click(canvas.getByRole('button', { name: 'Reset' }));
    for (let i = 0; i < 20; i++) await userEvent.click(canvas.getByRole('button', { name: 'Step ×10' }));
    await expect(status).toHaveAttribute('data-step', '200');
  },
};

/**
 * Issue 13, XOR defects: the trained MLP opens with a real loss (not NaN); the maths shows the
 * Adam rule it trains with; the four points have a contrasting outline on their own region.
 */
export const TestDefectsOpening: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { defaultValue: { mode: 'trained' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const status = canvas.getByTestId('status');
    await waitFor(() => expect(status).toHaveTextContent(/Step 0 of 2000 · loss 0\.\d+/));
    await expect(status).not.toHaveTextContent(/NaN/);
    const maths = canvasElement.querySelector('.gl-maths')!;
    await expect(maths).toHaveTextContent(/Adam/);
    await expect(maths.textContent).toMatch(/β/);
    // Each point: a ring in the text colour with a paper-coloured stroke around the class-coloured dot.
    const rings = canvasElement.querySelectorAll('.gl-xor-point-ring');
    await expect(rings).toHaveLength(4);
    for (const r of Array.from(rings)) {
      const cs = getComputedStyle(r);
      await expect(cs.stroke).not.toBe('none');
      await expect(parseFloat(cs.strokeWidth)).toBeGreaterThanOrEqual(3);
      await expect(cs.fill).not.toBe(getComputedStyle(r.nextElementSibling!).fill);
    }
  },
};

/**
 * Issue 13, XOR defects: a 2-2-1 run (seed 1) that ends at fewer than 4 right says it is a poor
 * local minimum; rows at output 0.50 are undecided ("?"), never ✓; "New initial weights" draws a
 * new seed and starts again from step 0.
 */
export const TestDefectsLocalMinimum: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { seed: 1, maxSteps: 2000, defaultValue: { mode: 'trained', hidden: 2, step: 2000 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const status = canvas.getByTestId('status');
    await waitFor(() => expect(status).toHaveTextContent(/poor local minimum/), { timeout: 15_000 });
    await expect(Number(status.getAttribute('data-correct'))).toBeLessThan(4);
    const undecided = canvasElement.querySelectorAll('tr[data-verdict="undecided"]');
    await expect(undecided.length).toBeGreaterThan(0);
    for (const row of Array.from(undecided)) {
      await expect(row).toHaveTextContent('0.50');
      await expect(row).not.toHaveTextContent('✓');
      await expect(row.querySelector('td[aria-label]')).toHaveAccessibleName(/undecided/);
    }
    const fresh = canvas.getByRole('button', { name: 'New initial weights' });
    const seed = fresh.getAttribute('data-seed');
    await userEvent.click(fresh);
    await waitFor(() => expect(canvas.getByRole('button', { name: 'New initial weights' }).getAttribute('data-seed')).not.toBe(seed));
    await waitFor(() => expect(status).toHaveTextContent(/Step 0 of 2000/));
  },
};
