/**
 * URLs of TF.js's WASM binaries, apart from the MNIST model URLs (./modelAssets.ts) so that the
 * seismic models' runtime (`@geolearn/ui/seismic`) reaches the WASM files without making a
 * bundler emit the MNIST weights. At the root of src/ for the reason given in ./assets.ts.
 */

/**
 * TF.js's WASM binaries, taken from the installed @tensorflow/tfjs-backend-wasm (a dependency
 * of this package) by its package path, so that its JavaScript and binaries always match, no
 * copy ships here, and nothing loads from a CDN. Vite and webpack 5 resolve the bare
 * specifier and emit the files.
 */
export function shippedWasmPaths(): Record<'tfjs-backend-wasm.wasm' | 'tfjs-backend-wasm-simd.wasm' | 'tfjs-backend-wasm-threaded-simd.wasm', string> {
  return {
    'tfjs-backend-wasm.wasm': new URL('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm', import.meta.url).href,
    'tfjs-backend-wasm-simd.wasm': new URL('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm', import.meta.url).href,
    'tfjs-backend-wasm-threaded-simd.wasm': new URL('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm', import.meta.url).href,
  };
}
