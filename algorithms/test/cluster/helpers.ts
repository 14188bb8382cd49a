/** True when two labelings are the same partition with the same noise (−1) points: a bijection maps one onto the other. */
export function sameUpToRelabelling(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  const ab = new Map<number, number>();
  const ba = new Map<number, number>();
  for (let i = 0; i < a.length; i++) {
    if ((a[i] === -1) !== (b[i] === -1)) return false;
    if (ab.has(a[i]) && ab.get(a[i]) !== b[i]) return false;
    if (ba.has(b[i]) && ba.get(b[i]) !== a[i]) return false;
    ab.set(a[i], b[i]);
    ba.set(b[i], a[i]);
  }
  return true;
}
