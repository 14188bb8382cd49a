import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { SeismicClassifier } from '@geolearn/ui/seismic';
import { explainerParameters } from '../gallery';

const meta = {
  title: '4 Classification/Seismic classifier',
  component: SeismicClassifier,
  args: { width: 960, seed: 0, onValueChange: fn() },
  parameters: explainerParameters('seismic-classifier', {
    try: 'Read the held-out confusion matrix of the random forest on Table 1’s features, then press “Train the CNN” and watch the second matrix fill in. Lower the SNR to 2 and train again; switch to Table 3’s imbalance; untick feature groups.',
    notice: 'At a high SNR both representations classify almost every held-out event; at SNR 2 both lose 20 to 30 points, and which one wins depends on the draw. The ablation shows that the spectral features alone do most of the work. With Table 3’s imbalance, accuracy is high while the rare classes’ recall collapses.',
    think: 'The CNN learns its filters from 168 traces; the features were designed by people who had seen thousands. What would change with 60,000 labelled events, as at Ubinas?',
    about: [
      'The events come from makeVolcanicDataset of @geolearn/algorithms: long-period (LP), tremor (TR), volcano-tectonic (VT), explosion (EXP), hybrid (HYB) and tornillo (TOR), each generated from its textbook signature (20 s at 50 Hz) with seismic noise at the chosen SNR. Table 1’s 34 descriptors are computed in the temporal, spectral and cepstral domains (waveformFeatureMatrix: 102 numbers per event), standardised with the training set’s mean and standard deviation, and fed to a RandomForestClassifier (50 trees), an SVC (RBF, C = 10) or a LogisticRegression, fitted on a stratified 70 % and scored on the other 30 %.',
      'The CNN is a 1-D convolutional network on the raw traces (each scaled to a peak of 1): three blocks of 8, 16 and 16 filters of 9 samples with ReLU and max-pooling by 4, a dense layer of 32 units, dropout and a softmax over the six classes, about 11,500 weights, trained with Adam (η = 0.003, batches of 16) for 20 epochs in a Web Worker on TF.js. It sees the same split as the features.',
      'Held-out accuracy measured by scripts/seismic-classifier-accuracy.ts (300 balanced events, 90 held out, CNN 30 epochs, mean of seeds 0–4): at SNR 10, random forest 96.9 %, SVC 97.8 %, logistic regression 97.6 %, CNN 93.1 %; at SNR 2, 74.0 %, 67.5 %, 74.0 % and 71.3 %. Seed to seed the spread is ±5 points, as large as the gap. The matrices print recall under each true class and precision under each predicted class, as Table 3; “Rows = predicted” prints them the slide’s way round.',
    ],
  }),
} satisfies Meta<typeof SeismicClassifier>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Balanced classes at SNR 10: the random forest on the 102 features, held out. */
export const Default: Story = {};

/** Noisy events (SNR 2): both representations lose ground. */
export const LowSnr: Story = { name: 'Low SNR', args: { defaultValue: { snr: 2 } } };

/** Table 3’s imbalance, printed as the slide (rows = predicted): accuracy follows LP. */
export const Imbalanced: Story = { name: 'Table 3’s imbalance', args: { defaultValue: { balance: 'slides', rows: 'predicted' } } };

/** The spectral features only, with a logistic regression. */
export const SpectralOnly: Story = { name: 'Spectral features only', args: { defaultValue: { domains: ['spectral'], classifier: 'logistic' } } };

const TEST = ['!dev', '!autodocs', 'test', 'gl-test'];

/** The features are fitted and scored; changing the classifier refits; Rows = predicted transposes both grids. */
export const TestFeatures: Story = {
  tags: TEST,
  args: { nSamples: 90 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByTestId('ablation')).toHaveAttribute('data-state', 'done'), { timeout: 20000 });
    await expect(canvas.getByTestId('status')).toHaveTextContent(/Random forest on temporal \+ spectral \+ cepstral features: \d+\.\d % of 27 held-out events/);
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Classifier' }), 'svc');
    await waitFor(() => expect(canvas.getByTestId('status')).toHaveTextContent(/SVC \(RBF\) on temporal/), { timeout: 20000 });
    await userEvent.click(canvas.getByTestId('transpose'));
    await expect(canvas.getByTestId('features-side').querySelector('[data-testid="matrix"]')).toHaveAttribute('data-rows', 'predicted');
  },
};

/** The CNN trains in the worker with a progress bar and fills the second matrix. */
export const TestCnn: Story = {
  tags: TEST,
  args: { nSamples: 60, epochs: 3 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // The events are generated in the fit worker first: the button waits for them.
    await waitFor(() => expect(canvas.getByTestId('train-cnn')).toBeEnabled(), { timeout: 20000 });
    await userEvent.click(canvas.getByTestId('train-cnn'));
    await waitFor(() => expect(canvas.getByTestId('cnn-side')).toHaveAttribute('data-state', 'done'), { timeout: 60000 });
    await expect(canvas.getByTestId('cnn-accuracy')).toHaveTextContent(/accuracy \d+\.\d %/);
    await expect(canvas.getByTestId('epoch-strip')).toHaveTextContent(/epoch 3/);
    await expect(canvas.getByTestId('status')).toHaveTextContent(/CNN on raw waveforms: \d+\.\d %/);
  },
};
