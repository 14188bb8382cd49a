import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { ModelChooser } from '@geolearn/ui';
import { explainerParameters } from '../gallery';

const meta = {
  title: '3 Regression/Model chooser',
  component: ModelChooser,
  args: { width: 960, height: 560, onValueChange: fn() },
  parameters: explainerParameters('model-chooser', {
    try: 'Answer the questions for the diabetes data of the regularisation paths: 442 samples, predicting a quantity (disease progression), and only a few of the ten features should matter.',
    notice: 'The path lights up as you answer and ends at Lasso or ElasticNet, which link to the regularisation-path explainer. Press Back, answer “No” to “few features?”, and the sheet suggests Ridge instead; “Not working? Go on” leads to the kernel and ensemble methods.',
    think: 'The sheet asks about the number of samples before anything else. Why does the size of the data set decide between an SVC and an SGD classifier?',
    about: [
      'scikit-learn’s cheat sheet “Choosing the right estimator”, as a tree: questions (rounded boxes), suggestions and dead ends (square boxes, with a stripe in their area’s colour: classification, clustering, regression, dimensionality reduction). “✗” edges are “not working?”: try the next suggestion.',
      'As the slides say, model selection is made by experience or trial and error: the sheet gives a first model, the test error on held-out data decides.',
      'Keyboard: the question is a labelled group with its Yes and No buttons; after an answer the focus moves to the next question, and the status says it. The nodes already passed are buttons that go back to them; Back and Restart are in the controls. Below 640 px the tree becomes the list of the steps taken.',
    ],
  }),
} satisfies Meta<typeof ModelChooser>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The first question: more than 50 samples? */
export const Default: Story = {};

/** The diabetes regression: a quantity, < 100k samples, few features important → Lasso, ElasticNet. */
export const Regression: Story = { args: { defaultValue: { answers: ['yes', 'no', 'yes', 'yes', 'yes'] } } };

/** Unlabelled data with a known number of groups → KMeans. */
export const Clustering: Story = { args: { defaultValue: { answers: ['yes', 'yes', 'no', 'yes', 'yes'] } } };

/** Labelled, not text, linear SVC not working → k-nearest neighbours. */
export const Classification: Story = { args: { defaultValue: { answers: ['yes', 'yes', 'yes', 'yes', 'next', 'no'] } } };

/** Answer the regression questions with the keyboard: the path ends at Lasso, linked to our explainer; Back and Restart. */
export const TestRegressionPath: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const status = canvas.getByTestId('status');
    await expect(status).toHaveTextContent('Question 1: More than 50 samples?');
    const group = canvas.getByRole('group', { name: 'More than 50 samples?' });
    await userEvent.click(within(group).getByRole('button', { name: 'Yes' }));
    await expect(status).toHaveTextContent('Question 2: Are you predicting a category?');
    await userEvent.click(canvas.getByRole('button', { name: 'No' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Yes' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Yes' }));
    await expect(status).toHaveTextContent('Question 5: Should only a few features be important?');
    await userEvent.click(canvas.getByRole('button', { name: 'Yes' }));
    await expect(status).toHaveTextContent('Try: Lasso or ElasticNet.');
    const link = canvas.getByRole('link', { name: /Lasso/ });
    await expect(link.getAttribute('href')).toBe('?path=/story/3-regression-regularization-paths--default');
    await expect(canvasElement.querySelectorAll('.gl-mc-edge[data-on-path]').length).toBe(5);
    await expect(args.onValueChange).toHaveBeenLastCalledWith({ answers: ['yes', 'no', 'yes', 'yes', 'yes'] });
    await userEvent.click(canvas.getByRole('button', { name: 'Back' }));
    await expect(status).toHaveTextContent('Question 5');
    await userEvent.click(canvas.getByRole('button', { name: 'Restart' }));
    await expect(status).toHaveAttribute('data-step', '0');
  },
};

/** A passed node in the tree is a button: Enter on it goes back there. */
export const TestGoBackFromTree: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { defaultValue: { answers: ['yes', 'yes', 'no', 'yes', 'yes'] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const status = canvas.getByTestId('status');
    await expect(status).toHaveTextContent('Try: KMeans. Not working? Go on.');
    await expect(canvas.getByRole('link', { name: /KMeans/ }).getAttribute('href')).toBe('?path=/story/8-unsupervised-learning-k-means-step-by-step--default');
    canvas.getByRole('button', { name: /Go back to: Do you have labelled data\?$/ }).focus();
    await userEvent.keyboard('{Enter}');
    await expect(status).toHaveTextContent('Question 3: Do you have labelled data?');
  },
};
