/**
 * Shared pieces of the conformance and property tests: generators of bad inputs and of
 * corrupt JSON documents, and a tally of outcomes for the reliability report.
 */

/** How a probe ended: a typed ValidationError, a valid result, another exception, or a silent non-finite result. */
export type Outcome = 'typed' | 'valid' | 'crash' | 'silent';

const counts = new Map<string, Record<Outcome, number>>();

/** Counts one probe of `area`. */
export function tally(area: string, outcome: Outcome): void {
  let c = counts.get(area);
  if (!c) counts.set(area, (c = { typed: 0, valid: 0, crash: 0, silent: 0 }));
  c[outcome]++;
}

/** One line per area: probes, typed errors, valid results, crashes, silent wrong results. */
export function summary(): string {
  const lines = ['area: probes | typed error | valid | crash | silent wrong'];
  for (const [area, c] of counts) lines.push(`${area}: ${c.typed + c.valid + c.crash + c.silent} | ${c.typed} | ${c.valid} | ${c.crash} | ${c.silent}`);
  return lines.join('\n');
}

/** Malformed versions of a valid sample matrix, with the problem code each must give. */
export function badMatrices(X: number[][]): { X: unknown; problem: string | string[] }[] {
  const cell = (i: number, j: number, v: unknown) => X.map((r, a) => (a === i ? r.map((u, b) => (b === j ? v : u)) : [...r]));
  const sparse = X.map((r) => [...r]) as unknown[][];
  const hole = new Array(X[0].length); // [ <holes> ]
  sparse[1] = hole;
  const d = X[0].length;
  const typed = (rows: unknown, cols: unknown, data: unknown) => ({ rows, cols, data });
  return [
    { X: [], problem: 'empty' },
    { X: [[]], problem: 'empty' },
    { X: X.map((r, i) => (i === 1 ? r.slice(1) : r)), problem: 'ragged' },
    { X: X.map((r, i) => (i === 2 ? [...r, 1] : r)), problem: 'ragged' },
    { X: cell(1, 0, NaN), problem: 'not-finite' },
    { X: cell(2, d - 1, Infinity), problem: 'not-finite' },
    { X: cell(0, 0, -Infinity), problem: 'not-finite' },
    { X: cell(2, 1 % d, null), problem: 'missing-value' },
    { X: cell(3, 0, undefined), problem: 'missing-value' },
    { X: sparse, problem: 'missing-value' },
    { X: cell(1, 0, '7'), problem: 'not-a-number' },
    { X: cell(1, 0, ''), problem: 'not-a-number' },
    { X: cell(1, 0, 'abc'), problem: 'not-a-number' },
    { X: cell(1, 0, true), problem: 'not-a-number' },
    { X: cell(1, 0, {}), problem: 'not-a-number' },
    { X: cell(1, 0, [5]), problem: 'too-many-dimensions' },
    { X: X.map((r) => r.map((v) => [v])), problem: 'too-many-dimensions' },
    { X: X.map((r) => r[0]), problem: 'bad-option' },
    { X: X.map((r, i) => (i === 1 ? null : r)), problem: 'missing-value' },
    { X: X.map((r, i) => (i === 1 ? 'ab' : r)), problem: 'not-a-number' },
    { X: X.map((r, i) => (i === 1 ? { 0: 1, 1: 2, length: d } : r)), problem: 'not-a-number' },
    { X: null, problem: ['bad-option', 'missing-value'] },
    { X: undefined, problem: ['bad-option', 'missing-value'] },
    { X: 'abc', problem: 'bad-option' },
    { X: 42, problem: 'bad-option' },
    { X: {}, problem: 'bad-option' },
    { X: typed(2, d, new Float64Array(2 * d + 1)), problem: 'shape-mismatch' },
    { X: typed(NaN, d, new Float64Array(0)), problem: 'shape-mismatch' },
    { X: typed(-1, d, new Float64Array(0)), problem: 'shape-mismatch' },
    { X: typed(1.5, d, new Float64Array(0)), problem: 'shape-mismatch' },
    { X: typed(0, d, new Float64Array(0)), problem: 'empty' },
    { X: typed(2, d, 'x'.repeat(2 * d)), problem: 'wrong-type' },
    { X: typed(2, d, Float64Array.from({ length: 2 * d }, (_, k) => (k === 1 ? NaN : k))), problem: 'not-finite' },
  ];
}

/** Malformed versions of a valid target vector, with the problem code each must give. */
export function badVectors(y: number[]): { y: unknown; problem: string | string[] }[] {
  const at = (i: number, v: unknown) => y.map((u, k) => (k === i ? v : u));
  return [
    { y: y.slice(1), problem: 'length-mismatch' },
    { y: [...y, y[0]], problem: 'length-mismatch' },
    { y: [], problem: 'empty' },
    { y: at(1, NaN), problem: 'not-finite' },
    { y: at(2, Infinity), problem: 'not-finite' },
    { y: at(3, null), problem: 'missing-value' },
    { y: at(3, undefined), problem: 'missing-value' },
    { y: at(0, '1'), problem: 'not-a-number' },
    { y: at(0, true), problem: 'not-a-number' },
    { y: at(0, [1]), problem: 'too-many-dimensions' },
    { y: y.map((v) => [v]), problem: 'too-many-dimensions' },
    { y: null, problem: 'missing-value' },
    { y: 'abc', problem: 'bad-option' },
    { y: {}, problem: 'bad-option' },
    { y: 7, problem: 'bad-option' },
  ];
}

type Json = unknown;

/** The values a leaf is replaced with; `i` is the leaf's index in its array (for self-pointing indices). */
function replacements(leaf: Json, i: number | null): { v: Json; label: string }[] {
  const out: { v: Json; label: string }[] = [
    { v: null, label: 'null' },
    { v: 'x', label: '"x"' },
    { v: true, label: 'true' },
    { v: NaN, label: 'NaN' },
    { v: Infinity, label: 'Infinity' },
    { v: -1, label: '-1' },
    { v: 0, label: '0' },
    { v: 1.5, label: '1.5' },
    { v: 1e300, label: '1e300' },
    { v: -1e300, label: '-1e300' },
    { v: 2 ** 31, label: '2^31' },
    { v: [], label: '[]' },
    { v: {}, label: '{}' },
  ];
  if (typeof leaf === 'number') out.push({ v: -leaf, label: 'negated' }, { v: leaf + 1, label: '+1' });
  if (i !== null) out.push({ v: i, label: 'own index' }, { v: Math.max(0, i - 1), label: 'previous index' });
  return out;
}

/** The indices of an array that get mutated: the first two, the middle and the last. */
function sampleIndices(n: number): number[] {
  return Array.from(new Set([0, 1, Math.floor(n / 2), n - 1])).filter((k) => k >= 0 && k < n);
}

/**
 * Every corrupt variant of a valid JSON document, generated systematically: each key
 * deleted and each value (objects, arrays and sampled array entries, at any depth) replaced
 * by wrong types, non-finite numbers, out-of-range and self-pointing indices; each array
 * also emptied, truncated and extended.
 */
export function* mutateDocument(doc: Json): Generator<{ doc: Json; label: string }> {
  const paths: (string | number)[][] = [];
  const walk = (v: Json, path: (string | number)[]) => {
    if (Array.isArray(v)) {
      for (const k of sampleIndices(v.length)) {
        paths.push([...path, k]);
        walk(v[k], [...path, k]);
      }
    } else if (v && typeof v === 'object') {
      for (const k of Object.keys(v)) {
        paths.push([...path, k]);
        walk((v as Record<string, Json>)[k], [...path, k]);
      }
    }
  };
  walk(doc, []);
  const set = (root: Json, path: (string | number)[], f: (parent: Record<string | number, Json>, key: string | number) => void) => {
    const copy = structuredClone(root);
    let p = copy as Record<string | number, Json>;
    for (let k = 0; k < path.length - 1; k++) p = p[path[k]] as Record<string | number, Json>;
    f(p, path[path.length - 1]);
    return copy;
  };
  const name = (path: (string | number)[]) => `json${path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('')}`;
  for (const path of paths) {
    const key = path[path.length - 1];
    let leaf: Json = doc;
    for (const k of path) leaf = (leaf as Record<string | number, Json>)[k];
    if (typeof key === 'string') yield { doc: set(doc, path, (p, k) => delete p[k]), label: `${name(path)} deleted` };
    for (const { v, label } of replacements(leaf, typeof key === 'number' ? key : null)) {
      yield { doc: set(doc, path, (p, k) => (p[k] = v)), label: `${name(path)} = ${label}` };
    }
    if (Array.isArray(leaf)) {
      yield { doc: set(doc, path, (p, k) => (p[k] = (p[k] as Json[]).slice(0, -1))), label: `${name(path)} truncated` };
      yield { doc: set(doc, path, (p, k) => (p[k] as Json[]).push(structuredClone((p[k] as Json[])[0] ?? 0))), label: `${name(path)} extended` };
    }
  }
}
