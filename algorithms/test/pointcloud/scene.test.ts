import { describe, expect, it } from 'vitest';
import { LIDAR_CLASSES, makeLidarScene, pointFeatures, ValidationError } from '../../src';

describe('makeLidarScene', () => {
  it('is seeded, sized and labelled with every class', () => {
    const a = makeLidarScene({ nPoints: 5000, randomState: 3 });
    const b = makeLidarScene({ nPoints: 5000, randomState: 3 });
    const c = makeLidarScene({ nPoints: 5000, randomState: 4 });
    expect(a.xyz).toEqual(b.xyz);
    expect(a.labels).toEqual(b.labels);
    expect(a.xyz).not.toEqual(c.xyz);
    expect(a.xyz.length).toBe(15000);
    expect(a.labels.length).toBe(5000);
    expect(a.classNames).toEqual(LIDAR_CLASSES);
    const counts = LIDAR_CLASSES.map((_, k) => a.labels.filter((l) => l === k).length);
    for (const n of counts) expect(n).toBeGreaterThan(0);
    expect(counts[4]).toBe(50); // 1 % noise
    expect(a.size).toBeCloseTo(Math.sqrt(5000 / 4), 12);
    expect(a.xyz.every((v) => Number.isFinite(v))).toBe(true);
  });

  it('the classes differ in their features as the course says (roofs planar and flat, walls vertical, crowns spherical, wires linear)', () => {
    const s = makeLidarScene({ nPoints: 8000, randomState: 1 });
    const f = pointFeatures(s.xyz);
    const mean = (label: number, name: string) => {
      const j = f.names.indexOf(name);
      let sum = 0, n = 0;
      for (let i = 0; i < f.rows; i++) if (s.labels[i] === label) {
        sum += f.data[i * f.cols + j];
        n++;
      }
      return sum / n;
    };
    expect(mean(0, 'planarity r=2')).toBeGreaterThan(0.6);
    expect(mean(0, 'height above ground')).toBeLessThan(1);
    expect(mean(1, 'height above ground')).toBeGreaterThan(2);
    expect(mean(2, 'sphericity r=2')).toBeGreaterThan(mean(0, 'sphericity r=2') + 0.1);
    expect(mean(3, 'linearity r=1')).toBeGreaterThan(0.6);
    expect(mean(1, 'planarity r=2')).toBeGreaterThan(0.45);
    expect(mean(1, 'sphericity r=2')).toBeLessThan(mean(2, 'sphericity r=2') - 0.1);
  });

  it('tiny scenes terminate (no building fits, no power line)', () => {
    const s = makeLidarScene({ nPoints: 10, randomState: 0 });
    expect(s.labels.length).toBe(10);
    expect(s.objects.buildings).toBe(0);
  });

  it('rejects bad options with a ValidationError naming them', () => {
    for (const [o, arg] of [
      [{ nPoints: 5 }, 'nPoints'],
      [{ nPoints: 1e9 }, 'nPoints'],
      [{ nPoints: 100.5 }, 'nPoints'],
      [{ nPoints: NaN }, 'nPoints'],
      [{ density: 0 }, 'density'],
      [{ density: 1e9 }, 'density'],
      [{ jitter: -1 }, 'jitter'],
      [{ noiseFraction: 0.5 }, 'noiseFraction'],
      [{ randomState: -1 }, 'randomState'],
      [null, 'options'],
    ] as [unknown, string][]) {
      let err: unknown;
      try {
        makeLidarScene(o as never);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).argument).toBe(arg);
    }
  });
});
