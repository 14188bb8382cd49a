import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RandomForestClassifier } from '@geolearn/algorithms';
import { TreeAndForest } from '../src';
import {
  DEFAULT_STATE,
  entropy,
  forestProba,
  gini,
  growTree,
  loadData,
  nodeBoxes,
  partition,
  plotDomain,
  splitsOf,
  treeLeafBoxes,
  treeVotes,
  visibleNodes,
  voteCounts,
  type GrownTree,
} from '../src/TreeAndForest/model';
import { expectAnimationStopsOnUnmount } from './helpers';

afterEach(cleanup);

describe('TreeAndForest model', () => {
  it('computes Gini and entropy by hand', () => {
    // Three equal classes: 1 − 3·(1/3)² = 2/3; −3·(1/3)·log₂(1/3) = log₂ 3.
    expect(gini([50, 50, 50])).toBeCloseTo(2 / 3, 12);
    expect(entropy([50, 50, 50])).toBeCloseTo(Math.log2(3), 12);
    expect(gini([0, 50, 50])).toBeCloseTo(0.5, 12);
    expect(entropy([10, 0])).toBe(0);
    expect(gini([])).toBe(0);
  });

  it("grows iris's root split (petal width x₄ ≤ 0.8 at seed 0, tied with x₃ ≤ 2.45) with impurity decrease 2/3 − (100/150)·0.5 = 1/3", () => {
    const data = loadData('iris', 0, 0);
    const t = growTree(data, { maxDepth: 3, minSamplesLeaf: 1, criterion: 'gini' }, 0) as GrownTree;
    const root = t.nodes[0];
    // Both petal splits isolate setosa; the seed's feature order breaks the tie, as scikit-learn's.
    expect(root.feature).toBe(3);
    expect(root.threshold).toBeCloseTo(0.8, 9);
    expect(root.impurity).toBeCloseTo(2 / 3, 9);
    expect(t.decrease[0]).toBeCloseTo(1 / 3, 9);
    expect(t.nodes[root.left].value).toEqual([50, 0, 0]);
  });

  it('reveals nodes in growth order and tiles the plane with the frontier', () => {
    const data = loadData('moons', 200, 0);
    const t = growTree(data, { maxDepth: 4, minSamplesLeaf: 1, criterion: 'entropy' }, 0) as GrownTree;
    expect(visibleNodes(t.nodes, 0).filter(Boolean)).toEqual(['pending']);
    const v1 = visibleNodes(t.nodes, 1);
    expect(v1.filter((x) => x === 'pending')).toHaveLength(2);
    const boxes = nodeBoxes(t.nodes, 2);
    const dom = plotDomain(data.X, [0, 1]);
    for (const g of [0, 1, 3, t.nodes.length]) {
      const regions = partition(t.nodes, visibleNodes(t.nodes, g), boxes, [0, 1], [0, 0]);
      // The regions' areas (clipped to the domain) add up to the domain's.
      const area = regions.reduce((s, r) => {
        const w = Math.min(dom[1], r.box[1]) - Math.max(dom[0], r.box[0]);
        const h = Math.min(dom[3], r.box[3]) - Math.max(dom[2], r.box[2]);
        return s + Math.max(0, w) * Math.max(0, h);
      }, 0);
      expect(area).toBeCloseTo((dom[1] - dom[0]) * (dom[3] - dom[2]), 6);
    }
    expect(splitsOf(t.nodes, t.nodes.length, boxes, [0, 1], [0, 0]).hidden).toEqual([]);
  });

  it('reports one class only instead of throwing', () => {
    const data = { ...loadData('moons', 50, 0) };
    data.y = data.y.map(() => 1);
    expect(growTree(data, DEFAULT_STATE, 0)).toMatch(/One class only/);
  });

  it('votes and averages as RandomForestClassifier does, from the JSON trees', () => {
    const data = loadData('blobs', 150, 1);
    const rf = new RandomForestClassifier({ nEstimators: 7, maxDepth: 3, randomState: 0 }).fit(data.X, data.y);
    const trees = rf.toJSON().estimators;
    const q = [[0.3, 0.4], [-2, -1], [2, 2]];
    q.forEach((x, i) => {
      expect(treeVotes(trees, x, 3)).toEqual(rf.treeVotes(q)[i]);
      forestProba(trees, x, 3).forEach((p, k) => expect(p).toBeCloseTo(rf.predictProba(q)[i][k], 12));
    });
    // Every tree votes once: the bar never sums to zero.
    expect(voteCounts(treeVotes(trees, q[0], 3), 3).reduce((a, b) => a + b, 0)).toBe(7);
    // A tree's leaf boxes cover the domain.
    const dom = plotDomain(data.X, [0, 1]);
    const area = treeLeafBoxes(trees[0], dom, 3).reduce((s, b) => s + (b.box[1] - b.box[0]) * (b.box[3] - b.box[2]), 0);
    expect(area).toBeCloseTo((dom[1] - dom[0]) * (dom[3] - dom[2]), 6);
  });

  // Its time (target: under 100 ms) is measured by `pnpm bench` in Chromium
  // (test/bench/drag-frame.bench.ts), not here: tests are not timed.
  it('refits a 50-tree forest on 500 points', () => {
    const data = loadData('moons', 500, 0);
    const forest = new RandomForestClassifier({ nEstimators: 50, maxDepth: 8, randomState: 0 }).fit(data.X, data.y);
    expect(forest.estimators).toHaveLength(50);
    expect(forest.score(data.X, data.y)).toBeGreaterThan(0.9);
  });
});

describe('TreeAndForest component', () => {
  it('grows the tree with Step and Reset, and highlights a focused node', () => {
    const onValueChange = vi.fn();
    render(<TreeAndForest onValueChange={onValueChange} />);
    const status = screen.getByTestId('status');
    expect(status.textContent).toMatch(/Tree complete/);
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(status.getAttribute('data-grown')).toBe('0');
    fireEvent.click(screen.getByRole('button', { name: 'Grow one node' }));
    expect(status.textContent).toMatch(/^Step 1 of \d+: node 0 splits on x₄ ≤ 0.8 \(gini 0.667, impurity decrease 0.333\)/);
    expect(onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ grown: 1 }));
    expect(screen.getAllByTestId('region')).toHaveLength(2);
    const node = screen.getAllByTestId('tree-node').find((n) => n.getAttribute('data-node') === '1')!;
    act(() => node.focus());
    expect(screen.getByTestId('focus-box')).toBeTruthy();
  });

  it('Play replays the growth from the root and stops its animation on unmount', () => {
    expectAnimationStopsOnUnmount(<TreeAndForest />);
  });

  it('shows the splits on unplotted iris features as a list', () => {
    render(<TreeAndForest defaultValue={{ features: [0, 1] }} />);
    expect(screen.getByTestId('hidden-splits').textContent).toMatch(/x₄ ≤ 0.8 \(node 0\)/);
  });

  it('fits the forest (main-thread fallback here) and counts the votes at the dragged point', async () => {
    render(<TreeAndForest defaultValue={{ mode: 'forest', nTrees: 5, dataset: 'blobs', nSamples: 100, query: [2, -1] }} worker={false} showPerformance />);
    await waitFor(() => expect(screen.getByTestId('votes')).toBeTruthy());
    const votes = screen.getByTestId('votes').getAttribute('data-votes')!.split(',').map(Number);
    expect(votes.reduce((a, b) => a + b, 0)).toBe(5);
    expect(screen.getByTestId('forest-grid').getAttribute('data-trees')).toBe('5');
    expect(screen.getByTestId('fps').textContent).toMatch(/forest refit/);
    const q = screen.getByRole('button', { name: /Point the trees vote on/ });
    act(() => q.focus());
    fireEvent.keyDown(q, { key: 'Home' });
    expect(screen.getByTestId('status').textContent).toMatch(/^5 trees vote/);
  });

  it('cancels a forest fit in progress on unmount, without errors', async () => {
    const err = vi.spyOn(console, 'error');
    const { unmount } = render(<TreeAndForest defaultValue={{ mode: 'forest', nTrees: 50, dataset: 'moons', nSamples: 500 }} worker={false} />);
    expect(screen.getByRole('progressbar')).toBeTruthy();
    unmount();
    await new Promise((r) => setTimeout(r, 50));
    expect(err).not.toHaveBeenCalled();
    err.mockRestore();
  });

  it('keeps the trees slider at ≥ 1 and rejects a 0-tree default', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    render(<TreeAndForest defaultValue={{ mode: 'forest', nTrees: 0 }} worker={false} />);
    expect(warn).toHaveBeenCalled();
    expect(screen.getByRole('slider', { name: /Trees/ }).getAttribute('aria-valuemin') ?? '1').toBe('1');
    warn.mockRestore();
  });
});
