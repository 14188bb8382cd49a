import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fireEvent, fn, userEvent, waitFor, within } from 'storybook/test';
import { ConfusionMatrix } from '@geolearn/ui';
import { explainerParameters } from '../gallery';

const meta = {
  title: '4 Classification/Confusion matrix',
  component: ConfusionMatrix,
  args: { width: 960, seed: 0, onValueChange: fn() },
  parameters: explainerParameters('confusion-matrix', {
    try: 'Hover a cell of the matrix (or Tab into it and use the arrow keys): the terms it enters light up in the formulas. Then slide the threshold t to either end, and switch to the slides’ Table 3.',
    notice: 'Raising t moves counts from the predicted-1 column to the predicted-0 column: precision of class 1 rises, its recall falls. On Table 3 the accuracy, 93.5 %, is barely above the 91.2 % of a classifier that always says LP; the rare classes’ precision is below 50 %.',
    think: 'A volcano observatory wants to miss no explosion (EXP). Which number of the report should it watch, and which way should it move the threshold of the EXP class?',
    about: [
      'The confusion matrix C counts the test samples of true class i predicted as j. scikit-learn’s confusion_matrix puts the true classes in rows; the slides’ Table 3 puts the predicted classes in rows (the Transpose toggle flips the grid). The diagonal holds the correct answers: TPₖ = Cₖₖ. Off the diagonal, a cell (true i, predicted j) is a false negative of class i and a false positive of class j.',
      'accuracy = Σₖ Cₖₖ / N; precisionₖ = TPₖ / (TPₖ + FPₖ) sums the column of predicted k; recallₖ = TPₖ / (TPₖ + FNₖ) sums the row of true k; F₁ = 2PR/(P + R). The macro average weighs every class alike, the weighted average by support, so it follows the majority class as accuracy does.',
      'Table 3’s “Accuracy” row is each class’s recall. Recomputed from its counts, EXP precision is 29/62 = 46.8 % (printed 47.8 %) and TOR recall 28/32 = 87.5 % (printed 84.6 %); VT, EXP and HYB recall also differ by a few tenths (92.1, 60.4, 87.4 % against 92.2, 59.8, 87.1 %). The live classifier is a LogisticRegression fitted on 80 % of the points (trainTestSplit, stratified), scored on the other 20 %, with confusionMatrix and classificationReport of @geolearn/algorithms.',
    ],
  }),
} satisfies Meta<typeof ConfusionMatrix>;
export default meta;
type Story = StoryObj<typeof meta>;

/** A logistic regression on two imbalanced blobs, its test-set confusion matrix and report. */
export const Default: Story = {};

/** The slides' Table 3, printed rows = predicted class, with its percentages recomputed. */
export const Table3: Story = { name: 'Table 3 of the slides', args: { defaultValue: { source: 'table3' } } };

/** Table 3 with the cell (true LP, predicted TR) focused: 3,000 LP events called TR. */
export const Table3Cell: Story = { name: 'Table 3: one cell’s terms', args: { defaultValue: { source: 'table3', cell: [0, 1] } } };

/** A high threshold t = 0.85: fewer points called 1, higher precision, lower recall. */
export const HighThreshold: Story = { name: 'High threshold', args: { defaultValue: { threshold: 0.85 } } };

/** Three classes (moons have two): the decision regions of a softmax. */
export const ThreeClasses: Story = { name: 'Three classes', args: { defaultValue: { dataset: 'blobs3' } } };

const TEST = ['!dev', '!autodocs', 'test', 'gl-test'];

/** Focusing a cell marks its role and the arrow keys move between cells. */
export const TestCellFocus: Story = {
  tags: TEST,
  args: { defaultValue: { source: 'table3' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const lp = canvas.getByTestId('cell-0-0');
    // React applies the focus's state update after the event (a microtask): wait for the render.
    lp.focus();
    await waitFor(() => expect(lp).toHaveAttribute('data-role', 'tp'));
    await userEvent.keyboard('{ArrowDown}');
    const next = canvas.getByTestId('cell-0-1');
    await expect(next).toHaveFocus();
    await waitFor(() => expect(next).toHaveAttribute('data-role', 'fn-fp'));
    await waitFor(() => expect(canvas.getByTestId('formulas')).toHaveAttribute('data-role', 'fn-fp'));
    await waitFor(() => expect(canvas.getByTestId('status')).toHaveTextContent(/true LP predicted TR/));
  },
};

/** Table 3's recomputed percentages: 5 differ from the printed ones. */
export const TestTable3: Story = {
  tags: TEST,
  args: { defaultValue: { source: 'table3' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByTestId('status')).toHaveTextContent(/Accuracy 93\.5 %; always predicting LP would score 91\.2 %/);
    await expect(canvas.getByTestId('mismatches')).toHaveTextContent(/EXP precision: 46\.8 %, printed 47\.8 %/);
    await expect(canvas.getByTestId('mismatches')).toHaveTextContent(/TOR recall: 87\.5 %, printed 84\.6 %/);
    await userEvent.click(canvas.getByRole('button', { name: /Transpose/ }));
    await expect(canvas.getByTestId('matrix').getAttribute('data-rows')).toBe('true');
  },
};

/** The threshold at its low end: more points called 1, the test set's total unchanged. */
export const TestThreshold: Story = {
  tags: TEST,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const count = (i: number, j: number) => Number(canvas.getByTestId(`cell-${i}-${j}`).textContent);
    const before = count(0, 1) + count(1, 1);
    const slider = canvas.getByRole('slider', { name: /Threshold/ });
    fireEvent.keyDown(slider, { key: 'Home' });
    // The new counts render after the event: wait for them.
    await waitFor(() => expect(count(0, 1) + count(1, 1)).toBeGreaterThan(before));
    await expect(count(0, 0) + count(0, 1) + count(1, 0) + count(1, 1)).toBe(50);
  },
};
