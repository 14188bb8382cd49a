/**
 * A file's bytes by URL: `fetch` in a browser or a worker, the file itself for a `file:` URL
 * under Node (tests, server rendering). DOM-free, so the TF.js worker's tasks load the shipped
 * models with it too.
 */
export async function readBytes(href: string): Promise<Uint8Array> {
  const url = new URL(href, typeof location === 'undefined' ? undefined : location.href);
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const fs = url.protocol === 'file:' ? (proc?.getBuiltinModule?.('node:fs') as { promises: { readFile(u: URL): Promise<Uint8Array> } } | undefined) : undefined;
  if (fs) return new Uint8Array(await fs.promises.readFile(url));
  const res = await fetch(url);
  if (!res.ok) throw new Error(`could not fetch ${url.pathname.split('/').pop() || 'the file'} (${res.status})`);
  return new Uint8Array(await res.arrayBuffer());
}
