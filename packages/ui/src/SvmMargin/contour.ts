/**
 * Marching squares for one level of a field sampled at cell centres (row 0 at the top, as
 * the decision grids): the curves where the field crosses `level`, as an SVG path in px,
 * given the px size of the plot. Saddle cells are split by the centre value. The cell
 * segments are joined into polylines (neighbouring cells compute a shared crossing from the
 * same two values, so their end points match exactly), so that a dash pattern runs on.
 */
export function contourPath(values: ArrayLike<number>, n: number, level: number, width: number, height: number): string {
  return joinSegments(contourSegments(values, n, level, width, height));
}

type Pt = [number, number];

/** Chains segments that share end points into polylines: "M x,y L x,y L …" per chain. */
export function joinSegments(segs: readonly [Pt, Pt][]): string {
  const key = (p: Pt) => `${p[0].toFixed(1)},${p[1].toFixed(1)}`;
  const at = new Map<string, number[]>();
  segs.forEach(([a, b], i) => {
    for (const k of [key(a), key(b)]) {
      const l = at.get(k);
      if (l) l.push(i);
      else at.set(k, [i]);
    }
  });
  const used = new Uint8Array(segs.length);
  const out: string[] = [];
  // Walks from end point `from` of segment i onward, appending points.
  const walk = (start: Pt, pts: Pt[]) => {
    let cur = start;
    for (;;) {
      const next = (at.get(key(cur)) ?? []).find((j) => !used[j]);
      if (next === undefined) return;
      used[next] = 1;
      const [a, b] = segs[next];
      cur = key(a) === key(cur) ? b : a;
      pts.push(cur);
    }
  };
  segs.forEach(([a, b], i) => {
    if (used[i]) return;
    used[i] = 1;
    const fwd: Pt[] = [b];
    walk(b, fwd);
    const back: Pt[] = [];
    walk(a, back);
    const chain = [...back.reverse(), a, ...fwd];
    out.push(`M${chain.map((p) => key(p)).join('L')}`);
  });
  return out.join('');
}

/** The segments of {@link contourPath}, one or two per crossed cell, in px. */
export function contourSegments(values: ArrayLike<number>, n: number, level: number, width: number, height: number): [Pt, Pt][] {
  const cw = width / n;
  const ch = height / n;
  // Cell centres: (c + 0.5)·cw, (r + 0.5)·ch.
  const X = (c: number) => (c + 0.5) * cw;
  const Y = (r: number) => (r + 0.5) * ch;
  const parts: [Pt, Pt][] = [];
  const lerp = (a: number, b: number) => {
    const d = b - a;
    return d === 0 ? 0.5 : (level - a) / d;
  };
  for (let r = 0; r + 1 < n; r++) {
    for (let c = 0; c + 1 < n; c++) {
      const tl = values[r * n + c] - level;
      const tr = values[r * n + c + 1] - level;
      const br = values[(r + 1) * n + c + 1] - level;
      const bl = values[(r + 1) * n + c] - level;
      const code = (tl > 0 ? 8 : 0) | (tr > 0 ? 4 : 0) | (br > 0 ? 2 : 0) | (bl > 0 ? 1 : 0);
      if (code === 0 || code === 15) continue;
      const a = values[r * n + c];
      const b = values[r * n + c + 1];
      const d = values[(r + 1) * n + c + 1];
      const e = values[(r + 1) * n + c];
      // Edge crossings: top, right, bottom, left.
      const top = (): [number, number] => [X(c) + lerp(a, b) * cw, Y(r)];
      const right = (): [number, number] => [X(c + 1), Y(r) + lerp(b, d) * ch];
      const bottom = (): [number, number] => [X(c) + lerp(e, d) * cw, Y(r + 1)];
      const left = (): [number, number] => [X(c), Y(r) + lerp(a, e) * ch];
      const seg = (p: Pt, q: Pt) => parts.push([p, q]);
      switch (code) {
        case 1: case 14: seg(left(), bottom()); break;
        case 2: case 13: seg(bottom(), right()); break;
        case 3: case 12: seg(left(), right()); break;
        case 4: case 11: seg(top(), right()); break;
        case 6: case 9: seg(top(), bottom()); break;
        case 7: case 8: seg(left(), top()); break;
        case 5: case 10: {
          const centre = (a + b + d + e) / 4 - level > 0;
          // 5: tr and bl above; 10: tl and br above.
          if ((code === 5) === centre) {
            seg(left(), top());
            seg(bottom(), right());
          } else {
            seg(top(), right());
            seg(left(), bottom());
          }
          break;
        }
      }
    }
  }
  return parts;
}
