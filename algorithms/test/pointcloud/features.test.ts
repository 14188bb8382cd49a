import { describe, expect, it } from 'vitest';
import { heightAboveGround, makeLidarScene, pointFeatures, pointFeatureSteps, shapeFeatures, symmetricEigen3, ValidationError, RandomState } from '../../src';

/** Feature `name` at radius r of point i. */
function feat(f: ReturnType<typeof pointFeatures>, i: number, name: string): number {
  const j = f.names.indexOf(name);
  expect(j).toBeGreaterThanOrEqual(0);
  return f.data[i * f.cols + j];
}

/** A regular grid of points on the plane spanned by u and v through the origin. */
function plane(u: number[], v: number[], m = 5): number[] {
  const p: number[] = [];
  for (let a = -m; a <= m; a++) for (let b = -m; b <= m; b++) p.push(a * u[0] + b * v[0], a * u[1] + b * v[1], a * u[2] + b * v[2]);
  return p;
}

describe('symmetricEigen3', () => {
  it('diagonal, hand-worked and random matrices: A v = λ v, λ₁ ≥ λ₂ ≥ λ₃', () => {
    expect(symmetricEigen3(3, 0, 0, 1, 0, 2).values).toEqual([3, 2, 1]);
    // [[2,1,0],[1,2,0],[0,0,5]]: eigenvalues 5, 3, 1; λ₃'s vector (1,−1,0)/√2.
    const e = symmetricEigen3(2, 1, 0, 2, 0, 5);
    e.values.forEach((v, i) => expect(v).toBeCloseTo([5, 3, 1][i], 12));
    expect(Math.abs(e.normal[0])).toBeCloseTo(Math.SQRT1_2, 12);
    expect(e.normal[0] * e.normal[1]).toBeCloseTo(-0.5, 12);
    const rng = new RandomState(3);
    for (let t = 0; t < 200; t++) {
      // A random covariance: Σ of outer products.
      const m = [0, 0, 0, 0, 0, 0];
      for (let k = 0; k < 4; k++) {
        const x = [rng.normal(), rng.normal(), rng.normal()];
        m[0] += x[0] * x[0]; m[1] += x[0] * x[1]; m[2] += x[0] * x[2]; m[3] += x[1] * x[1]; m[4] += x[1] * x[2]; m[5] += x[2] * x[2];
      }
      const { values: [l1, l2, l3], normal: n } = symmetricEigen3(m[0], m[1], m[2], m[3], m[4], m[5]);
      expect(l1).toBeGreaterThanOrEqual(l2);
      expect(l2).toBeGreaterThanOrEqual(l3);
      expect(l1 + l2 + l3).toBeCloseTo(m[0] + m[3] + m[5], 9);
      const An = [m[0] * n[0] + m[1] * n[1] + m[2] * n[2], m[1] * n[0] + m[3] * n[1] + m[4] * n[2], m[2] * n[0] + m[4] * n[1] + m[5] * n[2]];
      An.forEach((v, i) => expect(v).toBeCloseTo(l3 * n[i], 7));
      expect(Math.hypot(...n)).toBeCloseTo(1, 12);
    }
  });

  it('degenerate matrices give finite values and a unit normal', () => {
    for (const m of [[0, 0, 0, 0, 0, 0], [1, 1, 1, 1, 1, 1], [1, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 1], [1e-300, 0, 0, 1e-300, 0, 1e-300], [4, 0, 0, 4, 0, 4]]) {
      const e = symmetricEigen3(m[0], m[1], m[2], m[3], m[4], m[5]);
      for (const v of [...e.values, ...e.normal]) expect(Number.isFinite(v)).toBe(true);
      expect(Math.hypot(...e.normal)).toBeCloseTo(1, 12);
    }
    // A horizontal line (λ₂ = λ₃ = 0): the normal nearest the vertical is ẑ.
    expect(symmetricEigen3(1, 0, 0, 0, 0, 0).normal).toEqual([0, 0, 1]);
    // A vertical line: a horizontal normal.
    expect(symmetricEigen3(0, 0, 0, 0, 0, 1).normal[2]).toBe(0);
  });

  it('shapeFeatures: L + P + S = 1, and no shape at λ₁ = 0', () => {
    const f = shapeFeatures(3, 2, 1, 0.6);
    expect(f.linearity).toBeCloseTo(1 / 3, 15);
    expect(f.planarity).toBeCloseTo(1 / 3, 15);
    expect(f.sphericity).toBeCloseTo(1 / 3, 15);
    expect(f.verticality).toBeCloseTo(0.4, 15);
    expect(shapeFeatures(0, 0, 0, 1)).toEqual({ linearity: 0, planarity: 0, sphericity: 0, verticality: 0 });
  });
});

describe('pointFeatures on hand-built shapes (one neighbourhood holds them all)', () => {
  const big = { radii: [100] };
  it('a horizontal plane: planarity 1, verticality 0', () => {
    const f = pointFeatures(plane([1, 0, 0], [0, 1, 0]), big);
    expect(feat(f, 60, 'linearity r=100')).toBeCloseTo(0, 12);
    expect(feat(f, 60, 'planarity r=100')).toBeCloseTo(1, 12);
    expect(feat(f, 60, 'sphericity r=100')).toBeCloseTo(0, 12);
    expect(feat(f, 60, 'verticality r=100')).toBeCloseTo(0, 12);
    expect(feat(f, 60, 'density r=100')).toBeCloseTo(121 / ((4 / 3) * Math.PI * 1e6), 15);
  });
  it('a vertical plane (a wall): planarity 1, verticality 1; a 45° roof: verticality 1 − 1/√2', () => {
    const wall = pointFeatures(plane([1, 1, 0].map((v) => v / Math.SQRT2), [0, 0, 1]), big);
    expect(feat(wall, 5, 'planarity r=100')).toBeCloseTo(1, 12);
    expect(feat(wall, 5, 'verticality r=100')).toBeCloseTo(1, 12);
    const roof = pointFeatures(plane([1, 0, 1].map((v) => v / Math.SQRT2), [0, 1, 0]), big);
    expect(feat(roof, 7, 'planarity r=100')).toBeCloseTo(1, 12);
    expect(feat(roof, 7, 'verticality r=100')).toBeCloseTo(1 - Math.SQRT1_2, 12);
  });
  it('a line: linearity 1; a vertical pole: verticality 1; a horizontal wire: verticality 0', () => {
    const line = (d: number[]) => Array.from({ length: 21 }, (_, i) => d.map((v) => (i - 10) * 0.3 * v)).flat();
    const oblique = pointFeatures(line([1, 2, 2].map((v) => v / 3)), big);
    expect(feat(oblique, 3, 'linearity r=100')).toBeCloseTo(1, 12);
    expect(feat(oblique, 3, 'planarity r=100')).toBeCloseTo(0, 12);
    expect(feat(oblique, 3, 'sphericity r=100')).toBeCloseTo(0, 12);
    expect(feat(pointFeatures(line([0, 0, 1]), big), 0, 'verticality r=100')).toBeCloseTo(1, 12);
    expect(feat(pointFeatures(line([0.6, 0.8, 0]), big), 0, 'verticality r=100')).toBeCloseTo(0, 12);
  });
  it('a sphere (the 8 corners of a cube and the 6 face centres, scaled): sphericity 1', () => {
    const pts: number[] = [];
    for (const sx of [-1, 1]) for (const sy of [-1, 1]) for (const sz of [-1, 1]) pts.push(sx, sy, sz);
    for (let d = 0; d < 3; d++) for (const s of [-1, 1]) pts.push(...[0, 1, 2].map((k) => (k === d ? s * Math.sqrt(3) : 0)));
    const f = pointFeatures(pts, big);
    for (let i = 0; i < 14; i++) {
      expect(feat(f, i, 'sphericity r=100')).toBeCloseTo(1, 12);
      expect(feat(f, i, 'linearity r=100')).toBeCloseTo(0, 12);
      expect(feat(f, i, 'planarity r=100')).toBeCloseTo(0, 12);
    }
  });
  it('a random sphere surface is nearly isotropic; a random plane patch nearly planar', () => {
    const rng = new RandomState(5);
    const s: number[] = [];
    const p: number[] = [];
    for (let i = 0; i < 1500; i++) {
      const v = [rng.normal(), rng.normal(), rng.normal()];
      const r = Math.hypot(...v);
      s.push(...v.map((c) => c / r));
      p.push(rng.uniform(-1, 1), rng.uniform(-1, 1), 0.001 * rng.normal());
    }
    expect(feat(pointFeatures(s, big), 0, 'sphericity r=100')).toBeGreaterThan(0.9);
    expect(feat(pointFeatures(p, big), 0, 'planarity r=100')).toBeGreaterThan(0.95);
  });
  it('small radii see only the local shape (multi-scale): a corner of two planes', () => {
    // Floor z = 0 (x ≤ 0) and wall x = 0 (z ≥ 0), spacing 0.2: at r = 0.5 far from the edge,
    // the floor is planar and horizontal; at r = 50 the whole corner is not planar.
    const pts: number[] = [];
    for (let a = 0; a <= 40; a++) for (let b = 0; b <= 40; b++) pts.push(-a * 0.2, b * 0.2, 0);
    for (let a = 1; a <= 40; a++) for (let b = 0; b <= 40; b++) pts.push(0, b * 0.2, a * 0.2);
    const f = pointFeatures(pts, { radii: [0.5, 50] });
    const i = 30 * 41 + 20; // x = −6, on the floor
    expect(feat(f, i, 'planarity r=0.5')).toBeCloseTo(1, 9);
    expect(feat(f, i, 'verticality r=0.5')).toBeCloseTo(0, 9);
    expect(feat(f, i, 'planarity r=50')).toBeLessThan(0.9);
    const w = 41 * 41 + 30 * 41 + 20; // z = 6.2, on the wall
    expect(feat(f, w, 'verticality r=0.5')).toBeCloseTo(1, 9);
  });
});

describe('degenerate neighbourhoods give finite, defined features', () => {
  const finite = (f: ReturnType<typeof pointFeatures>) => f.data.every((v) => Number.isFinite(v));
  it('duplicates only, a lone point, two points, collinear points, a big offset', () => {
    const dup = pointFeatures(new Float64Array(30).fill(7));
    expect(finite(dup)).toBe(true);
    expect(feat(dup, 0, 'linearity r=1')).toBe(0);
    expect(feat(dup, 0, 'sphericity r=3')).toBe(0);
    const lone = pointFeatures([0, 0, 0, 10, 10, 10]);
    expect(finite(lone)).toBe(true);
    expect(feat(lone, 0, 'planarity r=2')).toBe(0);
    const two = pointFeatures([0, 0, 0, 0.5, 0, 0]);
    expect(feat(two, 0, 'linearity r=1')).toBeCloseTo(1, 12);
    const coll = pointFeatures(Array.from({ length: 30 }, (_, i) => [i * 0.1, i * 0.1, 0]).flat());
    expect(finite(coll)).toBe(true);
    expect(feat(coll, 10, 'linearity r=1')).toBeCloseTo(1, 9);
    // Far from the origin: the moments are taken about the query point, so no cancellation.
    const far = pointFeatures(plane([1, 0, 0], [0, 1, 0]).map((v, i) => v + (i % 3 === 2 ? 0 : 1e7)), { radii: [100] });
    expect(feat(far, 60, 'planarity r=100')).toBeCloseTo(1, 6);
    // Duplicates mixed into a plane.
    const mixed = pointFeatures([...plane([1, 0, 0], [0, 1, 0], 2), ...new Array(30).fill(0)], { radii: [10] });
    expect(finite(mixed)).toBe(true);
    expect(feat(mixed, 0, 'planarity r=10')).toBeCloseTo(1, 12);
  });
});

describe('height above ground and the steps', () => {
  it('is z minus the lowest z nearby; 0 on flat ground', () => {
    const pts = [...plane([1, 0, 0], [0, 1, 0], 3), 0, 0, 5];
    const h = heightAboveGround(pts, 2, 1);
    expect(h[h.length - 1]).toBe(5);
    expect(h[0]).toBe(0);
  });
  it('pointFeatureSteps reports progress and ends with the same matrix as pointFeatures', () => {
    const s = makeLidarScene({ nPoints: 900, randomState: 2 });
    const steps = pointFeatureSteps(s.xyz, { chunkSize: 200 });
    const seen: number[] = [];
    let r = steps.next();
    while (!r.done) {
      seen.push(r.value.done);
      r = steps.next();
    }
    expect(seen).toEqual([0, 200, 400, 600, 800]);
    expect(r.value.data).toEqual(pointFeatures(s.xyz).data);
    expect(r.value.cols).toBe(16);
    expect(r.value.names.at(-1)).toBe('height above ground');
  });
  it('rejects bad options with a ValidationError naming them', () => {
    const xyz = [0, 0, 0, 1, 1, 1];
    const bad: [unknown, string][] = [
      [{ radii: [] }, 'radii'],
      [{ radii: [2, 1] }, 'radii'],
      [{ radii: [1, 1] }, 'radii'],
      [{ radii: [0] }, 'radii[0]'],
      [{ radii: [1, NaN] }, 'radii[1]'],
      [{ radii: 'big' }, 'radii'],
      [{ groundCell: 0 }, 'groundCell'],
      [{ groundWindow: -1 }, 'groundWindow'],
      [{ chunkSize: 1.5 }, 'chunkSize'],
      [null, 'options'],
    ];
    for (const [o, arg] of bad) {
      expect(() => pointFeatures(xyz, o as never)).toThrow(ValidationError);
      try {
        pointFeatures(xyz, o as never);
      } catch (e) {
        expect((e as ValidationError).argument).toBe(arg);
      }
    }
    expect(() => pointFeatures([0, 0, Infinity])).toThrow(ValidationError);
    expect(() => pointFeatures([0, 0])).toThrow(ValidationError);
    expect(() => pointFeatures([])).toThrow(ValidationError);
  });
});
