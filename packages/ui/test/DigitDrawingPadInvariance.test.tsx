import { describe, expect, it } from 'vitest';
import { IDENTITY_TRANSFORM, affineDigit, drawnLikeDigit, illuminate, isDigitTransform, isIdentity, morph, occlude, transformDigit } from '../src/DigitDrawingPad/transforms';
import { STATE_CHECKS, invarianceText } from '../src/DigitDrawingPad/model';

/** A 28 × 28 image with one bright pixel at (x, y). */
const dot = (x: number, y: number) => {
  const img = new Float32Array(784);
  img[y * 28 + x] = 1;
  return img;
};
const at = (img: Float32Array) => {
  const i = img.indexOf(Math.max(...img));
  return [i % 28, Math.floor(i / 28)];
};

describe('invariance transforms', () => {
  it('the identity returns the same image', () => {
    const img = dot(10, 7);
    expect(Array.from(transformDigit(img, IDENTITY_TRANSFORM))).toEqual(Array.from(img));
    expect(isIdentity(IDENTITY_TRANSFORM)).toBe(true);
  });

  it('translation moves ink by whole pixels, right and down', () => {
    const out = affineDigit(dot(10, 7), { ...IDENTITY_TRANSFORM, shiftX: 3, shiftY: -2 });
    expect(at(out)).toEqual([13, 5]);
    expect(out[5 * 28 + 13]).toBeCloseTo(1, 6);
  });

  it('rotation by 90° turns a point right of the centre to above it (counter-clockwise on screen)', () => {
    // centre 13.5: (19.5, 13.5) is not a pixel centre; use (20, 13) ~ offset (6.5, −0.5).
    const out = affineDigit(dot(20, 13), { ...IDENTITY_TRANSFORM, rotation: 90 });
    const [x, y] = at(out);
    expect(Math.abs(x - 13)).toBeLessThanOrEqual(1);
    expect(y).toBeLessThan(10);
  });

  it('scaling about the centre: ×2 doubles the offset from the centre', () => {
    const out = affineDigit(dot(17, 13), { ...IDENTITY_TRANSFORM, scale: 2 });
    const [x] = at(out);
    expect(x).toBeGreaterThanOrEqual(20);
    expect(x).toBeLessThanOrEqual(22);
  });

  it('shearing x′ = x + s·y moves rows below the centre right', () => {
    const out = affineDigit(dot(13, 23), { ...IDENTITY_TRANSFORM, shear: 0.5 });
    const [x, y] = at(out);
    expect(y).toBe(23);
    expect(x).toBeGreaterThanOrEqual(17);
  });

  it('illumination v′ = clip(c·v + b, 0, 1) greys the paper', () => {
    const out = illuminate([0, 0.5, 1], 0.5, 0.3);
    expect(Array.from(out)).toEqual([0.30000001192092896, 0.550000011920929, 0.800000011920929]);
    expect(Array.from(illuminate([0, 1], 2, 0.5))).toEqual([0.5, 1]);
  });

  it('occlusion paints a square of paper over the ink', () => {
    const ink = new Float32Array(784).fill(1);
    const out = occlude(ink, 6, 14);
    let hidden = 0;
    for (const v of out) if (v === 0) hidden++;
    expect(hidden).toBe(36);
    expect(out[14 * 28 + 14]).toBe(0);
    expect(out[0]).toBe(1);
  });

  it('morphology thickens and thins strokes', () => {
    const line = new Float32Array(100);
    for (let y = 0; y < 10; y++) line[y * 10 + 5] = 1;
    expect(morph(line, 10, true).reduce((a, b) => a + b, 0)).toBe(30);
    expect(morph(line, 10, false).reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('a drawn-like digit is a preprocessed 28 × 28 digit', () => {
    const img = new Float32Array(784);
    for (let y = 6; y < 22; y++) img[y * 28 + 14] = 1;
    const out = drawnLikeDigit(img, { stroke: 1, rotation: 10, shear: 0.2, aspect: 1.1 });
    expect(out.length).toBe(784);
    expect(Math.max(...out)).toBeCloseTo(1, 6);
    expect(out[0]).toBe(0);
  });

  it('permalink checks: a valid transform passes, out-of-range or NaN fields fail', () => {
    expect(isDigitTransform(IDENTITY_TRANSFORM)).toBe(true);
    expect(isDigitTransform({ ...IDENTITY_TRANSFORM, rotation: 400 })).toBe(false);
    expect(isDigitTransform({ ...IDENTITY_TRANSFORM, scale: Number.NaN })).toBe(false);
    expect(STATE_CHECKS.invariance!(null)).toBe(true);
    expect(STATE_CHECKS.invariance!({ shiftX: 1 })).toBe(false);
  });

  it('the status names both networks before → after', () => {
    expect(invarianceText([{ kind: 'fc', before: [7, 0.9], after: [2, 0.55] }, { kind: 'cnn', before: [7, 0.99], after: [7, 0.98] }])).toBe(' Transformed: fully connected 7 → 2 (55.0%), CNN 7 → 7 (98.0%).');
    expect(invarianceText(null)).toBe('');
  });
});
