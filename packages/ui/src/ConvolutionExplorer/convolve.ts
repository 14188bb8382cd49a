/**
 * Discrete 2-D convolution of the slides, (A ∗ B)ᵢⱼ = Σₙ Σₘ Aₙₘ Bᵢ₋ₙ,ⱼ₋ₘ, on row-major images.
 * Pure functions, no DOM: the {@link ConvolutionExplorer} draws what they compute.
 */
import { RandomState } from '@geolearn/algorithms';

/** A grey image or a kernel: `rows × cols` values, row-major. */
export interface Grid {
  rows: number;
  cols: number;
  data: Float64Array;
}

/** A grid from nested arrays (rows of equal length). */
export function gridFrom(rows: readonly (readonly number[])[]): Grid {
  const r = rows.length;
  const c = r ? rows[0].length : 0;
  const data = new Float64Array(r * c);
  rows.forEach((row, i) => row.forEach((v, j) => (data[i * c + j] = v)));
  return { rows: r, cols: c, data };
}

/**
 * The kernel's centre: B is indexed from −⌊rows/2⌋ … so that B₀,₀ is its middle element and
 * the output has the size of the image ("same" convolution, zero outside the image).
 */
export function kernelCentre(kernel: Grid): [number, number] {
  return [Math.floor(kernel.rows / 2), Math.floor(kernel.cols / 2)];
}

/** One output pixel: the sum and its products Aₙₘ·Bᵢ₋ₙ,ⱼ₋ₘ (image pixels outside count as 0). */
export function convolveAt(image: Grid, kernel: Grid, i: number, j: number): { value: number; terms: { n: number; m: number; a: number; b: number }[] } {
  const [ci, cj] = kernelCentre(kernel);
  const terms: { n: number; m: number; a: number; b: number }[] = [];
  let value = 0;
  // B index (i − n + ci, j − m + cj) must lie in the kernel: n from i + ci − (rows − 1) to i + ci.
  for (let n = i + ci - (kernel.rows - 1); n <= i + ci; n++) {
    for (let m = j + cj - (kernel.cols - 1); m <= j + cj; m++) {
      const a = n >= 0 && n < image.rows && m >= 0 && m < image.cols ? image.data[n * image.cols + m] : 0;
      const b = kernel.data[(i - n + ci) * kernel.cols + (j - m + cj)];
      value += a * b;
      terms.push({ n, m, a, b });
    }
  }
  return { value, terms };
}

/** The whole convolution A ∗ B, the size of A (zero padding). */
export function convolve2d(image: Grid, kernel: Grid): Grid {
  const out = new Float64Array(image.rows * image.cols);
  const [ci, cj] = kernelCentre(kernel);
  for (let i = 0; i < image.rows; i++) {
    for (let j = 0; j < image.cols; j++) {
      let s = 0;
      for (let u = 0; u < kernel.rows; u++) {
        const n = i - u + ci;
        if (n < 0 || n >= image.rows) continue;
        for (let v = 0; v < kernel.cols; v++) {
          const m = j - v + cj;
          if (m < 0 || m >= image.cols) continue;
          s += image.data[n * image.cols + m] * kernel.data[u * kernel.cols + v];
        }
      }
      out[i * image.cols + j] = s;
    }
  }
  return { rows: image.rows, cols: image.cols, data: out };
}

/** The kernel presets of the explorer. */
export type KernelPreset = 'smooth5' | 'derivative1x5' | 'edge' | 'sharpen' | 'identity';

const binomial = [1, 4, 6, 4, 1];

/** The kernels by preset: the slides' 5×5 smoothing and 1×5 kernels, and two classics. */
export const KERNELS: Record<KernelPreset, { label: string; rows: number[][] }> = {
  smooth5: { label: '5×5 smoothing (slides)', rows: binomial.map((a) => binomial.map((b) => (a * b) / 256)) },
  // The slides print [−0.2, −0.1, 0, 0.1, 0.2]; convolution flips it, which would give −∂/∂x.
  // Stored flipped, so that A ∗ B is +∂A/∂x (a rising ramp of slope 1 gives exactly 1).
  derivative1x5: { label: '1×5 derivative ∂/∂x (slides’ kernel, flipped)', rows: [[0.2, 0.1, 0, -0.1, -0.2]] },
  edge: { label: 'Edge (Laplacian)', rows: [[0, -1, 0], [-1, 4, -1], [0, -1, 0]] },
  sharpen: { label: 'Sharpen', rows: [[0, -1, 0], [-1, 5, -1], [0, -1, 0]] },
  identity: { label: 'Identity', rows: [[0, 0, 0], [0, 1, 0], [0, 0, 0]] },
};

/** The built-in images. */
export type ExplorerImage = 'seismic' | 'digit';

/**
 * A synthetic seismic section, `size × size`, values in [0, 1]: dipping reflectors (a
 * Ricker-like wiggle along each interface) cut by a normal fault, plus seeded noise.
 */
export function seismicSection(size = 40, seed = 0): Grid {
  const rng = new RandomState(seed);
  const data = new Float64Array(size * size);
  const interfaces = [0.2, 0.38, 0.55, 0.72, 0.88].map((f) => f * size);
  const faultX = (i: number) => size * 0.55 + (i - size / 2) * 0.35;
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const throwDown = j > faultX(i) ? size * 0.1 : 0;
      const depth = i - 0.18 * j - throwDown + size * 0.05;
      let v = 0;
      interfaces.forEach((d, k) => {
        const t = (depth - d) / 1.6;
        v += (k % 2 ? -1 : 1) * (1 - 2 * t * t) * Math.exp(-t * t);
      });
      data[i * size + j] = 0.5 + 0.4 * v + rng.normal(0, 0.06);
    }
  }
  for (let k = 0; k < data.length; k++) data[k] = Math.min(1, Math.max(0, data[k]));
  return { rows: size, cols: size, data };
}

/** A hand-drawn-looking digit "3" on 28 × 28, ink 1 on paper 0 (anti-aliased strokes). */
export function digitImage(): Grid {
  const size = 28;
  const strokes: [number, number][][] = [
    [[8, 7], [12, 5], [17, 5], [20, 8], [19, 12], [14, 14]],
    [[14, 14], [19, 15], [21, 19], [19, 23], [14, 24], [8, 22]],
  ];
  const data = new Float64Array(size * size);
  const segDist = (px: number, py: number, a: [number, number], b: [number, number]) => {
    const dx = b[0] - a[0], dy = b[1] - a[1];
    const t = Math.max(0, Math.min(1, ((px - a[0]) * dx + (py - a[1]) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(px - a[0] - t * dx, py - a[1] - t * dy);
  };
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      let d = Infinity;
      for (const s of strokes) for (let k = 1; k < s.length; k++) d = Math.min(d, segDist(j + 0.5, i + 0.5, s[k - 1], s[k]));
      data[i * size + j] = Math.max(0, Math.min(1, 2.2 - d));
    }
  }
  return { rows: size, cols: size, data };
}

/** B rotated by 180° (rows and columns reversed): how the kernel lies on the image in a convolution. */
export function flipKernel(rows: readonly (readonly number[])[]): number[][] {
  return rows.map((r) => [...r].reverse()).reverse();
}

/** How far the window reaches past each edge of the image: the zero padding drawn around it. */
export function padding(kernel: Grid): { top: number; bottom: number; left: number; right: number } {
  const [ci, cj] = kernelCentre(kernel);
  return { top: kernel.rows - 1 - ci, bottom: ci, left: kernel.cols - 1 - cj, right: cj };
}

/** The window for output pixel (i, j): its top-left image pixel (may lie in the padding). */
export function windowOrigin(kernel: Grid, i: number, j: number): [number, number] {
  const [ci, cj] = kernelCentre(kernel);
  return [i + ci - (kernel.rows - 1), j + cj - (kernel.cols - 1)];
}

/** One product of the window: image pixel a (0 in the padding) times the flipped kernel's b at the same place. */
export interface WindowProduct {
  /** Image row and column (outside the image in the padding). */
  n: number;
  m: number;
  a: number;
  b: number;
  /** a·b. */
  product: number;
  /** Whether the pixel lies in the zero padding. */
  padded: boolean;
}

/**
 * The element-wise products of the window at output pixel (i, j), laid out as the window
 * (rows × cols of the kernel): cell (u, v) is A at the window's (u, v) times the flipped
 * kernel's (u, v), that is B[rows − 1 − u][cols − 1 − v]. Their sum is (A ∗ B)ᵢⱼ.
 */
export function windowProducts(image: Grid, kernel: Grid, i: number, j: number): WindowProduct[][] {
  const [n0, m0] = windowOrigin(kernel, i, j);
  return Array.from({ length: kernel.rows }, (_, u) =>
    Array.from({ length: kernel.cols }, (_, v) => {
      const n = n0 + u;
      const m = m0 + v;
      const inside = n >= 0 && n < image.rows && m >= 0 && m < image.cols;
      const a = inside ? image.data[n * image.cols + m] : 0;
      const b = kernel.data[(kernel.rows - 1 - u) * kernel.cols + (kernel.cols - 1 - v)];
      return { n, m, a, b, product: a * b, padded: !inside };
    }),
  );
}

/** A kernel weight as shown in its box: up to 4 decimals, no trailing zeros, a real minus ("0.0039", "−0.2"). */
export function kernelText(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const s = Math.abs(v) >= 1e4 ? v.toExponential(2) : String(Number(v.toFixed(4)));
  return s.replace('-', '−');
}
