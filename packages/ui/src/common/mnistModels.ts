/**
 * The trained MNIST models shipped with the UI package (written by `pnpm train:mnist` into
 * packages/ui/assets/models): their types and layer names. Nothing here imports TensorFlow.js:
 * the runtime (./mnistRuntime.ts: TF.js, the backend, the model and WASM URLs) is loaded with
 * a dynamic `import()` when a component that needs it mounts (see ./useMnistModel.ts), so that
 * it lands in a lazy chunk of the app.
 */
import type { SavedModelJSON } from '@geolearn/algorithms/nn';

/** The two models of the slides: the fully connected 784-128-10 network and the small CNN. */
export type MnistModelKind = 'fc' | 'cnn';

/**
 * Where a model comes from: URLs of its model.json and weights.bin, or the loaded data; with
 * an optional `temperature` T > 0 for its probabilities, softmax(log p / T) (default 1; the
 * shipped models' T comes from their calibration.json).
 */
export type MnistModelSource = ({ modelUrl: string; weightsUrl: string } | { modelJSON: SavedModelJSON; weightData: ArrayBuffer | ArrayBufferView }) & { temperature?: number };

/** Loads the MNIST runtime (TF.js and the model loaders) on first use; one chunk, cached by the module system. */
export const loadMnistRuntime = () => import('./mnistRuntime');

/** Display names of the layers of a model, by type and position. */
export function layerTitle(type: string, index: number, count: Record<string, number>): string {
  count[type] = (count[type] ?? 0) + 1;
  const k = count[type];
  switch (type) {
    case 'input': return 'Input layer';
    case 'conv2d': return `Convolution layer ${k}`;
    case 'maxPool2d': return `Downsampling layer ${k}`;
    case 'dense': return `Fully-connected layer ${k}`;
    case 'flatten': return 'Flatten';
    case 'dropout': return 'Dropout';
    default: return `${type} ${index}`;
  }
}
