/**
 * URLs of the shipped ConvNetQuake-style detector (written by `pnpm train:detector`). At the
 * root of src/ for the reason given in ./assets.ts, and imported only from the
 * `@geolearn/ui/seismic` explainers, so that apps importing `@geolearn/ui` do not emit the weights.
 */

/** The detector's model.json and weights.bin. */
export function detectorModelUrls(): { modelUrl: string; weightsUrl: string } {
  return {
    modelUrl: new URL('../assets/models/seismic-detector/model.json', import.meta.url).href,
    weightsUrl: new URL('../assets/models/seismic-detector/weights.bin', import.meta.url).href,
  };
}
