import { ValidationError } from '../core/errors';
import { checkRandomState, type RandomState, type RandomStateLike } from '../core/random';
import { describeValue } from '../core/validation';
import { checkInt, checkPositive } from './validate';

/** The classes of {@link makeLidarScene}, by label. */
export const LIDAR_CLASSES = ['ground', 'building', 'vegetation', 'power line', 'noise'] as const;

/** A label name of {@link LIDAR_CLASSES}. */
export type LidarClass = (typeof LIDAR_CLASSES)[number];

/** Options of {@link makeLidarScene}. */
export interface LidarSceneOptions {
  /** Number of points (10 to 2,000,000). Default 6000. */
  nPoints?: number;
  /**
   * Points per square metre of ground. The scene is a square of side √(nPoints / density) m,
   * so that a larger cloud covers more ground at the same density (as a longer survey).
   * Default 4.
   */
  density?: number;
  /** Standard deviation of the range noise on every return, m. Default 0.03. */
  jitter?: number;
  /** Fraction of isolated returns scattered in the air (birds, multipath), in [0, 0.2]. Default 0.01. */
  noiseFraction?: number;
  /** Seed of the layout and the sampling. Default 0. */
  randomState?: RandomStateLike;
}

/** A labelled synthetic lidar scene. */
export interface LidarScene {
  /** Points x₀ y₀ z₀ x₁ y₁ z₁ … in metres (z up). */
  xyz: Float64Array;
  /** Label of each point: an index into `classNames`. */
  labels: Int32Array;
  /** The class names, {@link LIDAR_CLASSES}. */
  classNames: readonly LidarClass[];
  /** Side of the square scene, m (x and y in [0, size]). */
  size: number;
  /** How many buildings, trees and pylons it holds. */
  objects: { buildings: number; trees: number; poles: number };
}

interface Building {
  cx: number;
  cy: number;
  /** Half-sizes along the building's own axes, and its rotation. */
  hw: number;
  hd: number;
  angle: number;
  height: number;
  /** Roof pitch (dz per m along the building's x axis): a mono-pitch planar roof. */
  pitch: number;
}

interface Tree {
  cx: number;
  cy: number;
  /** Crown centre above the ground, crown radii. */
  hc: number;
  rx: number;
  rz: number;
}

/**
 * A seeded synthetic airborne-lidar scene in the spirit of the course notebook "Lidar point
 * cloud classification": a sloping, gently rolling ground; buildings with planar (flat or
 * mono-pitch) roofs and vertical walls; trees whose crowns scatter returns through their
 * volume; a power line (pylons and three sagging wires); and a few isolated returns in the air.
 * Every point carries its label (see {@link LIDAR_CLASSES}).
 *
 * Points are spread over the surfaces in proportion to their area (walls and wires, seen at a
 * grazing angle from above, get fewer), so the density is about the same everywhere, and
 * ground under a roof gets none (it is hidden).
 * @throws ValidationError for a bad option.
 */
export function makeLidarScene(options: LidarSceneOptions = {}): LidarScene {
  if (typeof options !== 'object' || options === null) throw new ValidationError('options', 'wrong-type', `must be an object, got ${describeValue(options)}`);
  const nPoints = checkInt(options.nPoints ?? 6000, 'nPoints', 10, 2_000_000);
  const density = checkPositive(options.density ?? 4, 'density');
  if (density > 1e4) throw new ValidationError('density', 'out-of-range', `must be at most 10000 points per m², got ${density}`);
  const jitter = options.jitter ?? 0.03;
  if (typeof jitter !== 'number' || !Number.isFinite(jitter) || jitter < 0 || jitter > 1) throw new ValidationError('jitter', typeof jitter === 'number' ? 'out-of-range' : 'not-a-number', `must be a number in [0, 1] m, got ${describeValue(jitter)}`);
  const noiseFraction = options.noiseFraction ?? 0.01;
  if (typeof noiseFraction !== 'number' || !Number.isFinite(noiseFraction) || noiseFraction < 0 || noiseFraction > 0.2) {
    throw new ValidationError('noiseFraction', typeof noiseFraction === 'number' ? 'out-of-range' : 'not-a-number', `must be a number in [0, 0.2], got ${describeValue(noiseFraction)}`);
  }
  const rng = checkRandomState(options.randomState);
  const L = Math.sqrt(nPoints / density);

  const lay = layoutScene(rng, L);
  const parts = surfaces(lay, rng, L);
  const { xyz, labels } = samplePoints(parts, nPoints, noiseFraction, jitter, rng, lay, L);
  return { xyz, labels, classNames: LIDAR_CLASSES, size: L, objects: { buildings: lay.buildings.length, trees: lay.trees.length, poles: lay.poles.length } };
}

/** The scene's layout: the ground, the power line, the buildings and the trees. */
interface Layout {
  ground: (x: number, y: number) => number;
  hasLine: boolean;
  ux: number;
  uy: number;
  mid: number[];
  half: number;
  nSpans: number;
  poles: [number, number][];
  poleH: number;
  buildings: Building[];
  trees: Tree[];
  inside: (b: Building, x: number, y: number, margin: number) => boolean;
}

/** Draws the layout: ground shape, power line and pylons, then buildings and trees clear of it and of each other. */
function layoutScene(rng: RandomState, L: number): Layout {
  // The ground: a plane of slope up to 6 % plus a gentle roll.
  const sx = rng.uniform(-0.06, 0.06), sy = rng.uniform(-0.06, 0.06);
  const ph = rng.uniform(0, 2 * Math.PI);
  const ground = (x: number, y: number) => sx * x + sy * y + 0.6 * Math.sin(x / 17 + ph) * Math.cos(y / 23);

  // The power line: straight across the scene, pylons every ~35 m.
  const lineAngle = rng.uniform(0, Math.PI);
  const ux = Math.cos(lineAngle), uy = Math.sin(lineAngle);
  // Off the centre (0.25–0.4 L), so that small scenes keep room for a building.
  const off = (rng.random() < 0.5 ? -1 : 1) * rng.uniform(0.25, 0.4) * L;
  const mid = [L / 2 - uy * off, L / 2 + ux * off];
  const distToLine = (x: number, y: number) => Math.abs(-(x - mid[0]) * uy + (y - mid[1]) * ux);
  const half = L * 0.75;
  const span = 35;
  const nSpans = Math.max(1, Math.round((2 * half) / span));
  const poles: [number, number][] = [];
  // A scene narrower than 12 m has no power line (its wires might miss it).
  const hasLine = L >= 12;
  for (let k = 0; hasLine && k <= nSpans; k++) {
    const t = -half + (2 * half * k) / nSpans;
    const px = mid[0] + ux * t, py = mid[1] + uy * t;
    if (px >= 0 && px <= L && py >= 0 && py <= L) poles.push([px, py]);
  }
  const poleH = 11;

  const inside = (b: Building, x: number, y: number, margin: number) => {
    const dx = x - b.cx, dy = y - b.cy;
    const u = dx * Math.cos(b.angle) + dy * Math.sin(b.angle);
    const v = -dx * Math.sin(b.angle) + dy * Math.cos(b.angle);
    return Math.abs(u) <= b.hw + margin && Math.abs(v) <= b.hd + margin;
  };

  const clearOfLine = (b: Building, margin: number) => {
    const ca = Math.cos(b.angle), sa = Math.sin(b.angle);
    const ds = [-1, 1].flatMap((su) => [-1, 1].map((sv) => {
      const x = b.cx + su * b.hw * ca - sv * b.hd * sa, y = b.cy + su * b.hw * sa + sv * b.hd * ca;
      return -(x - mid[0]) * uy + (y - mid[1]) * ux;
    }));
    return ds.every((d) => d >= margin) || ds.every((d) => d <= -margin);
  };
  const buildings: Building[] = [];
  const nB = Math.max(1, Math.round((L * L) / 600));
  for (let tries = 0; buildings.length < nB && tries < 200 * nB; tries++) {
    const hw = rng.uniform(3.5, 7), hd = rng.uniform(3.5, 6);
    const r = Math.hypot(hw, hd);
    // Only whole buildings, clear of the power line and of each other.
    if (L < 2 * r + 2) continue;
    const cx = rng.uniform(r + 1, L - r - 1), cy = rng.uniform(r + 1, L - r - 1);
    const angle = rng.uniform(0, Math.PI);
    const b: Building = { cx, cy, hw, hd, angle, height: 0, pitch: 0 };
    // Clear of the power line: every corner 4 m or more from it, all on one side.
    if (hasLine && !clearOfLine(b, 4)) continue;
    if (buildings.some((o) => Math.hypot(o.cx - cx, o.cy - cy) < r + Math.hypot(o.hw, o.hd) + 5)) continue;
    b.height = rng.uniform(4, 12);
    b.pitch = rng.random() < 0.5 ? 0 : rng.uniform(-0.35, 0.35);
    buildings.push(b);
  }

  const trees: Tree[] = [];
  const nT = Math.max(2, Math.round((L * L) / 110));
  for (let tries = 0; trees.length < nT && tries < 50 * nT; tries++) {
    const cx = rng.uniform(1, L - 1), cy = rng.uniform(1, L - 1);
    const rx = rng.uniform(1.5, 3.2);
    if (hasLine && distToLine(cx, cy) < rx + 4.5) continue;
    if (buildings.some((b) => inside(b, cx, cy, rx + 1.5))) continue;
    if (trees.some((t) => Math.hypot(t.cx - cx, t.cy - cy) < 0.8 * (t.rx + rx))) continue;
    trees.push({ cx, cy, rx, rz: rng.uniform(1.8, 3.5), hc: rng.uniform(4.5, 9) });
  }

  return { ground, hasLine, ux, uy, mid, half, nSpans, poles, poleH, buildings, trees, inside };
}

/** One surface: its share weight (area × visibility), its label and a sampler of one point on it. */
interface Part {
  w: number;
  label: number;
  draw: () => [number, number, number];
}

/** The surfaces of the layout, weighted by their area times a visibility factor. */
function surfaces(lay: Layout, rng: RandomState, L: number): Part[] {
  const { ground, buildings, trees, poles, poleH, hasLine, ux, uy, mid, half, nSpans, inside } = lay;
  // Area of each surface (m²), times a visibility weight: that is its share of the points.
  const parts: Part[] = [];
  const hiddenGround = (x: number, y: number) => buildings.some((b) => inside(b, x, y, 0));
  const groundArea = L * L - buildings.reduce((s, b) => s + 4 * b.hw * b.hd, 0);
  const add = (w: number, label: number, draw: () => [number, number, number]) => parts.push({ w, label, draw });
  add(groundArea, 0, () => {
    for (;;) {
      const x = rng.uniform(0, L), y = rng.uniform(0, L);
      if (!hiddenGround(x, y)) return [x, y, ground(x, y)];
    }
  });
  for (const b of buildings) {
    const base = ground(b.cx, b.cy);
    const ca = Math.cos(b.angle), sa = Math.sin(b.angle);
    const at = (u: number, v: number): [number, number] => [b.cx + u * ca - v * sa, b.cy + u * sa + v * ca];
    const roofZ = (u: number) => base + b.height + b.pitch * u;
    add(4 * b.hw * b.hd * Math.sqrt(1 + b.pitch * b.pitch), 1, () => {
      const u = rng.uniform(-b.hw, b.hw), v = rng.uniform(-b.hd, b.hd);
      return [...at(u, v), roofZ(u)];
    });
    // Walls: seen at a grazing angle, about a third of a roof's density.
    const perimeter = 4 * (b.hw + b.hd);
    add(perimeter * b.height * 0.35, 1, () => {
      let s = rng.uniform(0, perimeter);
      let u: number, v: number;
      if (s < 2 * b.hw) [u, v] = [-b.hw + s, -b.hd];
      else if ((s -= 2 * b.hw) < 2 * b.hd) [u, v] = [b.hw, -b.hd + s];
      else if ((s -= 2 * b.hd) < 2 * b.hw) [u, v] = [b.hw - s, b.hd];
      else [u, v] = [-b.hw, b.hd - (s - 2 * b.hw)];
      const [x, y] = at(u, v);
      const g = ground(x, y);
      return [x, y, rng.uniform(g, roofZ(u))];
    });
  }
  for (const t of trees) {
    const base = ground(t.cx, t.cy);
    // Returns through the crown's volume, denser towards its skin (radius ∝ u^¼).
    add(Math.PI * t.rx * t.rx * 1.6, 2, () => {
      for (;;) {
        const a = rng.uniform(-1, 1), b = rng.uniform(-1, 1), c = rng.uniform(-1, 1);
        const s = a * a + b * b + c * c;
        if (s > 1 || s === 0) continue;
        const k = Math.pow(rng.random(), 0.25) / Math.sqrt(s);
        return [t.cx + t.rx * a * k, t.cy + t.rx * b * k, base + t.hc + t.rz * c * k];
      }
    });
    // A few returns on the trunk.
    add(0.6 * t.hc * 0.3, 2, () => [t.cx + rng.normal(0, 0.1), t.cy + rng.normal(0, 0.1), base + rng.uniform(0, t.hc - t.rz * 0.5)]);
  }
  for (const [px, py] of poles) {
    const g = ground(px, py);
    add(poleH * 0.5, 3, () => [px + rng.normal(0, 0.12), py + rng.normal(0, 0.12), g + rng.uniform(0, poleH)]);
  }
  // Three wires 2.5 m apart hanging from pylon to pylon (parabolic sag of 1.2 m), clipped to the scene.
  const wireLen = 2 * half;
  for (const side of hasLine ? [-2.5, 0, 2.5] : []) {
    add(wireLen * 0.35, 3, () => {
      for (;;) {
        const t = rng.uniform(-half, half);
        const x = mid[0] + ux * t - uy * side, y = mid[1] + uy * t + ux * side;
        if (x < 0 || x > L || y < 0 || y > L) continue;
        const f = ((t + half) / ((2 * half) / nSpans)) % 1;
        const z = ground(mid[0] + ux * t, mid[1] + uy * t) + poleH - 0.5 - 4 * 1.2 * f * (1 - f);
        return [x, y, z];
      }
    });
  }

  return parts;
}

/** Shares n points among the parts, draws them with range jitter, adds the noise, and shuffles. */
function samplePoints(parts: Part[], nPoints: number, noiseFraction: number, jitter: number, rng: RandomState, lay: Layout, L: number): { xyz: Float64Array; labels: Int32Array } {
  const { ground } = lay;
  // Share the points: largest remainders of n·wᵢ/Σw (the noise taken first).
  const nNoise = Math.round(noiseFraction * nPoints);
  const rest = nPoints - nNoise;
  const W = parts.reduce((s, q) => s + q.w, 0);
  const counts = parts.map((q) => Math.floor((rest * q.w) / W));
  let left = rest - counts.reduce((a, b) => a + b, 0);
  const byRemainder = parts.map((q, i) => i).sort((a, b) => (rest * parts[b].w) / W - counts[b] - ((rest * parts[a].w) / W - counts[a]) || a - b);
  for (let k = 0; left > 0; k = (k + 1) % parts.length, left--) counts[byRemainder[k]]++;

  const xyz = new Float64Array(3 * nPoints);
  const labels = new Int32Array(nPoints);
  let i = 0;
  const put = (p: [number, number, number], label: number) => {
    xyz[3 * i] = p[0] + (jitter ? rng.normal(0, jitter) : 0);
    xyz[3 * i + 1] = p[1] + (jitter ? rng.normal(0, jitter) : 0);
    xyz[3 * i + 2] = p[2] + (jitter ? rng.normal(0, jitter) : 0);
    labels[i++] = label;
  };
  parts.forEach((q, k) => {
    for (let c = 0; c < counts[k]; c++) put(q.draw(), q.label);
  });
  for (let c = 0; c < nNoise; c++) {
    const x = rng.uniform(0, L), y = rng.uniform(0, L);
    put([x, y, ground(x, y) + rng.uniform(2, 25)], 4);
  }
  // Shuffle the points (a survey does not list them by class).
  for (let a = nPoints - 1; a > 0; a--) {
    const b = rng.randint(a + 1);
    for (let d = 0; d < 3; d++) {
      const t = xyz[3 * a + d];
      xyz[3 * a + d] = xyz[3 * b + d];
      xyz[3 * b + d] = t;
    }
    const t = labels[a];
    labels[a] = labels[b];
    labels[b] = t;
  }
  return { xyz, labels };
}
