/**
 * TeX → MathML Core, with Temml, then a few fixes so that Chromium draws it as TeX would
 * with the shipped OpenType math font (Noto Sans Math, which has a MATH table but no `ssty`
 * or `ss01` features, so the fixes are in the markup, not in `font-feature-settings`).
 * Pure string in, string out: runs the same on a server and in a browser (no DOM).
 */
import temml from 'temml';

/** Options of {@link typeset}. */
export interface TypesetOptions {
  /** Display style (limits under Σ, full-size fractions) on its own line; otherwise inline. */
  block?: boolean;
}

/** A term name usable in `\term{name}{…}`: the part of the picture the sub-formula is linked to. */
const TERM_NAME = /^[a-z][a-z0-9-]*$/;

/**
 * Typesets `tex` as a `<math>` element (a string of MathML). A TeX error does not throw: it
 * returns Temml's `<span class="temml-error">` showing the source and the message.
 *
 * Colour linking: `\term{eta}{\eta}` (or `\htmlClass{gl-term-eta}{\eta}`, KaTeX's spelling)
 * marks a sub-formula with `class="gl-term gl-term-eta"`, `data-term="eta"` and
 * `color: var(--gl-term-eta)`, so the explainer that draws η in a colour sets that one
 * custom property, and hover links can select `[data-term="eta"]`. Only `\class` with a
 * `gl-term-…` name is trusted; `\href`, `\style` and other classes stay off.
 */
export function typeset(tex: string, { block = false }: TypesetOptions = {}): string {
  const mathml = temml.renderToString(tex, {
    displayMode: block,
    throwOnError: false,
    strict: false,
    // A fresh object per call: Temml writes \gdef'd macros into it.
    macros: { '\\term': '\\class{gl-term-#1}{{#2}}', '\\htmlClass': '\\class{#1}{#2}' },
    trust: (context: { command?: string; class?: string }) =>
      context.command === '\\class' && typeof context.class === 'string' && context.class.startsWith('gl-term-') && TERM_NAME.test(context.class.slice(8)),
  });
  return calligraphic(linkTerms(dotlessAccents(wideAccents(primes(tightDelimiters(mathml))))));
}

/**
 * \bigl( … \bigr) come out as a bare `<mo minsize=…>` inside a row, where MathML Core's
 * operator dictionary takes "(" as infix and puts 0.28 em on each side. In TeX they are
 * opening/closing atoms with no space against their neighbours: say so.
 *
 * Parentheses need one more fix. Chromium reserves for a stretchy operator the width of its
 * widest size variant (0.722 em for Noto Sans Math's "(", 13 sizes from 0.328 em), so a
 * \bigl( drawn with its 0.394-em variant stands in a 0.722-em box: a visible gap each side.
 * A negative inline margin gives back half the difference on each side (the glyph is centred).
 * The widths are the shipped font's; `--gl-math-fence-fit: 0` turns it off for another font.
 */
function tightDelimiters(s: string): string {
  return s
    .replace(/<mo\b(?![^>]*\blspace=)(?=[^>]*\bminsize=)/g, '<mo lspace="0em" rspace="0em"')
    .replace(/<mo\b([^>]*\bminsize="([\d.]+)em"[^>]*)>([()])<\/mo>/g, (m, attrs: string, size: string, paren: string) => {
      const trim = parenTrim(Number(size));
      return trim > 0 ? `<mo${attrs} style="margin-inline:calc(${-trim}em * var(--gl-math-fence-fit, 1))">${paren}</mo>` : m;
    });
}

/** Noto Sans Math's vertical variants of "(" and ")": heights and advance widths, in 1/1000 em. */
const PAREN_HEIGHTS = [942, 1178, 1413, 1649, 1884, 2119, 2355, 2591, 2826, 3062, 3297, 3532, 3768];
const PAREN_WIDTH = (k: number) => [328, 361, 394, 427, 459, 492, 525, 558, 591, 624, 656, 689, 722][k] ?? 722;

/** Half the unused width (em) around a parenthesis stretched to `size` em: the first variant at least that tall. */
function parenTrim(size: number): number {
  const k = PAREN_HEIGHTS.findIndex((h) => h >= size * 1000);
  return k < 0 ? 0 : Math.round((PAREN_WIDTH(PAREN_HEIGHTS.length - 1) - PAREN_WIDTH(k)) / 2) / 1000;
}

const PRIME = '<mo\\b[^>]*class="tml-prime[^"]*"[^>]*>′</mo>';
const BASE = '<(mi|mn)\\b[^>]*>[^<]*</\\2>';
const SINGLE_PRIME = new RegExp(`<msup>(${BASE})(${PRIME})</msup>`, 'g');
const MULTI_PRIME = new RegExp(`<msup>(${BASE})<mrow>((?:${PRIME}){2,3})</mrow></msup>`, 'g');
const PRIMES = ['', '′', '″', '‴'];

/**
 * f′: Temml raises ′ as a superscript, but U+2032 is already drawn high in the font, so it
 * ends up tiny and on top of the f (the font has no `ssty` variant to undo that). Draw f′,
 * φ″ as Unicode text does: the base, then the prime (″, ‴ for two, three) on the baseline.
 */
function primes(s: string): string {
  const put = (base: string, count: number) => `<mrow>${base}<mo lspace="0em" rspace="0em">${PRIMES[count]}</mo></mrow>`;
  return s
    .replace(SINGLE_PRIME, (_m, base: string) => put(base, 1))
    .replace(MULTI_PRIME, (_m, base: string, _tag: string, marks: string) => put(base, marks.split('′').length - 1));
}

/**
 * \widehat, \widetilde: Temml stretches the spacing accents ˆ ˜ with CSS transforms. The
 * font's MATH table has horizontal size variants for the combining U+0302 and U+0303, which
 * MathML Core uses to stretch an accent over its whole base (∇𝓛, not just ∇).
 */
function wideAccents(s: string): string {
  return s.replace(/(<mo\b[^>]*\bstretchy="true"[^>]*>)([ˆ˜])<\/mo>/g, (_m, tag: string, accent: string) => `${tag}${accent === 'ˆ' ? '\u0302' : '\u0303'}</mo>`);
}

/**
 * \bar{i}, \hat{j}: as TeX authors write \bar{\imath}, put the accent on the dotless letter
 * (ı, ȷ, italic by MathML's auto-italic), so the bar does not sit on the dot, high and to the
 * left where \bar{i}^2 would read as i⁻²; and shift it by the italic slant (class chr-sml).
 */
function dotlessAccents(s: string): string {
  return s.replace(/<mover><mi>([ij])<\/mi><mo\b([^>]*)>/g, (_m, letter: string, attrs: string) => {
    const shifted = /\bclass="/.test(attrs) ? (/\bchr-/.test(attrs) ? attrs : attrs.replace(/\bclass="/, 'class="chr-sml ')) : `${attrs} class="chr-sml"`;
    return `<mover><mi>${letter === 'i' ? 'ı' : 'ȷ'}</mi><mo${shifted}>`;
  });
}

/** Script capitals: U+1D49C… and the letterlike ones Unicode placed elsewhere (ℬ ℰ ℱ ℋ ℐ ℒ ℳ ℛ). */
const SCRIPT_CAPITAL = /[\u{1D49C}-\u{1D4B5}\u212C\u2130\u2131\u210B\u2110\u2112\u2133\u211B](?!\uFE00)/gu;

/**
 * \mathcal{L} is the calligraphic (chancery) 𝓛 of LaTeX, \mathscr the round-hand ℒ. Unicode
 * spells the chancery form as the script letter plus variation selector U+FE00, which the
 * font maps (its cmap format 14); without it \mathcal would look like \mathscr. Temml marks
 * \mathscr with class "mathscr"; every other script capital (\mathcal, even when \term has
 * replaced its class) becomes chancery.
 */
function calligraphic(s: string): string {
  return s.replace(/(<mi\b([^>]*)>)([^<]*)<\/mi>/g, (m, tag: string, attrs: string, text: string) =>
    /\bmathscr\b/.test(attrs) ? m : `${tag}${text.replace(SCRIPT_CAPITAL, '$&\uFE00')}</mi>`,
  );
}

/** `class="gl-term-eta"` (from \term) → the class pair, data-term and the colour variable. */
function linkTerms(s: string): string {
  return s.replace(/<(m[a-z]+)\b([^>]*?)\sclass="gl-term-([a-z][a-z0-9-]*)"([^>]*)>/g, (_m, tag: string, before: string, name: string, after: string) => {
    const rest = `${before}${after}`;
    const colour = `color:var(--gl-term-${name});`;
    const styled = /\sstyle="/.test(rest) ? rest.replace(/\sstyle="/, ` style="${colour}`) : `${rest} style="${colour}"`;
    return `<${tag} class="gl-term gl-term-${name}" data-term="${name}"${styled}>`;
  });
}
