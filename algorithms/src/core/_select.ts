/**
 * Quickselect (Hoare's partition) on an index array: reorders idx[a … b] so that position m
 * holds the index whose key is the m-th smallest, smaller keys before it and larger after.
 * Average O(b − a). The k-d trees (cluster/_kdtree.ts, pointcloud/kdtree.ts) split on it.
 * `key(r)` reads the key of idx[r]; `medianOfThree` picks the pivot as the median of the
 * ends and the middle (robust on sorted input) instead of the middle alone.
 */
export function quickselect(idx: Int32Array, key: (r: number) => number, a: number, b: number, m: number, medianOfThree = false): void {
  while (b > a) {
    const c = (a + b) >>> 1;
    let pivot = key(c);
    if (medianOfThree) {
      const ka = key(a), kb = key(b);
      pivot = ka < kb ? (pivot < ka ? ka : pivot < kb ? pivot : kb) : pivot < kb ? kb : pivot < ka ? pivot : ka;
    }
    let i = a;
    let j = b;
    while (i <= j) {
      while (key(i) < pivot) i++;
      while (key(j) > pivot) j--;
      if (i <= j) {
        const t = idx[i];
        idx[i] = idx[j];
        idx[j] = t;
        i++;
        j--;
      }
    }
    if (m <= j) b = j;
    else if (m >= i) a = i;
    else return;
  }
}
