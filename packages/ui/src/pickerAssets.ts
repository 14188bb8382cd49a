/**
 * URLs of the shipped PhaseNet-style picker (written by `pnpm train:picker`). At the root of
 * src/ for the reason given in ./assets.ts, and imported only from the `@geolearn/ui/seismic`
 * explainers, so that apps importing `@geolearn/ui` do not emit the weights.
 */

/** The picker's model.json and weights.bin. */
export function pickerModelUrls(): { modelUrl: string; weightsUrl: string } {
  return {
    modelUrl: new URL('../assets/models/seismic-picker/model.json', import.meta.url).href,
    weightsUrl: new URL('../assets/models/seismic-picker/weights.bin', import.meta.url).href,
  };
}
