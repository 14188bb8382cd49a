/**
 * URL of the math font shipped in packages/ui/assets/fonts (Noto Sans Math 3.000, SIL OFL 1.1,
 * licence beside it). Like assets.ts, this file sits at the root of src/ so that
 * `../assets/…` resolves the same from src/ (the gallery, built from source) and from
 * dist/index.js (the published package); bundlers (Vite, webpack 5, Parcel) turn
 * `new URL(literal, import.meta.url)` into an emitted file, so nothing loads from a CDN.
 */

/** The shipped OpenType math font (with its MATH table), as a URL for `@font-face`. */
export function mathFontUrl(): string {
  return new URL('../assets/fonts/NotoSansMath-Regular.woff2', import.meta.url).href;
}
