/**
 * The `Conv2DBackpropFilter` kernel that TF.js 4.22's wasm backend lacks (without it,
 * training any CNN on wasm throws). Registered with `tf.registerKernel` by
 * {@link registerWasmConv2DBackpropFilter}, which {@link initBackend} calls.
 *
 * The filter gradient of y = x ⋆ W (NHWC, filter [kh, kw, ci, co]) is
 *   ∂L/∂W[a, b, c, o] = Σ_{n, i, j} x[n, i·sh + a − top, j·sw + b − left, c] · dy[n, i, j, o],
 * i.e. colsᵀ · dy, where cols (im2col) has one row per output position (n, i, j) and one
 * column per filter tap (a, b, c). We build cols in JS straight into the wasm heap and
 * hand the product to the backend's own (XNNPACK) BatchMatMul kernel.
 */
import * as tf from '@tensorflow/tfjs';

/** The parts of the wasm backend this kernel uses (its public class members). */
interface WasmBackendLike {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(t: tf.TensorInfo): Float32Array;
  disposeData(dataId: tf.DataId): boolean;
}

interface BackpropFilterAttrs {
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape: [number, number, number, number];
}

function conv2DBackpropFilterWasm(args: { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap }): tf.TensorInfo {
  const backend = args.backend as WasmBackendLike;
  const { x, dy } = args.inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
  const attrs = args.attrs as unknown as BackpropFilterAttrs;
  if (attrs.dataFormat === 'NCHW') throw new Error('Conv2DBackpropFilter (wasm): only NHWC is supported');
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    attrs.filterShape,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
    false,
    'channelsLast',
  );
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels, filterHeight, filterWidth, strideHeight, strideWidth } = info;
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  const P = batchSize * outHeight * outWidth;
  const K = filterHeight * filterWidth * inChannels;
  const cols = backend.makeOutput([1, P, K], 'float32');
  // Views after the allocation: growing the heap detaches older views.
  const c = backend.typedArrayFromHeap(cols);
  const xv = backend.typedArrayFromHeap(x);
  let r = 0;
  for (let n = 0; n < batchSize; n++) {
    const xn = n * inHeight * inWidth * inChannels;
    for (let i = 0; i < outHeight; i++) {
      for (let j = 0; j < outWidth; j++, r += K) {
        let k = r;
        for (let a = 0; a < filterHeight; a++) {
          const yy = i * strideHeight + a - top;
          for (let b = 0; b < filterWidth; b++) {
            const xx = j * strideWidth + b - left;
            if (yy < 0 || yy >= inHeight || xx < 0 || xx >= inWidth) {
              c.fill(0, k, k + inChannels);
            } else {
              const s = xn + (yy * inWidth + xx) * inChannels;
              if (inChannels === 1) c[k] = xv[s];
              else c.set(xv.subarray(s, s + inChannels), k);
            }
            k += inChannels;
          }
        }
      }
    }
  }
  const matMul = tf.getKernel('BatchMatMul', 'wasm');
  if (!matMul) throw new Error('Conv2DBackpropFilter (wasm): the wasm BatchMatMul kernel is missing');
  const dy3: tf.TensorInfo = { dataId: dy.dataId, shape: [1, P, outChannels], dtype: 'float32' };
  const out = matMul.kernelFunc({ inputs: { a: cols, b: dy3 }, backend: args.backend as tf.KernelBackend, attrs: { transposeA: true, transposeB: false } }) as tf.TensorInfo;
  backend.disposeData(cols.dataId);
  out.shape = [...attrs.filterShape];
  return out;
}

/**
 * Registers {@link conv2DBackpropFilterWasm} for the wasm backend, unless a kernel is
 * already there (a later TF.js may ship one). Returns whether it registered ours.
 */
export function registerWasmConv2DBackpropFilter(): boolean {
  if (tf.getKernel('Conv2DBackpropFilter', 'wasm')) return false;
  tf.registerKernel({ kernelName: 'Conv2DBackpropFilter', backendName: 'wasm', kernelFunc: conv2DBackpropFilterWasm as unknown as tf.KernelFunc });
  return true;
}
