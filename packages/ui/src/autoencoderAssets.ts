/**
 * URLs of the shipped seismic autoencoders (written by `pnpm train:autoencoder`). At the root
 * of src/ for the reason given in ./assets.ts, and imported only from the `@geolearn/ui/seismic`
 * Autoencoder explainer, so that apps importing `@geolearn/ui` do not emit the weights.
 */

/** The fully connected autoencoder with a 2-D latent space: model.json and weights.bin. */
export function seismicAutoencoderUrls(): { modelUrl: string; weightsUrl: string } {
  return {
    modelUrl: new URL('../assets/models/seismic-autoencoder/model.json', import.meta.url).href,
    weightsUrl: new URL('../assets/models/seismic-autoencoder/weights.bin', import.meta.url).href,
  };
}

/** The convolutional denoising autoencoder: model.json and weights.bin. */
export function seismicDenoiserUrls(): { modelUrl: string; weightsUrl: string } {
  return {
    modelUrl: new URL('../assets/models/seismic-denoiser/model.json', import.meta.url).href,
    weightsUrl: new URL('../assets/models/seismic-denoiser/weights.bin', import.meta.url).href,
  };
}
