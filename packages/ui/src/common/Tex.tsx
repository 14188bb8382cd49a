import katex from 'katex';
import { useMemo } from 'react';

/** Props of {@link Tex}. */
export interface TexProps {
  /** The LaTeX source, in the slides' notation (θ, 𝓛, η, λ). */
  children: string;
  /** Display (block) mode instead of inline. */
  block?: boolean;
  /** Class of the wrapper. */
  className?: string;
}

/**
 * Maths typeset by KaTeX into MathML, which browsers render natively and screen readers
 * read, so no stylesheet or font has to load from anywhere (and it renders on a server).
 */
export function Tex({ children, block = false, className }: TexProps) {
  const html = useMemo(
    () => scriptToUnicode(katex.renderToString(children, { displayMode: block, output: 'mathml', throwOnError: false, strict: 'ignore' })),
    [children, block],
  );
  const Tag = block ? 'div' : 'span';
  return <Tag className={className} style={{ fontFamily: 'var(--gl-math-font, math)' }} dangerouslySetInnerHTML={{ __html: html }} />;
}

/**
 * MathML Core (what Chromium renders) ignores mathvariant="script", so \\mathcal{L} would
 * show as a plain L. Map script capitals to Unicode's mathematical bold script letters
 * (U+1D4D0 …), the 𝓛 of the slides.
 */
function scriptToUnicode(html: string): string {
  return html.replace(/<mi mathvariant="script">([A-Z])<\/mi>/g, (_, c: string) => `<mi>${String.fromCodePoint(0x1d4d0 + c.charCodeAt(0) - 65)}</mi>`);
}
