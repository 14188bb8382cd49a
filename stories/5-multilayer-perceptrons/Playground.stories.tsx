import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fireEvent, fn, userEvent, waitFor, within } from 'storybook/test';
import { Playground } from '@geolearn/ui';
import { explainerParameters } from '../gallery';

const meta = {
  title: '5 Multilayer perceptrons/Playground',
  component: Playground,
  args: { width: 980, height: 470, seed: 0, onValueChange: fn() },
  parameters: explainerParameters('playground', {
    try: 'Press Play on the circle and watch the boundary form. Then choose the spiral: train it with x₁ and x₂ only, then add layers or the features x₁², x₂², sin x₁.',
    notice: 'Each neuron\'s thumbnail is a piece of the final picture: the first layer draws lines, deeper layers combine them into curves. When the test loss rises while the training loss falls, the network is learning the noise.',
    think: 'Hand-made features (x₁², sin x₁) or more layers: which makes the spiral easier here, and which would you choose when you do not know the right features?',
    about: [
      'A multilayer perceptron h⁽ℓ⁾ = φ(W⁽ℓ⁾h⁽ℓ⁻¹⁾ + b⁽ℓ⁾) trained live by mini-batch gradient descent, θ ← θ − η ∂(𝓛 + λ𝓡)/∂θ, on two-dimensional data: everything the TensorFlow Playground has (its six data sets, the features x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂, up to 6 hidden layers of 8 neurons, activation, L1/L2 regularisation and λ, η, noise, train:test ratio, batch size, a thumbnail of each neuron’s output, weights by sign and thickness, train and test loss curves), plus several classes with softmax and cross-entropy, your own points (click, type or CSV), a permalink of the whole state, model and data export and a seed.',
      'Keys, as in the TensorFlow Playground, while focus is in the widget (click its background or tab into it): Space plays or pauses, S or → steps one epoch, R resets. Each weight edge has a 44 px wide invisible click target for touch.',
      'Each frame trains one epoch and redraws the 100 × 100 boundary and every neuron from one batched forward pass of the plain-TypeScript engine. Inputs are scaled to [−1, 1] (x/6, x²/36). Add `#data=spiral&hidden=8,8,8` to the page URL of a `syncUrl` playground to open a given state.',
    ],
  }),
} satisfies Meta<typeof Playground>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The circle data set and a small network, untrained. */
export const Default: Story = {};

/** The spiral with every feature and 6 × 8 neurons, after 30 epochs. */
export const Spiral: Story = {
  args: { defaultValue: { dataset: 'spiral', features: ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'], hidden: [8, 8, 8, 8, 8, 8], noise: 10, epoch: 30 } },
};

/** Four classes with softmax and cross-entropy, after 40 epochs. */
export const FourClasses: Story = { args: { defaultValue: { dataset: 'blobs', classes: 4, hidden: [6], epoch: 40, learningRate: 0.1 } } };

const trainLoss = (el: HTMLElement) => Number(el.getAttribute('data-train-loss'));

/** Step three epochs on the circle: the epoch counter moves and the loss falls. */
export const TestStepThree: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const status = canvas.getByTestId('status');
    const step = canvas.getByRole('button', { name: 'Step' });
    await userEvent.click(step);
    const first = trainLoss(status);
    await userEvent.click(step);
    await userEvent.click(step);
    await waitFor(() => expect(canvas.getByTestId('epoch')).toHaveTextContent('Epoch 0003'));
    await expect(trainLoss(status)).toBeLessThan(first);
    await expect(canvas.getByTestId('loss-curves')).toHaveAttribute('data-points', '4,4');
  },
};

/** The spiral with every feature and 6 × 8 neurons: play, see steps/s, pause, then reset. */
export const TestSpiral: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { showPerformance: true, defaultValue: { dataset: 'spiral', features: ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'], hidden: [8, 8, 8, 8, 8, 8], noise: 10, epoch: 30 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getAllByTestId('neuron-thumb')).toHaveLength(48);
    await userEvent.click(canvas.getByRole('button', { name: 'Play' }));
    await waitFor(() => expect(canvas.getByTestId('perf')).toHaveTextContent(/steps\/s/), { timeout: 5000 });
    await waitFor(() => expect(Number(canvas.getByTestId('status').getAttribute('data-epoch'))).toBeGreaterThan(31), { timeout: 5000 });
    await userEvent.click(canvas.getByRole('button', { name: 'Pause' }));
    await expect(canvas.queryByTestId('perf')).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: 'Reset' }));
    for (let i = 0; i < 3; i++) await userEvent.click(canvas.getByRole('button', { name: 'Step' }));
    await expect(canvas.getByTestId('epoch')).toHaveTextContent('Epoch 0003');
  },
};

/** Four classes with softmax; toggle a feature and add a layer from the keyboard. */
export const TestSeveralClasses: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { defaultValue: { dataset: 'blobs', classes: 4, hidden: [6], epoch: 40, learningRate: 0.1 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByTestId('status')).toHaveTextContent(/test accuracy/);
    const feature = canvas.getByRole('button', { name: 'Feature x₁²' });
    feature.focus();
    await userEvent.keyboard('{Enter}');
    await expect(feature).toHaveAttribute('aria-pressed', 'true');
    canvas.getByRole('button', { name: 'Add layer' }).focus();
    await userEvent.keyboard('{Enter}');
    await expect(canvas.getAllByTestId('neuron-thumb')).toHaveLength(8);
    await userEvent.click(canvas.getByRole('button', { name: 'Step' }));
    await expect(canvas.getByTestId('epoch')).toHaveTextContent('Epoch 0001');
  },
};

/**
 * Your own points: a malformed CSV is refused with its line; a good one replaces the data. A click on
 * the plot adds nothing until "Add points" is on; then it adds a point and keeps the training where
 * it is (same epoch, same weights: issue 13).
 */
export const TestOwnPoints: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const box = canvas.getByRole('textbox', { name: /Paste CSV/ });
    await userEvent.type(box, '1,1,0{enter}2,oops,1');
    await userEvent.click(canvas.getByRole('button', { name: 'Load CSV' }));
    await expect(canvas.getByRole('alert')).toHaveTextContent('Line 2: "oops" is not a number');
    await userEvent.clear(box);
    await userEvent.type(box, '-3,-3,0{enter}3,3,0{enter}-3,3,1{enter}3,-3,1{enter}0,0,0{enter}4,0,1');
    await userEvent.click(canvas.getByRole('button', { name: 'Load CSV' }));
    const heat = canvas.getByTestId('heatmap');
    await waitFor(() => expect(heat).toHaveAttribute('data-points', '6'));
    // Train two epochs on the loaded points.
    const step = canvas.getByRole('button', { name: 'Step' });
    await userEvent.click(step);
    await userEvent.click(step);
    await waitFor(() => expect(canvas.getByTestId('epoch')).toHaveTextContent('Epoch 0002'));
    const weight = () => canvasElement.querySelector('[data-testid="w-0-0-0"]')!.getAttribute('data-weight');
    const before = weight();
    const area = heat.querySelector('rect')!;
    const click = () => {
      const r = area.getBoundingClientRect();
      fireEvent.pointerDown(area, { clientX: r.left + r.width * 0.25, clientY: r.top + r.height * 0.5, pointerId: 1 });
    };
    // "Add points" off: a click on the plot does nothing.
    click();
    await expect(heat).toHaveAttribute('data-points', '6');
    const adding = canvas.getByRole('button', { name: 'Add points' });
    await userEvent.click(adding);
    await expect(adding).toHaveAttribute('aria-pressed', 'true');
    click();
    await waitFor(() => expect(heat).toHaveAttribute('data-points', '7'));
    await expect(canvas.getByRole('button', { name: /Clear my points \(7\)/ })).toBeEnabled();
    // The network was not reset: same epoch, same weights.
    await expect(canvas.getByTestId('epoch')).toHaveTextContent('Epoch 0002');
    await expect(weight()).toBe(before);
  },
};

/**
 * Edit a weight in place: a click on its edge opens a field beside it, Enter sets it (the edge
 * follows), Escape closes it; the edit is part of the permalink.
 */
export const TestEditWeight: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { defaultValue: { epoch: 5 } },
  // The permalink field shows the gallery's own address (host and port): no pixel baseline.
  parameters: { snapshot: false },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const edge = canvas.getByTestId('w-1-2-1');
    await userEvent.click(edge);
    const input = await canvas.findByTestId('weight-input');
    await expect(input).toHaveAccessibleName('Weight from layer 1 unit 3 to layer 2 unit 2');
    await expect(input).toHaveFocus();
    // The field opens beside its edge (below the edge's midpoint), not in a distant form.
    const e = edge.getBoundingClientRect();
    const f = input.getBoundingClientRect();
    await expect(Math.abs(f.top - (e.top + e.bottom) / 2)).toBeLessThan(60);
    await userEvent.clear(input);
    await userEvent.type(input, '-3{enter}');
    await waitFor(() => expect(canvas.queryByTestId('weight-input')).toBeNull());
    await expect(canvas.getByTestId('w-1-2-1')).toHaveAttribute('data-weight', '-3');
    // Escape closes the field without a change.
    await userEvent.click(canvas.getByTestId('w-1-2-1'));
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(canvas.queryByTestId('weight-input')).toBeNull());
    await expect(canvas.getByTestId('w-1-2-1')).toHaveAttribute('data-weight', '-3');
    await userEvent.click(canvas.getByRole('button', { name: 'Permalink' }));
    await expect((canvas.getByTestId('permalink') as HTMLInputElement).value).toMatch(/edits=.*weight.*-3/);
  },
};

/**
 * The TensorFlow Playground's keys, with focus anywhere in the widget: S or → steps one epoch,
 * Space plays and pauses, R resets. A key typed into a field stays in the field.
 */
export const TestKeyboardShortcuts: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const epoch = canvas.getByTestId('epoch');
    await expect(canvas.getByRole('button', { name: 'Play' })).toHaveAttribute('aria-keyshortcuts', 'Space');
    await expect(canvas.getByRole('button', { name: 'Step' })).toHaveAttribute('aria-keyshortcuts', 'S ArrowRight');
    await expect(canvas.getByRole('button', { name: 'Reset' })).toHaveAttribute('aria-keyshortcuts', 'R');
    await expect(canvas.getByTestId('shortcuts')).toHaveTextContent('Space play/pause · S or → step · R reset');
    // Focus the widget itself, as a click on its background does.
    canvas.getByTestId('playground').focus();
    await userEvent.keyboard('s');
    await userEvent.keyboard('S');
    await userEvent.keyboard('{ArrowRight}');
    await waitFor(() => expect(epoch).toHaveTextContent('Epoch 0003'));
    await userEvent.keyboard(' ');
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Pause' })).toHaveAttribute('aria-pressed', 'true'));
    await waitFor(() => expect(Number(canvas.getByTestId('status').getAttribute('data-epoch'))).toBeGreaterThan(3));
    await userEvent.keyboard(' ');
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Play' })).toHaveAttribute('aria-pressed', 'false'));
    await userEvent.keyboard('r');
    await waitFor(() => expect(epoch).toHaveTextContent('Epoch 0000'));
    // Keys typed into a field are the field's: no step, no reset.
    const box = canvas.getByRole('textbox', { name: /Paste CSV/ });
    await userEvent.click(box);
    await userEvent.keyboard('s r');
    await expect(box).toHaveValue('s r');
    await expect(epoch).toHaveTextContent('Epoch 0000');
    await userEvent.clear(box);
    // Back on the widget, two steps for the picture.
    canvas.getByTestId('playground').focus();
    await userEvent.keyboard('ss');
    await waitFor(() => expect(epoch).toHaveTextContent('Epoch 0002'));
  },
};

/**
 * Issue 13, Playground defects (view): the slide's 80/20 split by default; "Show test data" and
 * "Discretize output" toggles; a −1 … 1 colour key under the output; data sets as picture tiles;
 * hover a weight to read it; hover a neuron to preview it on the big plot.
 */
export const TestDefectsView: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { defaultValue: { epoch: 5 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const heat = canvas.getByTestId('heatmap');
    // 80/20: the slider says 80 and the points split 4 : 1.
    await expect((canvas.getByRole('slider', { name: 'Ratio of training data' }) as HTMLInputElement).value).toBe('80');
    await expect(heat.querySelectorAll('[data-split="test"]')).toHaveLength(0);
    const showTest = canvas.getByRole('button', { name: 'Show test data' });
    await userEvent.click(showTest);
    await expect(showTest).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => expect(heat.querySelectorAll('[data-split="test"]').length).toBeGreaterThan(0));
    const nTrain = heat.querySelectorAll('[data-split="train"]').length;
    const nTest = heat.querySelectorAll('[data-split="test"]').length;
    await expect(nTrain / nTest).toBeCloseTo(4, 0);
    await expect(heat).toHaveAccessibleName(/test points \(ringed\)/);
    const discretize = canvas.getByRole('button', { name: 'Discretize output' });
    await userEvent.click(discretize);
    await expect(discretize).toHaveAttribute('aria-pressed', 'true');
    // The output's colour key runs from −1 to 1 (a real minus sign).
    const key = canvas.getByTestId('output-legend');
    await expect(key).toHaveTextContent('−1');
    await expect(key).toHaveTextContent(/class 0 \(−1\) … class 1 \(\+1\)/);
    // Data sets are picture tiles: each radio holds a drawing of its points.
    const tile = canvas.getByRole('radio', { name: /Circle/ });
    await expect(tile.querySelector('canvas')).not.toBeNull();
    await expect(canvas.getAllByRole('radio').filter((r) => r.querySelector('canvas')).length).toBeGreaterThanOrEqual(4);
    // Hover a weight: its value shows beside it.
    const edge = canvas.getByTestId('w-1-2-1');
    await userEvent.hover(edge);
    await waitFor(() => expect(canvas.getByTestId('weight-label')).toHaveTextContent(/^w = −?\d/));
    await userEvent.unhover(edge);
    // Hover a neuron: the big plot shows its output instead of the network's.
    await expect(heat).toHaveAttribute('data-showing', 'Output');
    const thumb = canvas.getAllByTestId('neuron-thumb')[0];
    await userEvent.hover(thumb);
    await waitFor(() => expect(heat.getAttribute('data-showing')).toMatch(/^Layer \d+ unit 1$/));
    await userEvent.unhover(thumb);
    await waitFor(() => expect(heat).toHaveAttribute('data-showing', 'Output'));
  },
};

/**
 * Issue 13, Playground defects (points, regression, tricks): a point added from the labelled
 * inputs keeps the weights and is undone by Undo; regression targets are coloured by value;
 * "Normalise inputs" off says the units saturate; dropout enters the update rule.
 */
export const TestDefectsPointsAndTricks: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { defaultValue: { epoch: 3 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const heat = canvas.getByTestId('heatmap');
    const n0 = Number(heat.getAttribute('data-points'));
    const weight = () => canvasElement.querySelector('[data-testid="w-0-0-0"]')!.getAttribute('data-weight');
    const before = weight();
    // Labelled inputs for "add point".
    const group = within(canvas.getByRole('group', { name: 'Add a point' }));
    await userEvent.selectOptions(group.getByRole('combobox', { name: 'Class of new points' }), '1');
    const x1 = group.getByRole('textbox', { name: 'x₁' });
    await userEvent.clear(x1);
    await userEvent.type(x1, '2.5');
    const x2 = group.getByRole('textbox', { name: 'x₂' });
    await userEvent.clear(x2);
    await userEvent.type(x2, '-1');
    await userEvent.click(group.getByRole('button', { name: 'Add point' }));
    await waitFor(() => expect(heat).toHaveAttribute('data-points', String(n0 + 1)));
    await expect(canvas.getByTestId('epoch')).toHaveTextContent('Epoch 0003');
    await expect(weight()).toBe(before);
    // The point is in the undo history.
    await userEvent.click(canvas.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(heat).toHaveAttribute('data-points', String(n0)));
    // Input normalisation off: the caption says the units saturate; the maths loses x̂.
    const normalise = canvas.getByRole('button', { name: 'Normalise inputs' });
    await expect(normalise).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(normalise);
    await waitFor(() => expect(canvasElement.querySelector('.gl-caption')).toHaveTextContent(/inputs are raw now.*saturate/));
    await userEvent.click(canvas.getByRole('button', { name: 'Normalise inputs' }));
    await waitFor(() => expect(canvasElement.querySelector('.gl-caption')).not.toHaveTextContent(/inputs are raw now/));
    // Dropout: a rate control, shown in the update rule.
    const dropout = canvas.getByRole('slider', { name: 'Dropout' });
    dropout.focus();
    await userEvent.keyboard('{ArrowRight}{ArrowRight}');
    await waitFor(() => expect(Number((dropout as HTMLInputElement).value)).toBeCloseTo(0.1, 5));
    await waitFor(() => expect(canvasElement.querySelector('.gl-maths')).toHaveTextContent(/dropout/));
    // Regression: the points take the colour of their target value (many shades, not two classes).
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Problem' }), 'regression');
    await waitFor(() => expect(new Set(Array.from(heat.querySelectorAll('circle.gl-pg-point'), (c) => c.getAttribute('fill'))).size).toBeGreaterThan(5));
  },
};

/**
 * Issue 13, Playground defect: a permalink's epoch (here 100,000 with batch 1 and 6 × 8 units)
 * replays between frames with a progress bar, capped by `maxEpochs`, and can be stopped where it is;
 * the page answers meanwhile.
 */
export const TestDefectsReplay: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { maxEpochs: 5000, defaultValue: { epoch: 100000, batchSize: 1, hidden: [8, 8, 8, 8, 8, 8] } },
  parameters: { snapshot: false },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const progress = await canvas.findByTestId('replay-progress', undefined, { timeout: 10_000 });
    // Capped by maxEpochs, not the link's 100,000.
    await expect(progress).toHaveAttribute('max', '5000');
    await expect(canvas.getByTestId('status')).toHaveTextContent(/Replaying the run: epoch [\d,]+ of 5,000/);
    await waitFor(() => expect(Number(progress.getAttribute('value'))).toBeGreaterThan(0), { timeout: 10_000 });
    await userEvent.click(canvas.getByRole('button', { name: 'Stop here' }));
    await waitFor(() => expect(canvas.queryByTestId('replay-progress')).toBeNull(), { timeout: 10_000 });
    const epoch = Number(canvas.getByTestId('status').getAttribute('data-epoch'));
    await expect(epoch).toBeGreaterThan(0);
    await expect(epoch).toBeLessThan(5000);
  },
};
