import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fireEvent, fn, userEvent, waitFor, within } from 'storybook/test';
import { SvmMargin } from '@geolearn/ui';
import { explainerParameters } from '../gallery';

const meta = {
  title: '4 Classification/SVM margin',
  component: SvmMargin,
  args: { width: 720, height: 440, seed: 0, onValueChange: fn() },
  parameters: explainerParameters('svm-margin', {
    try: 'Drag a point of one class toward the other, across the dashed margin. Then move the C slider from one end to the other, and switch the solver to "Sub-gradient steps" and press Play.',
    notice: 'Only the ringed points, the support vectors, hold the line: move any other point and nothing changes. A point inside its margin gets a hinge segment and a bar; small C widens the margin and lets more points in, large C narrows it to push them out.',
    think: 'Why does the solution depend only on the support vectors? What happens to the margin when the classes overlap and C grows?',
    about: [
      "The slides' SVM: f(x) = w·x + b, labels yᵢ = ±1 (class 0 is −1, class 1 is +1), and the hinge loss 𝓛(w, b) = (1/N) Σ max(0, 1 − yᵢ(w·xᵢ + b)). The line is w·x + b = 0 and the margins w·x + b = ±1, 2/‖w‖ apart. A point's hinge term is drawn as a segment along w to its own margin: its length is max(0, 1 − yᵢfᵢ)/‖w‖.",
      "Both solvers minimise scikit-learn's SVC objective ½‖w‖² + C Σ max(0, 1 − yᵢ(w·xᵢ + b)) with b unpenalised: exactly by SMO (`SVC({ kernel: 'linear', C })`, live while dragging), or by full-batch sub-gradient descent on (λ/2)‖w‖² + 𝓛(w, b), λ = 1/(NC), with step ηₜ = min(1, 1/(λt)). The status shows how far the steps still are from SMO's (w, b); after 20,000 steps they agree to about 10⁻².",
      'Edit the data: "Add points" then click the plane (choose the class first), "Delete mode" then click a point, or focus a point and press Delete. Arrow keys move a focused point.',
    ],
  }),
} satisfies Meta<typeof SvmMargin>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Two clouds, the exact (SMO) fit at C = 1 with its support vectors ringed. */
export const Default: Story = {};

/** C = 100: an almost hard margin, as narrow as it must be to keep points out. */
export const LargeC: Story = { name: 'Large C: a narrow margin', args: { defaultValue: { C: 100 } } };

/** C = 0.03: a wide, soft margin with many points inside it (and many support vectors). */
export const SmallC: Story = { name: 'Small C: a wide margin', args: { defaultValue: { C: 0.03 } } };

/** Sub-gradient descent from w = 0, b = 0: press Play and watch it settle on SMO's line. */
export const SubgradientSteps: Story = { name: 'Sub-gradient steps', args: { defaultValue: { solver: 'steps' } } };

/** The arrow keys move a focused point, and the status follows; Delete removes it. */
export const TestKeyboardEdit: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvasElement.querySelectorAll('[data-testid="svm-point"]')).toHaveLength(16);
    const p = canvas.getAllByRole('button', { name: /^Point 1,/ })[0];
    p.focus();
    await userEvent.keyboard('{ArrowRight}{ArrowRight}');
    await expect(args.onValueChange).toHaveBeenCalled();
    await userEvent.keyboard('{Delete}');
    await waitFor(() => expect(canvasElement.querySelectorAll('[data-testid="svm-point"]')).toHaveLength(15));
  },
};

/** Add mode: a click on the plane adds a point of the chosen class. */
export const TestAddPoint: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Add points' }));
    await userEvent.click(canvas.getByRole('radio', { name: 'class 1 (y = +1)' }));
    const area = canvas.getByTestId('add-area');
    const box = area.getBoundingClientRect();
    await fireEvent.pointerDown(area, { clientX: box.left + box.width * 0.1, clientY: box.top + box.height * 0.1, pointerId: 1 });
    await waitFor(() => expect(canvasElement.querySelectorAll('[data-testid="svm-point"][data-class="1"]')).toHaveLength(9));
  },
};

/** Delete mode: pressing a point removes it. */
export const TestDeleteMode: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Delete mode' }));
    const p = canvasElement.querySelector('[data-testid="svm-point"]')!;
    await fireEvent.pointerDown(p, { pointerId: 1 });
    await waitFor(() => expect(canvasElement.querySelectorAll('[data-testid="svm-point"]')).toHaveLength(15));
  },
};

/** Every point in one class: a message, no line, no crash. */
export const TestOneClass: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { defaultValue: { points: [[0, 0, 1], [1, 1, 1], [-1, 2, 1]] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByTestId('status')).toHaveTextContent(/One class only: nothing to separate/);
    await expect(canvasElement.querySelector('[data-testid="boundary"]')).toBeNull();
  },
};

/** After 20,000 sub-gradient steps the line is SMO's (to about 10⁻²). */
export const TestStepsAgree: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { defaultValue: { solver: 'steps', iteration: 20000 } },
  play: async ({ canvasElement }) => {
    const status = within(canvasElement).getByTestId('status');
    await expect(status).toHaveTextContent(/^Step 20000: /);
    const gap = Number(/differs from SMO by ([\d.]+)/.exec(status.textContent ?? '')![1]);
    await expect(gap).toBeLessThan(0.02);
  },
};

/** The C slider's ends stay finite: End gives C = 100, Home 0.01, and the margin is a number. */
export const TestCEnds: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const slider = canvas.getByRole('slider', { name: /Penalty C/ });
    slider.focus();
    await userEvent.keyboard('{End}');
    await expect(slider).toHaveAttribute('aria-valuetext', 'C = 100');
    await userEvent.keyboard('{Home}');
    await expect(slider).toHaveAttribute('aria-valuetext', 'C = 0.01');
    await expect(canvas.getByTestId('status')).toHaveTextContent(/margin 2\/‖w‖ = \d/);
  },
};

/**
 * Performance: one drag frame = the exact refit (SMO, linear) plus the 96 × 96 decision field,
 * for 100 points; median and 95th percentile of 40 frames in data-median-ms / data-p95-ms.
 */
export const TestDragBenchmark: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  name: 'Drag refit benchmark',
  parameters: { snapshot: false },
  args: {
    defaultValue: {
      points: Array.from({ length: 100 }, (_, i) => [((i * 37) % 80) / 10 - 4, ((i * 53) % 64) / 10 - 3.2 + (i % 2 ? 0.8 : -0.8), (i % 2) as 0 | 1] as [number, number, 0 | 1]),
    },
  },
  play: async ({ canvasElement }) => {
    const p = within(canvasElement).getAllByRole('button', { name: /^Point 1,/ })[0];
    p.focus();
    const times: number[] = [];
    for (let k = 0; k < 40; k++) {
      const t0 = performance.now();
      await userEvent.keyboard(k % 2 ? '{ArrowLeft}' : '{ArrowRight}');
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const median = times[20];
    const p95 = times[38];
    console.log(`[bench] SvmMargin drag frame (100 points): median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms`);
    canvasElement.setAttribute('data-median-ms', median.toFixed(2));
    canvasElement.setAttribute('data-p95-ms', p95.toFixed(2));
    // Reported, not asserted: stories are not timed (`pnpm bench`, test/bench/drag-frame.bench.ts, measures the drag frame).
    await expect(Number.isFinite(median)).toBe(true);
  },
};
