/**
 * Saving and loading the seismic models as standard TF.js layers models: a `model.json`
 * (topology + weights manifest, `format: 'layers-model'`) and one `weights.bin`, the files
 * `tf.loadLayersModel` reads. Done in memory (`tf.io.withSaveHandler` / `tf.io.fromMemory`) so
 * that Node scripts write them with node:fs and browsers load them from asset URLs or a worker's
 * ArrayBuffers, with no file-system or HTTP handler inside the library.
 */
import * as tf from '@tensorflow/tfjs';
import { ValidationError } from '../../core/errors';

/** The `model.json` of a TF.js layers model, as written by {@link saveLayersModel}. */
export interface LayersModelJSON {
  /** Keras-style topology of the model. */
  modelTopology: object;
  /** One group naming the weights file and the weights in it, in order. */
  weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
  /** Always 'layers-model'. */
  format: 'layers-model';
  /** Who wrote it. */
  generatedBy: string;
  /** Unused (null): not converted from Keras. */
  convertedBy: null;
  /** Free-form facts about the training run (data, metrics, time), kept with the weights. */
  userDefinedMetadata?: Record<string, unknown>;
}

/** The two files of a saved model. */
export interface SavedLayersModel {
  /** Contents of model.json. */
  modelJSON: LayersModelJSON;
  /** Contents of weights.bin. */
  weightData: ArrayBuffer;
}

/**
 * Serialises a layers model into the contents of `model.json` and `weights.bin` (the
 * weights file is named `weightsPath`, default 'weights.bin'). Training-only settings
 * (optimizer, loss) are not saved: the shipped files are for inference and fine-tuning.
 */
export async function saveLayersModel(model: tf.LayersModel, metadata: Record<string, unknown> = {}, weightsPath = 'weights.bin'): Promise<SavedLayersModel> {
  let saved: SavedLayersModel | null = null;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const data = artifacts.weightData;
      if (!data) throw new Error('saveLayersModel: the model has no weights');
      const weightData = data instanceof ArrayBuffer ? data : tf.io.concatenateArrayBuffers(data);
      saved = {
        modelJSON: {
          modelTopology: artifacts.modelTopology as object,
          weightsManifest: [{ paths: [weightsPath], weights: artifacts.weightSpecs ?? [] }],
          format: 'layers-model',
          generatedBy: `TensorFlow.js tfjs-layers v${tf.version.tfjs} (GeoLearn)`,
          convertedBy: null,
          userDefinedMetadata: metadata,
        },
        weightData,
      };
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON', weightDataBytes: weightData.byteLength } };
    }),
  );
  if (!saved) throw new Error('saveLayersModel: the save handler was not called');
  return saved;
}

/**
 * Rebuilds a layers model from the contents of `model.json` (parsed object or JSON text) and
 * `weights.bin`. A wrong shape of file is a {@link ValidationError} naming the part at fault
 * (`modelJSON`, `weightData`), not a TF.js stack trace.
 */
export async function loadLayersModel(modelJSON: unknown, weightData: ArrayBuffer | ArrayBufferView): Promise<tf.LayersModel> {
  let json = modelJSON;
  if (typeof json === 'string') {
    try {
      json = JSON.parse(json);
    } catch (e) {
      throw new ValidationError('modelJSON', 'wrong-type', `is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const m = json as Partial<LayersModelJSON> | null;
  if (m === null || typeof m !== 'object' || typeof m.modelTopology !== 'object' || m.modelTopology === null) {
    throw new ValidationError('modelJSON', 'wrong-type', 'must be the contents of a TF.js layers model.json (with a modelTopology)');
  }
  if (!Array.isArray(m.weightsManifest) || m.weightsManifest.length === 0) throw new ValidationError('modelJSON', 'wrong-type', 'has no weightsManifest');
  const specs = m.weightsManifest.flatMap((g) => g.weights ?? []);
  const buffer = weightData instanceof ArrayBuffer ? weightData : ArrayBuffer.isView(weightData) ? weightData.buffer.slice(weightData.byteOffset, weightData.byteOffset + weightData.byteLength) : null;
  if (!buffer) throw new ValidationError('weightData', 'wrong-type', 'must be an ArrayBuffer (the contents of weights.bin)');
  const expected = specs.reduce((s, w) => s + w.shape.reduce((a, b) => a * b, 1) * 4, 0);
  if (buffer.byteLength !== expected) throw new ValidationError('weightData', 'length-mismatch', `has ${buffer.byteLength} bytes, the manifest needs ${expected}`);
  // The metadata (e.g. a picker's calibrated threshold) travels with the model: model.getUserDefinedMetadata().
  const meta = (m as { userDefinedMetadata?: unknown }).userDefinedMetadata;
  const userDefinedMetadata = meta !== null && typeof meta === 'object' && !Array.isArray(meta) ? (meta as tf.io.ModelArtifacts['userDefinedMetadata']) : undefined;
  return tf.loadLayersModel(tf.io.fromMemory({ modelTopology: m.modelTopology, weightSpecs: specs, weightData: buffer as ArrayBuffer, userDefinedMetadata }));
}

/**
 * Sets which layers train: `trainable(layer, index)` → true/false per layer (e.g. freeze the
 * encoder for fine-tuning). Returns the names of the layers left trainable. Recompile (or
 * rebuild the optimizer) afterwards: TF.js reads the flags when it collects the weights.
 */
export function setTrainable(model: tf.LayersModel, trainable: (layer: tf.layers.Layer, index: number) => boolean): string[] {
  const names: string[] = [];
  model.layers.forEach((layer, i) => {
    layer.trainable = trainable(layer, i);
    if (layer.trainable && layer.trainableWeights.length) names.push(layer.name);
  });
  return names;
}
