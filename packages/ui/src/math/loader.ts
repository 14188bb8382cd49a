import type { TypesetOptions } from './typeset';

/**
 * The typesetter (Temml, about 60 kB gzip) is loaded by dynamic `import()` the first time a
 * formula mounts, so an app that shows no maths, or shows it later, does not carry it in its
 * initial JavaScript: a bundler emits it as a separate chunk. Once loaded it is cached for the
 * page, and every later `<Tex>` renders synchronously.
 *
 * On a server, `renderToString` does not wait for a lazy module: call `await preloadMath()`
 * once before rendering (the SSR test and the gallery do), and formulas come out as MathML.
 */
type Typesetter = typeof import('./typeset');

let typesetter: Typesetter | null = null;
let pending: Promise<Typesetter> | null = null;

/** Loads the typesetter (once; later calls return the same promise). */
export function preloadMath(): Promise<void> {
  pending ??= import('./typeset').then((m) => (typesetter = m));
  return pending.then(() => undefined);
}

/** Whether the typesetter is loaded, so that `<Tex>` renders MathML synchronously. */
export function isMathLoaded(): boolean {
  return typesetter !== null;
}

/** TeX → MathML markup if the typesetter is loaded, else null (the caller shows the source meanwhile). */
export function typesetIfLoaded(tex: string, options: TypesetOptions = {}): string | null {
  return typesetter ? typesetter.typeset(tex, options) : null;
}

/** TeX → MathML markup (an HTML string), loading the typesetter first if needed. */
export async function typesetMath(tex: string, options: TypesetOptions = {}): Promise<string> {
  await preloadMath();
  return (typesetter as Typesetter).typeset(tex, options);
}
