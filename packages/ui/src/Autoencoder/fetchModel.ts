/**
 * Reads a saved model's two files: `fetch` in a browser or worker, the file itself for a
 * `file:` URL under Node (tests, server rendering). DOM-free: the nn worker task uses it too.
 */

/** The bytes at `href`. */
export async function readBytes(href: string): Promise<Uint8Array> {
  const url = new URL(href, typeof location === 'undefined' ? undefined : location.href);
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const fs = url.protocol === 'file:' ? (proc?.getBuiltinModule?.('node:fs') as { promises: { readFile(u: URL): Promise<Uint8Array> } } | undefined) : undefined;
  if (fs) return new Uint8Array(await fs.promises.readFile(url));
  const res = await fetch(url);
  if (!res.ok) throw new Error(`could not fetch ${url.pathname.split('/').pop() ?? 'the model'} (${res.status})`);
  return new Uint8Array(await res.arrayBuffer());
}

/** model.json (parsed) and weights.bin of a saved model. */
export async function readModelFiles(urls: { modelUrl: string; weightsUrl: string }): Promise<{ modelJSON: unknown; weightData: Uint8Array }> {
  const [m, w] = await Promise.all([readBytes(urls.modelUrl), readBytes(urls.weightsUrl)]);
  return { modelJSON: JSON.parse(new TextDecoder().decode(m)) as unknown, weightData: w };
}
