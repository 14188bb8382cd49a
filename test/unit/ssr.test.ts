import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

// Runs in Node with no DOM: importing and server-rendering must not touch window/document.
describe('server-side rendering', () => {
  it('imports @geolearn/ui and @geolearn/algorithms without a DOM', async () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined');
    const ui = await import('@geolearn/ui');
    const algorithms = await import('@geolearn/algorithms');
    expect(ui.LossLandscape).toBeTypeOf('function');
    expect(algorithms.LinearRegression).toBeTypeOf('function');
  });

  it('renders every component to a string', async () => {
    const ui = await import('@geolearn/ui');
    // The typesetter is lazy; a server loads it once before rendering (README, "Server rendering").
    await ui.preloadMath();
    const html = renderToString(createElement(ui.LossLandscape, { width: 400, height: 300 }));
    expect(html).toContain('Loss landscape');
    expect(html).toContain('<math');
    for (const [name, text] of [
      ['LearningRateExplorer', 'Learning rate'],
      ['SearchComparison', 'Grid search'],
      ['BatchSizeExplorer', 'Batch size'],
      ['OverfittingExplorer', 'Overfitting'],
      ['DataModelLoss', 'Data, model and loss'],
      ['LearningTypes', 'Example task'],
      ['RegularizationPaths', 'Regularisation paths: ridge, lasso and elastic net'],
      ['ModelChooser', 'More than 50 samples?'],
    ] as const) {
      const out = renderToString(createElement(ui[name] as (props: object) => ReturnType<typeof ui.LossLandscape>, {}));
      expect(out, name).toContain(text);
      expect(out, name).toContain('<math');
    }
    // Seismology (issue 8): the seismogram with its spectrogram, the quiz, the features table.
    const seismo = renderToString(createElement(ui.Seismogram, { width: 500, height: 320, showSpectrogram: true }));
    expect(seismo).toContain('role="slider"');
    expect(seismo).toContain('<math');
    expect(renderToString(createElement(ui.SpotTheSeismogram, { defaultValue: { choice: 1, revealed: true } }))).toContain('Series B');
    expect(renderToString(createElement(ui.WaveformFeatures, { defaultValue: { eventClass: 'VT' } }))).toContain('Shannon entropy (30 bins)');
    expect(renderToString(createElement(ui.LossLandscape, { defaultValue: { view: 'surface', optimizers: ['gd', 'adam'], objective: 'rosenbrock' } }))).toContain('3-D surface');
  });
  // Neural networks (issue 7): no model is loaded and no TF.js runs on the server.
  it('renders the neural-network explainers to a string', async () => {
    // The MNIST explainers are in their own entry (their assets stay out of apps that do not use them).
    const ui = { ...(await import('@geolearn/ui')), ...(await import('@geolearn/ui/mnist')) };
    for (const [name, text] of [
      ['Neuron', 'A neuron'],
      ['ConvolutionExplorer', 'Convolution'],
      ['XorNet', 'Solving XOR'],
      ['Playground', 'Neural network playground'],
      ['DigitDrawingPad', 'Draw your number here'],
      ['FeatureMaps', 'What the CNN sees'],
      ['Backpropagation', 'Backpropagation'],
      ['PoolingStride', 'Pooling, stride and padding'],
      ['ParameterCount', 'Parameters: fully connected against convolution'],
    ] as const) {
      const out = renderToString(createElement(ui[name] as (props: object) => ReturnType<typeof ui.LossLandscape>, {}));
      expect(out, name).toContain(text);
      expect(out, name).toContain('<math');
    }
  });
  // Classification (issue 14).
  it('renders the classification explainers to a string', async () => {
    const ui = await import('@geolearn/ui');
    for (const [name, text] of [
      ['SvmMargin', 'SVM: the margin and the hinge loss'],
      ['KernelTrick', 'The kernel trick'],
      ['ConfusionMatrix', 'The confusion matrix'],
      ['Representation', 'Representation matters'],
      ['TreeAndForest', 'Decision trees and random forests'],
    ] as const) {
      const out = renderToString(createElement(ui[name] as (props: object) => ReturnType<typeof ui.LossLandscape>, {}));
      expect(out, name).toContain(text);
      expect(out, name).toContain('<math');
    }
  });
  // Unsupervised learning (issue 15).
  it('renders the unsupervised-learning explainers to a string', async () => {
    const ui = await import('@geolearn/ui');
    for (const [name, text] of [
      ['KMeansStepper', 'k-means, step by step'],
      ['PcaExplorer', 'Principal component analysis'],
      ['Dbscan', 'DBSCAN, grown step by step'],
      ['GaussianMixtureEm', 'Gaussian mixture: EM step by step'],
      ['KernelPcaExplorer', 'Kernel PCA against linear PCA'],
      ['IcaVsPca', 'ICA against PCA: blind source separation'],
      ['SpectralSteps', 'Spectral clustering, step by step'],
      ['ClusteringComparison', 'Clustering: five methods on six data sets'],
    ] as const) {
      const out = renderToString(createElement(ui[name] as (props: object) => ReturnType<typeof ui.LossLandscape>, {}));
      expect(out, name).toContain(text);
      expect(out, name).toContain('<math');
    }
  });
  // The TF.js explainers (issues 14, 15, 16) and the point-cloud one: no model loads, no TF.js
  // runs and no worker starts on the server; each renders its frame and its maths.
  it('renders the seismic deep-learning, manifold and lidar explainers to a string', async () => {
    const ui = { ...(await import('@geolearn/ui')), ...(await import('@geolearn/ui/mnist')), ...(await import('@geolearn/ui/seismic')) };
    for (const name of ['SeismicClassifier', 'Manifold', 'LidarClassification', 'EventDetector', 'PhasePicker', 'TransferLearning', 'Autoencoder'] as const) {
      const out = renderToString(createElement(ui[name] as (props: object) => ReturnType<typeof ui.LossLandscape>, {}));
      expect(out, name).toContain('gl-explainer');
      expect(out, name).toContain('<math');
    }
  });
});
