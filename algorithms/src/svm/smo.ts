/**
 * Sequential minimal optimisation (SMO) for the dual of the two-class soft-margin SVM,
 * as libsvm solves it (Chang & Lin 2011; Fan, Chen & Lin 2005):
 *
 *   min_α ½ αᵀQα − Σᵢ αᵢ   subject to  Σᵢ yᵢαᵢ = 0,  0 ≤ αᵢ ≤ C,   with Qᵢⱼ = yᵢyⱼK(xᵢ, xⱼ).
 *
 * Each iteration changes only two multipliers (the least that keeps Σ yᵢαᵢ = 0), so the
 * sub-problem has a closed form. With G = ∇f = Qα − 1 kept up to date:
 * - the first index i maximises −yᵢGᵢ over I_up = {t : αₜ < C, yₜ = +1} ∪ {t : αₜ > 0, yₜ = −1};
 * - the second index j (WSS3, second-order) minimises −b²/a over t ∈ I_low with
 *   b = −yᵢGᵢ + yₜGₜ > 0 and a = Kᵢᵢ + Kₜₜ − 2Kᵢₜ: the largest decrease of the objective
 *   the pair can bring;
 * - the run stops when m(α) − M(α) = max_{I_up} −yG − min_{I_low} −yG < tol (the KKT gap).
 * Shrinking (optional) sets aside multipliers stuck at a bound; their gradients are rebuilt
 * (from Ḡ, the gradient part due to multipliers at C) before the final check.
 *
 * Layout, as libsvm's Solver: the samples live at *positions* that are permuted so that the
 * active set is the prefix 0 … activeSize−1. Working-set selection, the gradient update and the
 * kernel rows (a {@link QCache} of float32 Q rows with an LRU of bounded memory) then touch only
 * that prefix: once most multipliers are shrunk, an iteration costs O(activeSize), not O(l).
 * The public `alpha`, `wi` and `wj` are in the caller's (unpermuted) order.
 */
import { QCache } from './_cache';
import type { KernelCache } from './kernels';

const TAU = 1e-12;

function swapAt(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/** A two-class SMO run over a subset of the training samples, advanced by {@link SMOSolver.run}. */
export class SMOSolver {
  readonly l: number;
  /** Training-set index of each sub-problem sample. */
  readonly idx: Int32Array;
  /** ±1 labels. */
  readonly y: Float64Array;
  /** The multipliers, in the order of `idx`. */
  readonly alpha: Float64Array;
  /** Iterations (pair updates) so far. */
  iter = 0;
  /** The KKT gap m(α) − M(α) at the last working-set selection. */
  gap = Infinity;
  /** The last working pair (sub-problem indices, in the order of `idx`), −1 before the first. */
  wi = -1;
  wj = -1;
  done = false;

  // Per position (permuted); perm[p] is the sub-problem index held at position p.
  private readonly perm: Int32Array;
  private readonly py: Float64Array;
  private readonly pa: Float64Array;
  /** ∇f = Qα − 1. */
  private readonly G: Float64Array;
  /**
   * 0 where the position is in I_up (resp. I_low), −∞ elsewhere: added to −yG (resp. yG), they
   * let the selection loops test membership without a branch on y and α (which, after
   * shrinking's swaps, the processor cannot predict).
   */
  private readonly upM: Float64Array;
  private readonly lowM: Float64Array;
  /** Ḡᵢ = C Σ_{αⱼ = C} Qᵢⱼ, to rebuild shrunk gradients. */
  private readonly Gbar: Float64Array;
  private readonly QD: Float64Array;
  private readonly Q: QCache;
  private activeSize: number;
  private counter: number;
  private unshrink = false;
  private pi = -1;
  private pj = -1;
  /** The first half of the next selection, found by the last gradient update (while `pre`). */
  private pre = false;
  private preGmax = -Infinity;
  private preI = -1;
  /** A second return value of the loop kernels below. */
  private readonly scratch = new Float64Array(1);

  constructor(
    cache: KernelCache,
    idx: Int32Array,
    y: Float64Array,
    private readonly C: number,
    private readonly eps: number,
    private readonly shrinking: boolean,
    private readonly maxIter: number,
  ) {
    const l = idx.length;
    this.l = l;
    this.idx = idx;
    this.y = y;
    this.alpha = new Float64Array(l);
    this.perm = new Int32Array(l);
    for (let t = 0; t < l; t++) this.perm[t] = t;
    this.py = Float64Array.from(y);
    this.pa = new Float64Array(l);
    this.G = new Float64Array(l).fill(-1);
    // α = 0: I_up holds the y = +1 samples, I_low the y = −1 ones.
    this.upM = new Float64Array(l);
    this.lowM = new Float64Array(l);
    for (let t = 0; t < l; t++) this.setMasks(t);
    this.Gbar = new Float64Array(l);
    this.QD = new Float64Array(l);
    for (let t = 0; t < l; t++) this.QD[t] = cache.diagonal(idx[t]);
    this.Q = new QCache(cache, Int32Array.from(idx), this.py);
    this.activeSize = l;
    this.counter = Math.min(l, 1000) + 1;
  }

  /** Runs up to `budget` pair updates; sets `done` once the KKT gap is below tol. */
  run(budget: number): void {
    const { l, py: y, pa: alpha, G, Gbar, QD, C, Q, perm } = this;
    let steps = 0;
    while (!this.done && steps < budget) {
      if (this.iter >= this.maxIter) {
        this.finish();
        break;
      }
      if (--this.counter === 0) {
        this.counter = Math.min(l, 1000);
        if (this.shrinking) {
          this.doShrinking();
          this.pre = false;
        }
      }
      if (!this.selectWorkingSet()) {
        // Optimal on the active set: rebuild the whole gradient and check again.
        this.reconstructGradient();
        this.activeSize = l;
        if (!this.selectWorkingSet()) {
          this.done = true;
          break;
        }
        this.counter = 1; // shrink again at the next iteration
      }
      this.iter++;
      steps++;
      const i = this.pi;
      const j = this.pj;
      const na = this.activeSize;
      const Qi = Q.row(i, na);
      const Qj = Q.row(j, na);
      const Qij = Qi[j];
      const oldAi = alpha[i];
      const oldAj = alpha[j];
      let ai = oldAi;
      let aj = oldAj;
      // The two-variable sub-problem along Σ yα = const, then clipped to the box [0, C]².
      if (y[i] !== y[j]) {
        let quad = QD[i] + QD[j] + 2 * Qij;
        if (quad <= 0) quad = TAU;
        const delta = (-G[i] - G[j]) / quad;
        const diff = ai - aj;
        ai += delta;
        aj += delta;
        if (diff > 0) {
          if (aj < 0) {
            aj = 0;
            ai = diff;
          }
        } else if (ai < 0) {
          ai = 0;
          aj = -diff;
        }
        if (diff > 0) {
          if (ai > C) {
            ai = C;
            aj = C - diff;
          }
        } else if (aj > C) {
          aj = C;
          ai = C + diff;
        }
      } else {
        let quad = QD[i] + QD[j] - 2 * Qij;
        if (quad <= 0) quad = TAU;
        const delta = (G[i] - G[j]) / quad;
        const sum = ai + aj;
        ai -= delta;
        aj += delta;
        if (sum > C) {
          if (ai > C) {
            ai = C;
            aj = sum - C;
          }
        } else if (aj < 0) {
          aj = 0;
          ai = sum;
        }
        if (sum > C) {
          if (aj > C) {
            aj = C;
            ai = sum - C;
          }
        } else if (ai < 0) {
          ai = 0;
          aj = sum;
        }
      }
      alpha[i] = ai;
      alpha[j] = aj;
      this.setMasks(i);
      this.setMasks(j);
      this.alpha[perm[i]] = ai;
      this.alpha[perm[j]] = aj;
      // G ← G + Q_{:,i}Δαᵢ + Q_{:,j}Δαⱼ over the active prefix, fused with the next working-set
      // selection's first scan (the i maximising −yᵢGᵢ over I_up), which reads the same G.
      const di = ai - oldAi;
      const dj = aj - oldAj;
      this.preI = updateGradient(G, Qi, Qj, di, dj, y, this.upM, na, this.scratch);
      this.preGmax = this.scratch[0];
      this.pre = true;
      // Ḡ changes when a multiplier reaches or leaves C (needs the full rows).
      const wasUi = oldAi >= C;
      const isUi = ai >= C;
      if (wasUi !== isUi) axpy(Gbar, isUi ? C : -C, Q.row(i, l), l);
      const wasUj = oldAj >= C;
      const isUj = aj >= C;
      if (wasUj !== isUj) axpy(Gbar, isUj ? C : -C, Q.row(j, l), l);
    }
  }

  /** Gives the row cache's memory back (for the next fit); call once done with the solver. */
  release(): void {
    this.Q.release();
  }

  /** Stops at the iteration cap, with the full gradient rebuilt for the intercept. */
  private finish(): void {
    if (this.activeSize < this.l) {
      this.reconstructGradient();
      this.activeSize = this.l;
    }
    this.done = true;
  }

  /** WSS3 on the active prefix: sets the working pair and gap; false when the KKT gap is below tol. */
  private selectWorkingSet(): boolean {
    const { py: y, G, QD } = this;
    const na = this.activeSize;
    let Gmax = -Infinity;
    let Gmax2 = -Infinity;
    let iMax = -1;
    let jMin = -1;
    if (this.pre) {
      // Found by the gradient update just before (same values, same order).
      Gmax = this.preGmax;
      iMax = this.preI;
      this.pre = false;
    } else {
      iMax = firstIndex(G, y, this.upM, na, this.scratch);
      Gmax = this.scratch[0];
    }
    if (iMax < 0) {
      // No candidate for i: every multiplier sits at the bound that blocks it (optimal).
      this.gap = -Infinity;
      return false;
    }
    jMin = secondIndex(G, this.Q.row(iMax, na), QD, QD[iMax], y[iMax], y, this.lowM, Gmax, na, this.scratch);
    Gmax2 = this.scratch[0];
    this.gap = Gmax + Gmax2;
    if (this.gap < this.eps || jMin === -1) return false;
    this.pi = iMax;
    this.pj = jMin;
    this.wi = this.perm[iMax];
    this.wj = this.perm[jMin];
    return true;
  }

  /** Membership of position t in I_up = {y = +1, α < C} ∪ {y = −1, α > 0} and I_low (the mirror). */
  private setMasks(t: number): void {
    const a = this.pa[t];
    const pos = this.py[t] > 0;
    this.upM[t] = (pos ? a < this.C : a > 0) ? 0 : -Infinity;
    this.lowM[t] = (pos ? a > 0 : a < this.C) ? 0 : -Infinity;
  }

  private beShrunk(t: number, Gmax1: number, Gmax2: number): boolean {
    const { py: y, G, pa: alpha, C } = this;
    if (alpha[t] >= C) return y[t] > 0 ? -G[t] > Gmax1 : -G[t] > Gmax2;
    if (alpha[t] <= 0) return y[t] > 0 ? G[t] > Gmax2 : G[t] > Gmax1;
    return false;
  }

  /** Swaps positions i and j in every per-position array and in the row cache. */
  private swap(i: number, j: number): void {
    this.Q.swap(i, j);
    swapAt(this.py, i, j);
    swapAt(this.pa, i, j);
    swapAt(this.G, i, j);
    swapAt(this.Gbar, i, j);
    swapAt(this.QD, i, j);
    swapAt(this.upM, i, j);
    swapAt(this.lowM, i, j);
    const pidx = this.Q.pidx;
    let t = pidx[i];
    pidx[i] = pidx[j];
    pidx[j] = t;
    t = this.perm[i];
    this.perm[i] = this.perm[j];
    this.perm[j] = t;
  }

  private doShrinking(): void {
    const { py: y, G, pa: alpha, C } = this;
    let Gmax1 = -Infinity; // max −yG over I_up
    let Gmax2 = -Infinity; // max yG over I_low
    for (let t = 0; t < this.activeSize; t++) {
      const up = alpha[t] >= C;
      const low = alpha[t] <= 0;
      if (y[t] > 0) {
        if (!up && -G[t] >= Gmax1) Gmax1 = -G[t];
        if (!low && G[t] >= Gmax2) Gmax2 = G[t];
      } else {
        if (!up && -G[t] >= Gmax2) Gmax2 = -G[t];
        if (!low && G[t] >= Gmax1) Gmax1 = G[t];
      }
    }
    if (!this.unshrink && Gmax1 + Gmax2 <= this.eps * 10) {
      this.unshrink = true;
      this.reconstructGradient();
      this.activeSize = this.l;
    }
    // Move shrunk positions behind the active ones, as libsvm's swaps do.
    for (let s = 0; s < this.activeSize; s++) {
      if (!this.beShrunk(s, Gmax1, Gmax2)) continue;
      this.activeSize--;
      while (this.activeSize > s) {
        if (!this.beShrunk(this.activeSize, Gmax1, Gmax2)) {
          this.swap(s, this.activeSize);
          break;
        }
        this.activeSize--;
      }
    }
  }

  /** Gₜ = Ḡₜ − 1 + Σ_{free i} Qₜᵢαᵢ for the inactive t (libsvm's two loop orders). */
  private reconstructGradient(): void {
    const { l, G, Gbar, pa: alpha, C, Q } = this;
    const na = this.activeSize;
    if (na === l) return;
    for (let t = na; t < l; t++) G[t] = Gbar[t] - 1;
    let nFree = 0;
    for (let t = 0; t < na; t++) if (alpha[t] > 0 && alpha[t] < C) nFree++;
    if (nFree * l > 2 * na * (l - na)) {
      for (let i = na; i < l; i++) {
        const Qi = Q.row(i, na);
        let s = 0;
        for (let t = 0; t < na; t++) if (alpha[t] > 0 && alpha[t] < C) s += alpha[t] * Qi[t];
        G[i] += s;
      }
    } else {
      for (let i = 0; i < na; i++) {
        if (!(alpha[i] > 0 && alpha[i] < C)) continue;
        const Qi = Q.row(i, l);
        const ai = alpha[i];
        for (let t = na; t < l; t++) G[t] += ai * Qi[t];
      }
    }
  }

  /**
   * ρ, the offset of the decision function Σ yᵢαᵢK(xᵢ, x) − ρ: the mean of yᵢGᵢ over free
   * multipliers (0 < αᵢ < C, where the KKT conditions pin it), or the middle of the
   * interval the bounded ones allow.
   */
  rho(): number {
    const { py: y, G, pa: alpha, C } = this;
    let nFree = 0;
    let sumFree = 0;
    let ub = Infinity;
    let lb = -Infinity;
    for (let t = 0; t < this.activeSize; t++) {
      const yG = y[t] * G[t];
      if (alpha[t] >= C) {
        if (y[t] < 0) ub = Math.min(ub, yG);
        else lb = Math.max(lb, yG);
      } else if (alpha[t] <= 0) {
        if (y[t] > 0) ub = Math.min(ub, yG);
        else lb = Math.max(lb, yG);
      } else {
        nFree++;
        sumFree += yG;
      }
    }
    return nFree > 0 ? sumFree / nFree : (ub + lb) / 2;
  }
}

// The hot loops as small module functions: each is optimised after a few calls and stays so
// across fits, where a loop inside the one long `run` call would first run unoptimised (its
// float arithmetic boxed on the heap) until on-stack replacement, at every fit.

/**
 * The first index of the working set: argmax of −yₜGₜ over I_up (ties to the last), its value
 * in out[0]; −1 when I_up is empty. upM is 0 on I_up and −∞ elsewhere (see SMOSolver.upM).
 */
function firstIndex(G: Float64Array, y: Float64Array, upM: Float64Array, na: number, out: Float64Array): number {
  let Gmax = -Infinity;
  let iMax = -1;
  for (let t = 0; t < na; t++) {
    const u = -y[t] * G[t] + upM[t];
    if (u >= Gmax) {
      Gmax = u;
      iMax = t;
    }
  }
  out[0] = Gmax;
  return Gmax === -Infinity ? -1 : iMax;
}

/** G ← G + (Qᵢ Δαᵢ + Qⱼ Δαⱼ) over t < na, fused with {@link firstIndex} on the new G. */
function updateGradient(G: Float64Array, Qi: Float32Array, Qj: Float32Array, di: number, dj: number, y: Float64Array, upM: Float64Array, na: number, out: Float64Array): number {
  let Gmax = -Infinity;
  let iMax = -1;
  for (let t = 0; t < na; t++) {
    const g = G[t] + (Qi[t] * di + Qj[t] * dj);
    G[t] = g;
    const u = -y[t] * g + upM[t];
    if (u >= Gmax) {
      Gmax = u;
      iMax = t;
    }
  }
  out[0] = Gmax;
  return Gmax === -Infinity ? -1 : iMax;
}

/**
 * WSS3's second index (Fan, Chen & Lin 2005): over t ∈ I_low with b = Gmax + yₜGₜ > 0, the
 * argmin of −b²/a with a = Qᵢᵢ + Qₜₜ − 2yᵢyₜQᵢₜ (τ where a ≤ 0), ties to the last; also
 * max over I_low of yₜGₜ into out[0]. −1 when no t qualifies. Membership comes from lowM (0 or
 * −∞ added to yₜGₜ: an excluded t gets b = −∞, clipped to 0 below, so obj = −0 and is never
 * taken), so the only branches are the rarely taken updates of the running extremes.
 */
function secondIndex(G: Float64Array, Qi: Float32Array, QD: Float64Array, QDi: number, yi: number, y: Float64Array, lowM: Float64Array, Gmax: number, na: number, out: Float64Array): number {
  let Gmax2 = -Infinity;
  let jMin = -1;
  let objMin = Infinity;
  for (let t = 0; t < na; t++) {
    const yt = y[t];
    const v = yt * G[t] + lowM[t];
    Gmax2 = v > Gmax2 ? v : Gmax2;
    const gd = Gmax + v;
    const b = gd > 0 ? gd : 0;
    const quad = QDi + QD[t] - 2 * yi * yt * Qi[t];
    // τ written as a literal: the module constant, a heap number, would make this a boxed
    // value per iteration (millions of allocations per fit).
    const obj = -(b * b) / (quad > 0 ? quad : 1e-12);
    if (obj <= objMin && obj < 0) {
      jMin = t;
      objMin = obj;
    }
  }
  out[0] = Gmax2;
  return jMin;
}

/** a[t] += f·x[t] for t < len. */
function axpy(a: Float64Array, f: number, x: Float32Array, len: number): void {
  for (let t = 0; t < len; t++) a[t] += f * x[t];
}
