import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fireEvent, fn, userEvent, waitFor, within } from 'storybook/test';
import { RegularizationPaths } from '@geolearn/ui';
import { explainerParameters } from '../gallery';

const meta = {
  title: '3 Regression/Regularization paths',
  component: RegularizationPaths,
  args: { width: 900, height: 360, onValueChange: fn() },
  parameters: explainerParameters('regularization-paths', {
    try: 'Drag the λ line on the weights chart from left to right (or focus its handle and press the arrow keys). Then switch between Lasso, Ridge and Elastic net.',
    notice: 'As λ grows the lasso sets the weights exactly to 0 one after the other (the circles mark where each enters as λ shrinks): bmi and s5 stay longest. Ridge shrinks every weight smoothly and never to 0. The test error is flat for small λ, then climbs once the useful weights are pushed down.',
    think: 'With 10 features and 354 training patients, why does regularisation hardly lower the test error here? What would change with 50 features, or 30 patients?',
    about: [
      'The diabetes data of Efron, Hastie, Johnstone and Tibshirani (2004): ten baseline measurements of 442 patients (age, sex, body mass index, blood pressure, six blood serum values) and a measure of disease progression one year later. The rows are split 80/20 and the features z-scored on the training rows, so that the weights are comparable (progression per standard deviation of the feature). The default split (seed 11) is one where a moderate λ lowers the test error; press “New 80/20 split” to see how much that varies from split to split: with 354 training patients and 10 features, regularisation helps only a little on average.',
      'Each model minimises 𝓛_𝓡 = (1/2N)‖y − Xw − b‖² + λ(ρ‖w‖₁ + ½(1 − ρ)‖w‖²) with ρ = 1 (lasso), ½ (elastic net) or 0 (ridge). This is scikit-learn’s scaling and the one the code computes: `Lasso` and `ElasticNet` take alpha = λ, `Ridge` minimises ‖y − Xw − b‖² + α‖w‖² and is called with α = Nλ. The penalty leaves out the intercept b.',
      'The paths are fitted with our `Lasso`, `ElasticNet` and `Ridge` at 49 values of λ (8 per decade); they match scikit-learn 1.2.1’s `lasso_path` and `enet_path` to about 1e−10 (algorithms/test/linear_model/paths.test.ts). The lasso path is piecewise linear in λ, so where a weight enters is found between two grid points.',
    ],
  }),
} satisfies Meta<typeof RegularizationPaths>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The lasso at λ = 1: two of the ten weights are already exactly 0. */
export const Default: Story = {};

/** Ridge: every weight shrinks smoothly towards 0, none reaches it. */
export const Ridge: Story = { args: { defaultValue: { model: 'ridge', lambda: 10 } } };

/** The elastic net (ρ = ½): zeros like the lasso, shrinkage like ridge. */
export const ElasticNet: Story = { name: 'Elastic net', args: { defaultValue: { model: 'enet', lambda: 3 } } };

/** A strong lasso (λ = 20): only bmi and s5 are left. */
export const StrongLasso: Story = { name: 'Strong lasso', args: { defaultValue: { model: 'lasso', lambda: 20 } } };

const nonzero = (el: HTMLElement) => Number(el.getAttribute('data-nonzero'));

/** Dragging λ up with the keyboard zeroes lasso weights; at the top end none is left. */
export const TestLassoZeros: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const status = canvas.getByTestId('status');
    await expect(nonzero(status)).toBe(8);
    const handle = canvas.getByRole('button', { name: /Regularisation strength λ/ });
    handle.focus();
    await userEvent.keyboard('{Shift>}{ArrowRight}{/Shift}');
    await waitFor(() => expect(status).toHaveTextContent(/λ = 3\.16/));
    await expect(nonzero(status)).toBeLessThan(8);
    await userEvent.keyboard('{End}');
    await waitFor(() => expect(nonzero(status)).toBe(0));
    await waitFor(() => expect(status.getAttribute('data-path')).toBe('done'), { timeout: 5000 });
    await expect(canvasElement.querySelectorAll('.gl-rp-entry').length).toBeGreaterThan(5);
  },
};

/** Ridge keeps all ten weights at any λ; a new split changes the test error. */
export const TestRidgeAndSplit: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { defaultValue: { lambda: 100 } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const status = canvas.getByTestId('status');
    await expect(nonzero(status)).toBe(0);
    await userEvent.click(canvas.getByRole('radio', { name: 'Ridge' }));
    await expect(nonzero(status)).toBe(10);
    const before = status.getAttribute('data-test-mse');
    fireEvent.click(canvas.getByRole('button', { name: 'New 80/20 split' }));
    await waitFor(() => expect(status.getAttribute('data-test-mse')).not.toBe(before));
    await expect(args.onValueChange).toHaveBeenLastCalledWith({ model: 'ridge', lambda: 100, seed: 12 });
  },
};
