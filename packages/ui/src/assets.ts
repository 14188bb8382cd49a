/**
 * URLs of the assets shipped in packages/ui/assets. This file sits at the root of src/ on
 * purpose: `../assets/…` then resolves the same from src/assets.ts (the gallery, built from
 * source) and from a chunk of dist/ (the published package), and bundlers (Vite, webpack 5,
 * Parcel) turn `new URL(literal, import.meta.url)` into emitted files: no CDN. The MNIST
 * models and TF.js's WASM binaries are in ./modelAssets.ts, reached only through the lazy
 * MNIST runtime.
 */

/** The 30 held-out MNIST digits (30 × 784 bytes, ink 0–255), see common/mnistDigits.ts. */
export function heldOutDigitsUrl(): string {
  return new URL('../assets/mnist/held-out-digits.bin', import.meta.url).href;
}
