import { describe, expect, it } from 'vitest';
import { KDTree, RandomState, ValidationError } from '../../src';

function randomCloud(n: number, seed: number, dup = false): Float64Array {
  const rng = new RandomState(seed);
  const p = new Float64Array(3 * n);
  for (let i = 0; i < 3 * n; i++) p[i] = dup ? Math.round(rng.uniform(0, 4)) : rng.uniform(-5, 5);
  return p;
}

function bruteRadius(p: Float64Array, q: number[], r: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < p.length / 3; i++) {
    const d2 = (p[3 * i] - q[0]) ** 2 + (p[3 * i + 1] - q[1]) ** 2 + (p[3 * i + 2] - q[2]) ** 2;
    if (d2 <= r * r) out.push(i);
  }
  return out;
}

function bruteKnn(p: Float64Array, q: number[], k: number): { i: number; d: number }[] {
  const all = Array.from({ length: p.length / 3 }, (_, i) => ({ i, d: Math.hypot(p[3 * i] - q[0], p[3 * i + 1] - q[1], p[3 * i + 2] - q[2]) }));
  return all.sort((a, b) => a.d - b.d || a.i - b.i).slice(0, k);
}

describe('KDTree', () => {
  for (const [name, cloud, leaf] of [
    ['random points', randomCloud(2000, 1), 16],
    ['random points, leaf size 1', randomCloud(500, 2), 1],
    ['many duplicates (integer grid 0…4)', randomCloud(1500, 3, true), 8],
  ] as const) {
    it(`radius queries match brute force: ${name}`, () => {
      const tree = new KDTree(cloud, { leafSize: leaf });
      expect(tree.size).toBe(cloud.length / 3);
      const rng = new RandomState(7);
      for (let t = 0; t < 60; t++) {
        const q = [rng.uniform(-6, 6), rng.uniform(-6, 6), rng.uniform(-6, 6)];
        const r = rng.uniform(0.1, 3);
        const got = Array.from(tree.queryRadius(q[0], q[1], q[2], r).indices).sort((a, b) => a - b);
        expect(got).toEqual(bruteRadius(cloud, q, r));
      }
    });
    it(`k-nearest neighbours match brute force: ${name}`, () => {
      const tree = new KDTree(cloud, { leafSize: leaf });
      const rng = new RandomState(8);
      for (let t = 0; t < 40; t++) {
        const q = [rng.uniform(-6, 6), rng.uniform(-6, 6), rng.uniform(-6, 6)];
        const k = 1 + rng.randint(25);
        const got = tree.knn(q[0], q[1], q[2], k);
        const want = bruteKnn(cloud, q, k);
        expect(Array.from(got.indices)).toEqual(want.map((w) => w.i));
        want.forEach((w, j) => expect(got.distances[j]).toBeCloseTo(w.d, 12));
      }
    });
  }

  it('sorted radius results come nearest first, the query point itself at distance 0', () => {
    const p = randomCloud(300, 4);
    const tree = new KDTree(p);
    const res = tree.queryRadius(p[30], p[31], p[32], 2, true);
    expect(res.indices[0]).toBe(10);
    expect(res.distances[0]).toBe(0);
    for (let i = 1; i < res.distances.length; i++) expect(res.distances[i]).toBeGreaterThanOrEqual(res.distances[i - 1]);
  });

  it('handles a single point, all points identical, and k = n', () => {
    const one = new KDTree([1, 2, 3]);
    expect(Array.from(one.knn(0, 0, 0, 1).indices)).toEqual([0]);
    const same = new KDTree(new Float64Array(3 * 100).fill(2));
    expect(same.queryRadius(2, 2, 2, 0.1).indices.length).toBe(100);
    expect(same.knn(2, 2, 2, 100).indices.length).toBe(100);
    expect(Array.from(same.knn(2, 2, 2, 3).indices)).toEqual([0, 1, 2]);
  });

  it('rejects bad input with a ValidationError naming the argument', () => {
    const bad: [() => unknown, string][] = [
      [() => new KDTree([]), 'xyz'],
      [() => new KDTree([1, 2]), 'xyz'],
      [() => new KDTree([1, 2, NaN]), 'xyz'],
      [() => new KDTree([1, 2, '3'] as unknown as number[]), 'xyz'],
      [() => new KDTree('abc' as unknown as number[]), 'xyz'],
      [() => new KDTree([1, 2, 3], { leafSize: 0 }), 'leafSize'],
      [() => new KDTree([1, 2, 3]).queryRadius(0, 0, 0, -1), 'r'],
      [() => new KDTree([1, 2, 3]).queryRadius(0, NaN, 0, 1), 'y'],
      [() => new KDTree([1, 2, 3]).knn(0, 0, 0, 2), 'k'],
      [() => new KDTree([1, 2, 3]).knn(0, 0, 0, 0.5), 'k'],
    ];
    for (const [f, arg] of bad) {
      let err: unknown;
      try {
        f();
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).argument).toBe(arg);
    }
  });
});
