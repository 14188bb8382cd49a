import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/errors';
import { MNIST_PIXELS, MNIST_SIZE, augmentDigit, loadMnist, preprocessDigit, sampleBilinear, type MnistPackage } from '../../src/nn/mnist';

const mnist = createRequire(import.meta.url)('mnist') as MnistPackage;

/** Centre of mass (x, y) of a 28×28 image, pixel centres at i + 0.5. */
function com(img: ArrayLike<number>): [number, number] {
  let m = 0, x = 0, y = 0;
  for (let i = 0; i < MNIST_PIXELS; i++) {
    m += img[i];
    x += img[i] * ((i % 28) + 0.5);
    y += img[i] * (Math.floor(i / 28) + 0.5);
  }
  return [x / m, y / m];
}

function inkBox(img: ArrayLike<number>, w: number): { w: number; h: number } {
  let x0 = Infinity, x1 = -1, y0 = Infinity, y1 = -1;
  for (let i = 0; i < img.length; i++) {
    if (img[i] > 0.05) {
      const x = i % w, y = Math.floor(i / w);
      x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
    }
  }
  return { w: x1 - x0 + 1, h: y1 - y0 + 1 };
}

describe('sampleBilinear', () => {
  // Hand-worked on the 2 × 2 image [[0, 1], [2, 3]]: at (0.5, 0.5) the mean of the four, 1.5;
  // at (0.25, 0) a quarter of the way from 0 to 1; at (1, 0.5) halfway from 1 to 3; outside is paper (0),
  // so at (1.5, 0) half of 1 with half of nothing.
  const img = [0, 1, 2, 3];
  it('interpolates between the four neighbours and counts outside as 0', () => {
    expect(sampleBilinear(img, 2, 0.5, 0.5)).toBeCloseTo(1.5, 12);
    expect(sampleBilinear(img, 2, 0.25, 0)).toBeCloseTo(0.25, 12);
    expect(sampleBilinear(img, 2, 1, 0.5)).toBeCloseTo(2, 12);
    expect(sampleBilinear(img, 2, 1.5, 0)).toBeCloseTo(0.5, 12);
    expect(sampleBilinear(img, 2, -3, 7)).toBe(0);
    for (let i = 0; i < 4; i++) expect(sampleBilinear(img, 2, i % 2, Math.floor(i / 2))).toBe(img[i]);
  });
});

describe('MNIST', () => {
  it('loads the mnist package and holds out the last 200 digits of each class', () => {
    const { train, test } = loadMnist(mnist, { preprocess: false });
    expect(train.n + test.n).toBe(10000);
    expect(test.n).toBe(2000);
    expect(train.n).toBe(8000);
    for (let d = 0; d < 10; d++) expect(test.labels.filter((l) => l === d).length).toBe(200);
    // The first test digit of class 0 is digit number (length − 200) of the package's class 0.
    const k = mnist[0].length - 200;
    for (let p = 0; p < MNIST_PIXELS; p += 13) expect(test.images[p]).toBeCloseTo(mnist[0].raw[k * MNIST_PIXELS + p], 6);
    expect(() => loadMnist(mnist, { testPerClass: 5000 })).toThrow(ValidationError);
  });

  it('preprocessing fits a drawing into 20×20 keeping its aspect and centres its mass in 28×28', () => {
    // A 60 × 20 px stroke in the corner of a 200 × 200 pad: scaled by 20/60 to 20 × 7 (rounded).
    const W = 200;
    const pad = new Float32Array(W * W);
    for (let y = 10; y < 30; y++) for (let x = 5; x < 65; x++) pad[y * W + x] = 1;
    const img = preprocessDigit(pad, W, W);
    expect(img.length).toBe(MNIST_PIXELS);
    const box = inkBox(img, MNIST_SIZE);
    expect(box.w).toBe(20);
    expect(box.h).toBe(7);
    const [cx, cy] = com(img);
    expect(Math.abs(cx - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(cy - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.max(...img)).toBeCloseTo(1, 6);
    expect(Array.from(preprocessDigit(new Float32Array(100), 10, 10)).every((v) => v === 0)).toBe(true);
    expect(() => preprocessDigit(new Float32Array(10), 4, 4)).toThrow(ValidationError);
  });

  it('preprocessing leaves real MNIST digits nearly unchanged (they were made this way)', () => {
    const d = mnist[3];
    let diff = 0;
    for (let k = 0; k < 20; k++) {
      const raw = Float32Array.from({ length: MNIST_PIXELS }, (_, p) => d.raw[k * MNIST_PIXELS + p]);
      const pre = preprocessDigit(raw, 28, 28);
      let dot = 0, a = 0, b = 0;
      for (let p = 0; p < MNIST_PIXELS; p++) {
        dot += raw[p] * pre[p];
        a += raw[p] ** 2;
        b += pre[p] ** 2;
      }
      diff += dot / Math.sqrt(a * b);
    }
    expect(diff / 20).toBeGreaterThan(0.8);
  });

  it('augmentation is seeded, keeps the ink, and the identity transform changes nothing', () => {
    const img = Float32Array.from({ length: MNIST_PIXELS }, (_, p) => mnist[7].raw[p]);
    const a = augmentDigit(img, { randomState: 5 });
    expect(Array.from(augmentDigit(img, { randomState: 5 }))).toEqual(Array.from(a));
    expect(Array.from(augmentDigit(img, { randomState: 6 }))).not.toEqual(Array.from(a));
    const ink = (x: Float32Array) => x.reduce((s, v) => s + v, 0);
    expect(ink(a) / ink(img)).toBeGreaterThan(0.7);
    expect(ink(a) / ink(img)).toBeLessThan(1.3);
    const same = augmentDigit(img, { maxShift: 0, maxRotation: 0, maxScale: 0 });
    same.forEach((v, i) => expect(v).toBeCloseTo(img[i], 6));
  });
});
