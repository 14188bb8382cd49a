import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fireEvent, fn, waitFor, within } from 'storybook/test';
import { OverfittingExplorer } from '@geolearn/ui';
import { explainerParameters } from '../gallery';

const meta = {
  title: '3 Regression/Overfitting',
  component: OverfittingExplorer,
  args: { width: 900, height: 280, seed: 0, onValueChange: fn() },
  parameters: explainerParameters('overfitting', {
    try: 'Raise the degree d from 1 to 15 and watch both errors. Then, at degree 15, raise the ridge strength λ.',
    notice: 'The training error only ever falls as d grows; the test error falls, then rises once the curve starts threading between the training points. A little λ brings the test error back down.',
    think: 'You only ever see the training error while fitting. How would you choose d and λ without looking at the test set?',
    about: [
      'Having a loss close to 0 does not mean that the model generalises. A polynomial f_θ(x) = θ₀ + θ₁x + … + θ_d x^d is fitted to noisy samples of sin(πx), split into a training set (filled) and a test set (hollow). Raising the degree d lowers the training error; the test error falls, then rises: the model-complexity curve.',
      'Ridge regularisation adds a penalty 𝓛_R = 𝓛 + λ𝓡 with 𝓡 = ‖θ‖² (the intercept is not penalised), which tames a high-degree fit. The learning curves show the training and test error against the training-set size m.',
    ],
  }),
} satisfies Meta<typeof OverfittingExplorer>;
export default meta;
type Story = StoryObj<typeof meta>;

/** A cubic fit, which generalises. */
export const Default: Story = {};

/** Degree 15 without a penalty: the training error is tiny, the test error is not. */
export const Degree15: Story = { args: { defaultValue: { degree: 15 } } };

const errors = (el: HTMLElement) => ({ train: Number(el.getAttribute('data-train')), test: Number(el.getAttribute('data-test')) });

/** Degree 3 generalises; degree 15 overfits: lower training error, higher test error. */
export const TestDegree15: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const status = canvas.getByTestId('status');
    const e3 = errors(status);
    await fireEvent.change(canvas.getByRole('slider', { name: /Degree/ }), { target: { value: '15' } });
    await expect(canvas.getByTestId('degree')).toHaveTextContent('15');
    const e15 = errors(status);
    await expect(e15.train).toBeLessThan(e3.train);
    await expect(e15.test).toBeGreaterThan(e3.test);
    await expect(status).toHaveTextContent(/overfitting/);
  },
};

/** Ridge on the degree-15 fit: the penalty term appears and the test error falls. */
export const TestRidge: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { defaultValue: { degree: 15 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const status = canvas.getByTestId('status');
    const before = errors(status);
    await expect(canvas.getByTestId('lambda')).toHaveTextContent('λ = 0 (no penalty)');
    await fireEvent.change(canvas.getByRole('slider', { name: /Ridge strength/ }), { target: { value: '-3' } });
    await expect(canvas.getByTestId('lambda')).toHaveTextContent('λ = 0.001');
    await expect(errors(status).test).toBeLessThan(before.test);
    await expect(errors(status).train).toBeGreaterThan(before.train);
  },
};

/** Degree 1 underfits: both errors are high and close. */
export const TestUnderfit: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await fireEvent.change(canvas.getByRole('slider', { name: /Degree/ }), { target: { value: '1' } });
    await expect(canvas.getByTestId('status')).toHaveTextContent(/underfitting/);
    await expect(canvas.getByTestId('complexity-curve').getAttribute('data-points')).toBe('15,15');
  },
};

/**
 * Issue 13, "Other" defects: the slide's 80/20 split by default (32 training and 8 test points of
 * 40, said in the caption); the penalty is written over the weights only, λ‖w‖², and one line says
 * the intercept θ₀ is not penalised; numbers carry the minus sign "−".
 */
export const TestDefectsSplitAndPenalty: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { defaultValue: { degree: 15 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvasElement.querySelector('.gl-caption')).toHaveTextContent(/split 80\/20/);
    await expect(canvas.getByTestId('fit-panel')).toHaveAccessibleName(/The 32 training points \(filled\) and 8 test points \(hollow\)/);
    await expect(canvas.getByText('8 test points (hollow)')).toBeInTheDocument();
    const maths = canvasElement.querySelector('.gl-maths')!;
    await expect(maths.textContent).toMatch(/‖\s*𝐰\s*‖|‖w‖|‖\s*w\s*‖/u);
    await expect(maths.textContent).not.toMatch(/‖\s*θ\s*‖/u);
    await expect(canvas.getByTestId('penalty-note')).toHaveTextContent(/weights .* only: the intercept θ₀ is not penalised/);
    fireEvent.change(canvas.getByRole('slider', { name: /Ridge strength/ }), { target: { value: '-3' } });
    await waitFor(() => expect(canvas.getByTestId('lambda')).toHaveTextContent('λ = 0.001'));
    await expect(canvasElement.innerText).not.toMatch(/(^|[\s(=,:[])-\d/m);
  },
};
