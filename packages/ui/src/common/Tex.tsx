/**
 * Maths typesetting: Temml (TeX → MathML Core) with one shipped OpenType math font,
 * Noto Sans Math 3.000 (packages/ui/assets/fonts, SIL OFL), applied through `--gl-math-font`.
 *
 * Why Temml and not KaTeX's HTML output. Measured on the 40 formulas of the Maths specimen
 * (src/math/specimen.ts) in headless Chromium 156; sizes are gzip -9:
 * - JavaScript: Temml 0.13.5 is 59.4 kB bundled and minified by esbuild as Vite does (49.7 kB
 *   as its terser build), KaTeX 0.16 76.6 kB (75.7 kB) plus 3.5 kB of CSS: 17 kB less to parse.
 *   `<Tex>` with its fixes and CSS is 61.2 kB against 76.9 kB for the KaTeX version.
 * - Fonts: one 270 kB woff2, fetched once, only when a formula shows, and cached; KaTeX
 *   fetches 8 of its 20 files (119 kB) for the same formulas. Subsetting Noto saved too little
 *   to be worth a build step (196 kB without the Arabic, Fraktur, sans and monospace letters).
 * - DOM: 41.5 kB of markup for the specimen against 214 kB for KaTeX's HTML (with its
 *   hidden MathML copy for screen readers); MathML Core is read by screen readers directly.
 * - One font: MathML Core draws with one OpenType math font, so the `--gl-math-font` token
 *   switches every formula; KaTeX's HTML needs its ten families (Main, Math, AMS, Size1–4…),
 *   and its serif Computer Modern look differs from the slides' sans maths.
 * - Quality: with the markup fixes of math/typeset.ts (primes, \bigl spacing, \widehat,
 *   \mathcal, accents on i), the screenshots match KaTeX's on every specimen formula: bold
 *   𝐖 𝐱, ℝ, 𝓛, stretched |…|, limits under Σ and argmin, hats, primes.
 *
 * Loading: the typesetter is loaded lazily (math/loader.ts), by dynamic `import()` when the
 * first formula mounts, so it is a separate chunk and not part of an app's initial JavaScript
 * (issue 18's budgets). Until it arrives (a few ms from the same origin) the formula shows its
 * TeX source, marked `aria-busy`. Servers and tests call `await preloadMath()` once first: then
 * `renderToString` produces `<math>` and hydration sees the same markup. The font is lazy too:
 * the browser fetches it when maths is first shown (`font-display: swap`).
 */
import { useEffect, useMemo, useReducer, useRef, type CSSProperties, type RefObject } from 'react';
import { texCss } from '../math/css';
import { isMathLoaded, preloadMath, typesetIfLoaded } from '../math/loader';

export { texCss, MATH_FONT_FAMILY } from '../math/css';
export type { TypesetOptions } from '../math/typeset';
export { preloadMath, isMathLoaded, typesetMath } from '../math/loader';

/** Props of {@link Tex}. */
export interface TexProps {
  /**
   * The LaTeX source, in the slides' notation (θ, 𝓛, η, λ). `\term{name}{…}` marks a
   * sub-formula that the picture also shows: it gets `class="gl-term gl-term-name"`,
   * `data-term="name"` and the colour `var(--gl-term-name)` (see {@link TexProps.terms}).
   */
  children: string;
  /** Display (block) mode, on its own line, instead of inline. */
  block?: boolean;
  /** Class of the wrapper, added to `gl-tex`. */
  className?: string;
  /**
   * Colours of the `\term{…}` parts, as CSS colours by term name, e.g.
   * `{ eta: 'var(--gl-opt-gd)' }`: sets `--gl-term-eta` on the wrapper. An explainer may
   * instead set the `--gl-term-*` properties in its own CSS; an unset term keeps the text colour.
   */
  terms?: Readonly<Record<string, string>>;
}

/**
 * A formula, typeset on the server and in the browser alike. The wrapper is a `span`
 * (inline) or `div` (block) with class `gl-tex` and `data-display="inline|block"`; a block
 * formula wider than its container scrolls sideways and then becomes keyboard-focusable.
 */
export function Tex({ children, block = false, className, terms }: TexProps) {
  const [loads, loaded] = useReducer((n: number) => n + 1, 0);
  // `loads` re-runs the memo once the lazily loaded typesetter has arrived.
  const html = useMemo(() => (loads >= 0 ? typesetIfLoaded(children, { block }) : null), [children, block, loads]);
  useEffect(() => {
    if (isMathLoaded()) return;
    let live = true;
    void preloadMath().then(() => live && loaded());
    return () => {
      live = false;
    };
  }, []);
  const ref = useRef<HTMLDivElement & HTMLSpanElement>(null);
  useFocusableWhenScrolling(ref, block, html ?? children);
  const style = useMemo(() => termVariables(terms), [terms]);
  const Tag = block ? 'div' : 'span';
  return (
    <>
      <style href="gl-tex" precedence="gl">
        {texCss()}
      </style>
      {html === null ? (
        <Tag ref={ref} className={className ? `gl-tex ${className}` : 'gl-tex'} data-display={block ? 'block' : 'inline'} data-state="loading" aria-busy="true" style={style}>
          {children}
        </Tag>
      ) : (
        <Tag
          ref={ref}
          className={className ? `gl-tex ${className}` : 'gl-tex'}
          data-display={block ? 'block' : 'inline'}
          style={style}
          dangerouslySetInnerHTML={{ __html: html }}
        />
      )}
    </>
  );
}

/** `{ eta: 'red' }` → `{ '--gl-term-eta': 'red' }`, ignoring names that are not `[a-z][a-z0-9-]*`. */
function termVariables(terms: Readonly<Record<string, string>> | undefined): CSSProperties | undefined {
  if (!terms) return undefined;
  const out: Record<string, string> = {};
  for (const [name, colour] of Object.entries(terms)) if (/^[a-z][a-z0-9-]*$/.test(name)) out[`--gl-term-${name}`] = colour;
  return out as CSSProperties;
}

/**
 * A scrolling region must be reachable by keyboard (WCAG 2.1.1; axe's
 * scrollable-region-focusable), but a tab stop on every formula that fits would be noise:
 * add `tabindex="0"` only while the formula overflows. Client only; a no-op on the server.
 */
function useFocusableWhenScrolling(ref: RefObject<HTMLElement | null>, block: boolean, html: string): void {
  useEffect(() => {
    const el = ref.current;
    if (!block || !el || typeof ResizeObserver === 'undefined') return;
    const update = () => {
      if (el.scrollWidth > el.clientWidth + 1) el.setAttribute('tabindex', '0');
      else el.removeAttribute('tabindex');
    };
    const observer = new ResizeObserver(update);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    update();
    return () => observer.disconnect();
  }, [ref, block, html]);
}
