import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseCss, chromeTokens, conceptTokens, contrastRatio, OPTIMIZER_COLOR, classColor, conceptColor } from '../src';

describe('base CSS and tokens', () => {
  it('styles.css is generated from the one source (run `pnpm --filter @geolearn/ui styles` if this fails)', () => {
    const file = readFileSync(join(__dirname, '../styles.css'), 'utf8');
    expect(file).toBe(baseCss);
  });

  it('defines every token for light, dark (system and forced) and forced light', () => {
    for (const name of [...Object.keys(chromeTokens), ...Object.keys(conceptTokens)]) {
      expect(baseCss.split(`${name}:`).length - 1, name).toBe(4);
    }
    expect(baseCss).toMatch(/@media \(prefers-color-scheme: dark\)/);
    expect(baseCss).toMatch(/\[data-theme="dark"\]/);
  });

  it('ships focus rings for every interactive part, the drag handles included', () => {
    for (const sel of ['.gl-button:focus-visible', '.gl-segment:focus-visible', '.gl-slider-input:focus-visible', '.gl-number-input:focus-visible', '.gl-handle:focus-visible .gl-handle-ring', '.gl-select:focus-visible']) {
      expect(baseCss, sel).toContain(sel);
    }
    expect(baseCss).toMatch(/min-height: 44px/);
  });

  it('every colour token reaches AA text contrast (4.5:1) on the paper and surface of both themes', () => {
    const colours = { ...conceptTokens, '--gl-fg': chromeTokens['--gl-fg'], '--gl-muted': chromeTokens['--gl-muted'], '--gl-accent': chromeTokens['--gl-accent'], '--gl-focus': chromeTokens['--gl-focus'] };
    for (const [name, v] of Object.entries(colours)) {
      for (const theme of ['light', 'dark'] as const) {
        for (const paper of [chromeTokens['--gl-bg'][theme], chromeTokens['--gl-surface'][theme]]) {
          expect(contrastRatio(v[theme], paper), `${name} ${theme} on ${paper}`).toBeGreaterThanOrEqual(4.5);
        }
      }
    }
    // Text on the accent (a pressed toggle).
    for (const theme of ['light', 'dark'] as const) {
      expect(contrastRatio(chromeTokens['--gl-on-accent'][theme], chromeTokens['--gl-accent'][theme])).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('optimisers get five different colours; red means only "diverged"', () => {
    expect(new Set(Object.values(conceptTokens).map((v) => v.light)).size).toBeGreaterThanOrEqual(8);
    const opt = ['--gl-opt-gd', '--gl-opt-momentum', '--gl-opt-nesterov', '--gl-opt-rmsprop', '--gl-opt-adam'] as const;
    expect(new Set(opt.map((k) => conceptTokens[k].light)).size).toBe(5);
    const red = conceptTokens['--gl-diverged'].light;
    expect(Object.entries(conceptTokens).filter(([, v]) => v.light === red).map(([k]) => k)).toEqual(['--gl-diverged']);
    expect(OPTIMIZER_COLOR.adam).toBe('var(--gl-opt-adam, #bf3989)');
    expect(classColor(7)).toBe(conceptColor('class1'));
  });
});
