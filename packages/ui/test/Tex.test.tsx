import { cleanup, render } from '@testing-library/react';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { Tex, texCss } from '../src';
import { typeset } from '../src/math/typeset';
import { MATHS_SPECIMEN } from '../src/math/specimen';
import { mathFontUrl } from '../src/mathFont';

afterEach(cleanup);

describe('typeset (Temml → MathML Core)', () => {
  it('typesets every formula of the gallery without a TeX error', () => {
    expect(MATHS_SPECIMEN.length).toBeGreaterThanOrEqual(40);
    for (const { label, tex, block } of MATHS_SPECIMEN) {
      const out = typeset(tex, { block });
      expect(out, label).toMatch(/^<math\b/);
      expect(out, label).not.toContain('temml-error');
      expect(out, label).not.toContain('\\'); // no unknown command echoed as text
    }
  });

  it('keeps bold vectors, ℝ and the calligraphic 𝓛 as their Unicode letters', () => {
    const out = typeset(String.raw`\mathbf{W}^{(\ell)}\mathbf{x}\in\mathbb{R}^{n},\ \mathcal{L},\ \mathscr{L}`);
    expect(out).toContain('<mi>𝐖</mi>');
    expect(out).toContain('<mi>𝐱</mi>');
    expect(out).toContain('<mi>ℝ</mi>');
    // \mathcal = chancery: ℒ + U+FE00; \mathscr stays round-hand.
    expect(out).toContain('ℒ\uFE00</mi>');
    expect(out).toMatch(/class="mathscr">ℒ<\/mi>/);
  });

  it('draws primes on the baseline, not as a superscript of a superscript', () => {
    const out = typeset(String.raw`f'(x)+\varphi''(z)`);
    expect(out).not.toContain('<msup>');
    expect(out).toContain('<mi>f</mi><mo lspace="0em" rspace="0em">′</mo>');
    expect(out).toContain('<mi>φ</mi><mo lspace="0em" rspace="0em">″</mo>');
  });

  it('puts limits under Σ, argmin* and min in display style', () => {
    const out = typeset(String.raw`\sum_{i=1}^{N}\ \operatorname*{argmin}_\theta\ \min_c`, { block: true });
    expect(out).toMatch(/<munderover><mo movablelimits="false">∑<\/mo>/);
    expect(out).toMatch(/<munder><mi>argmin<\/mi><mi>θ<\/mi><\/munder>/);
    expect(out).toContain('display="block"');
  });

  it('stretches \\left|…\\right| and \\widehat with the font\'s variants', () => {
    expect(typeset(String.raw`\left|\frac{a}{b}\right|`)).toMatch(/<mo[^>]*stretchy="true"[^>]*>\|<\/mo>/);
    const hat = typeset(String.raw`\widehat{\nabla\mathcal{L}}`);
    expect(hat).toMatch(/<mover>.*<mo stretchy="true"[^>]*>\u0302<\/mo><\/mover>/);
    expect(typeset(String.raw`\hat{y}`)).toMatch(/<mover><mi>y<\/mi><mo[^>]*>ˆ<\/mo><\/mover>/);
  });

  it('puts \\bar{i} on the dotless ı, shifted by the italic slant', () => {
    const out = typeset(String.raw`\bar{i}^2+\hat{y}`);
    expect(out).toMatch(/<mover><mi>ı<\/mi><mo[^>]*class="chr-sml[^"]*"[^>]*>‾<\/mo><\/mover>/);
    expect(out).toMatch(/<mover><mi>y<\/mi><mo[^>]*class="chr-sml/);
    expect(texCss('f.woff2')).toContain('mo.chr-sml{transform:translate(0.07em,0)}');
  });

  it('sets \\bigl( … \\bigr) tight against their contents', () => {
    const out = typeset(String.raw`\sigma\bigl(z\bigr)\Bigl|s\Bigr|`);
    const big = out.match(/<mo\b[^>]*minsize="1.2em"[^>]*>/g) ?? [];
    expect(big).toHaveLength(2);
    for (const tag of big) {
      expect(tag).toContain('lspace="0em" rspace="0em"');
      expect(tag).toContain('margin-inline:calc(-0.164em * var(--gl-math-fence-fit, 1))');
    }
    expect(out.match(/<mo lspace="0em" rspace="0em"[^>]*minsize="1.8em"[^>]*>\|/g)).toHaveLength(2);
  });

  it('links \\term{name}{…} to a colour variable and a data-term, and trusts nothing else', () => {
    const out = typeset(String.raw`\theta-\term{eta}{\eta}\nabla\term{loss}{\mathcal{L}}`);
    expect(out).toContain('<mi class="gl-term gl-term-eta" data-term="eta" style="color:var(--gl-term-eta);">η</mi>');
    expect(out).toMatch(/data-term="loss" style="color:var\(--gl-term-loss\);">ℒ\uFE00<\/mi>/);
    expect(typeset(String.raw`\htmlClass{gl-term-eta}{\eta}`)).toContain('data-term="eta"');
    for (const bad of [String.raw`\class{evil}{x}`, String.raw`\href{javascript:alert(1)}{x}`, String.raw`\style{color:red}{x}`, String.raw`\term{Bad Name}{x}`]) {
      const html = typeset(bad);
      expect(html, bad).not.toMatch(/class="evil"|href=|style="color:red/);
      expect(html, bad).not.toContain('data-term');
    }
  });

  it('reports a TeX error in place instead of throwing', () => {
    const out = typeset(String.raw`\frac{1}{`);
    expect(out).toContain('temml-error');
    expect(out).toContain('\\frac{1}{');
  });
});

describe('<Tex>', () => {
  it('keeps its props API: children, block, className', () => {
    const { container } = render(
      <p>
        <Tex className="extra">{String.raw`\theta^*`}</Tex>
        <Tex block>{String.raw`\eta`}</Tex>
      </p>,
    );
    const [inline, block] = container.querySelectorAll('.gl-tex');
    expect(inline!.tagName).toBe('SPAN');
    expect(inline!.className).toBe('gl-tex extra');
    expect(inline!.getAttribute('data-display')).toBe('inline');
    expect(inline!.querySelector('math')).not.toBeNull();
    expect(block!.tagName).toBe('DIV');
    expect(block!.getAttribute('data-display')).toBe('block');
    expect(block!.querySelector('math')!.getAttribute('display')).toBe('block');
  });

  it('sets the term colours as --gl-term-* on the wrapper', () => {
    const { container } = render(<Tex terms={{ eta: 'rgb(9, 105, 218)', 'Not valid': 'red' }}>{String.raw`\term{eta}{\eta}`}</Tex>);
    const wrapper = container.querySelector<HTMLElement>('.gl-tex')!;
    expect(wrapper.style.getPropertyValue('--gl-term-eta')).toBe('rgb(9, 105, 218)');
    expect(wrapper.getAttribute('style')).not.toContain('Not valid');
    expect(wrapper.querySelector('[data-term="eta"]')!.textContent).toBe('η');
  });

  it('renders its stylesheet once, with the shipped font and --gl-math-font', () => {
    render(
      <div>
        <Tex>x</Tex>
        <Tex>y</Tex>
      </div>,
    );
    const sheets = document.querySelectorAll('style[data-href="gl-tex"]');
    expect(sheets).toHaveLength(1);
    const css = sheets[0]!.textContent ?? '';
    expect(css).toContain('font-family:"Noto Sans Math"');
    expect(css).toContain('NotoSansMath-Regular.woff2');
    expect(css).toContain('var(--gl-math-font,"Noto Sans Math",math)');
    expect(css).not.toMatch(/https?:\/\/(?!localhost)/); // nothing from a CDN
  });

  it('renders on a server, synchronously, with <math> and one stylesheet', () => {
    const html = renderToString(
      <div>
        <Tex block>{String.raw`\mathcal{L}(\theta)=\frac{1}{N}\sum_{i=1}^{N}\bigl(f_\theta(x_i)-y_i\bigr)^2`}</Tex>
        <Tex>{String.raw`\mathbf{x}\in\mathbb{R}^{784}`}</Tex>
      </div>,
    );
    expect(html.match(/<math\b/g)).toHaveLength(2);
    expect(html.match(/@font-face/g)).toHaveLength(1);
    expect(html).toContain('𝐱');
  });
});

describe('the shipped math font', () => {
  it('ships in packages/ui/assets/fonts with its licence, and the CSS points at it', () => {
    expect(new URL(mathFontUrl()).pathname).toMatch(/\/packages\/ui\/assets\/fonts\/NotoSansMath-Regular\.woff2$/);
    const file = resolve('packages/ui/assets/fonts/NotoSansMath-Regular.woff2'); // vitest runs from the repo root
    expect(existsSync(file)).toBe(true);
    // A woff2 file (signature "wOF2"), the full font with its MATH table (~270 kB).
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('wOF2');
    expect(bytes.length).toBeGreaterThan(200_000);
    expect(readFileSync(resolve('packages/ui/assets/fonts/OFL.txt'), 'utf8')).toContain('SIL Open Font License');
    expect(texCss('https://example.test/f.woff2')).toContain('src:url("https://example.test/f.woff2") format("woff2")');
  });
});
