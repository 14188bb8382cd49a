/**
 * URL of the real seismic record shipped in packages/ui/assets/data (attribution in its
 * README.md). At the root of src/ for the reason given in ./assets.ts: `../assets/…` then
 * resolves the same from the sources (the gallery) and from a chunk of dist/ (the package).
 */

/** The IU.COLA.00.LHZ record of the 2010-02-27 Maule earthquake (miniSEED, 4,200 samples at 1 Hz). */
export function colaRecordUrl(): string {
  return new URL('../assets/data/IU.COLA.00.LHZ.2010-02-27.mseed', import.meta.url).href;
}
