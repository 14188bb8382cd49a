/**
 * The bounding box [x0, x1, y0, y1] of 2-D points (the first two coordinates of each).
 * No points: [Infinity, −Infinity, Infinity, −Infinity] (callers pick their own fallback).
 */
export function pointsExtent(X: readonly (readonly number[])[]): [number, number, number, number] {
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const [a, b] of X) {
    x0 = Math.min(x0, a);
    x1 = Math.max(x1, a);
    y0 = Math.min(y0, b);
    y1 = Math.max(y1, b);
  }
  return [x0, x1, y0, y1];
}
