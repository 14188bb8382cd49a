import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { PcaExplorer } from '@geolearn/ui';
import { explainerParameters } from '../gallery';

const meta = {
  title: '8 Unsupervised learning/PCA explorer',
  component: PcaExplorer,
  args: { width: 440, height: 440, seed: 0, onValueChange: fn() },
  parameters: explainerParameters('pca-explorer', {
    try: 'Drag the ring at the end of the long axis to rotate and stretch the cloud, and watch the covariance matrix change. Then choose 2 Eigenvectors, and 3 Project, and press Project the samples.',
    notice: 'The eigenvectors point along the cloud\'s axes whatever its orientation, and C v and λ v come out equal. Projected onto the first eigenvector, the samples lose only their spread along the second: the reconstruction error is λ₂, the variance left out.',
    think: 'When the cloud is round (σ₁ = σ₂), which direction is the first principal component? What does the explained variance ratio say then?',
    about: [
      'Principal component analysis, in the slide\'s three steps. (1) Compute the data covariance matrix C = XcᵀXc / (n − 1) of the centred samples Xc = X − μ; its ellipse (two standard deviations) shows it. (2) Compute the eigenvectors: C vᵢ = λᵢ vᵢ, with λ₁ ≥ λ₂ the variances along them; each is drawn as an arrow √λᵢ vᵢ from the mean, and C v and λ v are computed side by side to check the eigen-equation. (3) Project the data onto the eigenvectors: the scores zᵢ = vᵢᵀ(x − μ), and the reconstruction from the first k components x̂ = μ + Σ_{i≤k} zᵢ vᵢ.',
      'The explained variance ratio λᵢ / (λ₁ + λ₂) says how much of the spread each component carries; keeping k = 1 component costs a mean squared reconstruction error of λ₂ (times (n − 1)/n).',
      'The SVD view takes a small matrix A (edit it) apart as A = UΣVᵀ: Vᵀ turns the plane so that the right singular vectors v₁, v₂ lie on the axes, Σ stretches the axes by σ₁ ≥ σ₂, and U turns them onto the left singular vectors, so the unit circle becomes the ellipse A·circle with semi-axes A vᵢ = σᵢ uᵢ. PCA is the SVD of the centred samples Xc = UΣVᵀ: the rows of Vᵀ are the principal axes and λᵢ = σᵢ²/(n − 1).',
      'The fit is `PCA` from @geolearn/algorithms (scikit-learn\'s, through the SVD of the centred data); its components are checked against the closed-form eigen-decomposition of the 2×2 covariance in the unit tests.',
    ],
  }),
} satisfies Meta<typeof PcaExplorer>;
export default meta;
type Story = StoryObj<typeof meta>;

/** A stretched, tilted cloud and its covariance matrix: step 1. */
export const Default: Story = {};

/** Step 2: the eigenvectors, scaled by √λ, with C v = λ v checked. */
export const Eigenvectors: Story = { args: { defaultValue: { step: 2 } } };

/** Step 3: the samples projected onto the first principal component. */
export const Projected: Story = { args: { defaultValue: { step: 3, projected: true } } };

/** A nearly round cloud: the two variances are close, and the first axis is poorly defined. */
export const RoundCloud: Story = { name: 'Round cloud', args: { defaultValue: { step: 2, spread: [1, 0.9] } } };

/** The SVD view: a small matrix A = UΣVᵀ, what each factor does to the unit circle, and the SVD of the centred samples. */
export const SvdView: Story = { name: 'SVD view', args: { defaultValue: { step: 2, svd: true } } };

/** The three steps in turn: the eigen check agrees, and k = 2 reconstructs exactly. */
export const TestSteps: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.queryByTestId('eigen-check')).toBeNull();
    await userEvent.click(canvas.getByRole('radio', { name: '2 Eigenvectors' }));
    const rows = canvas.getByTestId('eigen-check').querySelectorAll('tbody tr');
    await expect(rows).toHaveLength(2);
    for (const r of rows) await expect(Number(r.getAttribute('data-gap'))).toBeLessThan(1e-9);
    await userEvent.click(canvas.getByRole('radio', { name: '3 Project' }));
    await expect(canvas.getByTestId('status')).toHaveTextContent(/k = 1 keeps/);
    await userEvent.click(canvas.getByRole('radio', { name: 'k = 2' }));
    await expect(Number(canvas.getByTestId('reconstruction-error').getAttribute('data-error'))).toBeLessThan(1e-9);
  },
};

/** Project the samples: they slide onto the first principal axis. */
export const TestProject: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Project the samples' }));
    await waitFor(() => expect(canvas.getByTestId('points')).toHaveAttribute('data-t', '1.00'), { timeout: 3000 });
  },
};

/** The arrow keys on the long-axis ring rotate the cloud: C₁₂ changes. */
export const TestKeyboardRotate: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const before = canvas.getByTestId('c12').textContent;
    const handle = canvas.getByRole('button', { name: /Long axis/ });
    handle.focus();
    await userEvent.keyboard('{Shift>}{ArrowDown}{ArrowDown}{ArrowDown}{/Shift}');
    await expect(canvas.getByTestId('c12').textContent).not.toBe(before);
  },
};

/** The SVD view: σ² / (n − 1) of the centred samples equals λ, and editing A changes Σ. */
export const TestSvd: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { defaultValue: { step: 2 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'SVD view' }));
    const lambda = canvas.getByTestId('data-svd').getAttribute('data-lambda')!.split(',').map(Number);
    await expect(canvas.getByTestId('status')).toHaveTextContent(`λ₁ = ${lambda[0].toFixed(3)}`);
    const before = canvas.getByTestId('svd-numbers').getAttribute('data-s');
    const a12 = canvas.getByTestId('a12');
    await userEvent.clear(a12);
    await userEvent.type(a12, '0');
    await userEvent.tab();
    await expect(canvas.getByTestId('svd-numbers').getAttribute('data-s')).not.toBe(before);
  },
};

/** A flat cloud (σ₁ = σ₂ = 0): every sample identical, a message and no throw. */
export const TestIdentical: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { defaultValue: { spread: [0, 0] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByTestId('status')).toHaveTextContent(/identical/);
  },
};
