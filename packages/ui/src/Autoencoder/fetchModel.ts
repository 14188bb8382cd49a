/**
 * Reads a saved model's two files: `fetch` in a browser or worker, the file itself for a
 * `file:` URL under Node (tests, server rendering). DOM-free: the nn worker task uses it too.
 */
import { readBytes } from '../common/readBytes';

/** model.json (parsed) and weights.bin of a saved model. */
export async function readModelFiles(urls: { modelUrl: string; weightsUrl: string }): Promise<{ modelJSON: unknown; weightData: Uint8Array }> {
  const [m, w] = await Promise.all([readBytes(urls.modelUrl), readBytes(urls.weightsUrl)]);
  return { modelJSON: JSON.parse(new TextDecoder().decode(m)) as unknown, weightData: w };
}
