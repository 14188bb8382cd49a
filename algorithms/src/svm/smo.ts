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
 */
import type { KernelCache } from './kernels';

const TAU = 1e-12;

/** A two-class SMO run over a subset of the training samples, advanced by {@link SMOSolver.run}. */
export class SMOSolver {
  readonly l: number;
  /** Training-set index of each sub-problem sample. */
  readonly idx: Int32Array;
  /** ±1 labels. */
  readonly y: Float64Array;
  readonly alpha: Float64Array;
  /** ∇f = Qα − 1. */
  readonly G: Float64Array;
  /** Ḡᵢ = C Σ_{αⱼ = C} Qᵢⱼ, to rebuild shrunk gradients. */
  private readonly Gbar: Float64Array;
  private readonly QD: Float64Array;
  /** A permutation of 0 … l−1; the first activeSize entries are the active (unshrunk) ones. */
  private readonly active: Int32Array;
  private activeSize: number;
  private counter: number;
  private unshrink = false;
  /** Iterations (pair updates) so far. */
  iter = 0;
  /** The KKT gap m(α) − M(α) at the last working-set selection. */
  gap = Infinity;
  /** The last working pair (sub-problem positions), −1 before the first. */
  wi = -1;
  wj = -1;
  done = false;

  constructor(
    private readonly cache: KernelCache,
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
    this.G = new Float64Array(l).fill(-1);
    this.Gbar = new Float64Array(l);
    this.QD = new Float64Array(l);
    for (let t = 0; t < l; t++) this.QD[t] = cache.diagonal(idx[t]);
    this.active = new Int32Array(l);
    for (let t = 0; t < l; t++) this.active[t] = t;
    this.activeSize = l;
    this.counter = Math.min(l, 1000) + 1;
  }

  /** Runs up to `budget` pair updates; sets `done` once the KKT gap is below tol. */
  run(budget: number): void {
    const { l, y, alpha, G, Gbar, QD, idx, C, cache } = this;
    let steps = 0;
    while (!this.done && steps < budget) {
      if (this.iter >= this.maxIter) {
        this.finish();
        break;
      }
      if (--this.counter === 0) {
        this.counter = Math.min(l, 1000);
        if (this.shrinking) this.doShrinking();
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
      const i = this.wi;
      const j = this.wj;
      const Ki = cache.row(idx[i]);
      const Kj = cache.row(idx[j]);
      const yi = y[i];
      const yj = y[j];
      const Qij = yi * yj * Ki[idx[j]];
      const oldAi = alpha[i];
      const oldAj = alpha[j];
      let ai = oldAi;
      let aj = oldAj;
      // The two-variable sub-problem along Σ yα = const, then clipped to the box [0, C]².
      if (yi !== yj) {
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
      // G ← G + Q_{:,i}Δαᵢ + Q_{:,j}Δαⱼ over the active set.
      const ci = yi * (ai - oldAi);
      const cj = yj * (aj - oldAj);
      const act = this.active;
      const na = this.activeSize;
      for (let s = 0; s < na; s++) {
        const t = act[s];
        const g = idx[t];
        G[t] += y[t] * (ci * Ki[g] + cj * Kj[g]);
      }
      // Ḡ changes when a multiplier reaches or leaves C.
      const wasUi = oldAi >= C;
      const isUi = ai >= C;
      if (wasUi !== isUi) {
        const f = isUi ? C * yi : -C * yi;
        for (let t = 0; t < l; t++) Gbar[t] += f * y[t] * Ki[idx[t]];
      }
      const wasUj = oldAj >= C;
      const isUj = aj >= C;
      if (wasUj !== isUj) {
        const f = isUj ? C * yj : -C * yj;
        for (let t = 0; t < l; t++) Gbar[t] += f * y[t] * Kj[idx[t]];
      }
    }
  }

  /** Stops at the iteration cap, with the full gradient rebuilt for the intercept. */
  private finish(): void {
    if (this.activeSize < this.l) {
      this.reconstructGradient();
      this.activeSize = this.l;
    }
    this.done = true;
  }

  /** WSS3: sets wi, wj and gap; false when the KKT gap is below tol (optimal). */
  private selectWorkingSet(): boolean {
    const { y, alpha, G, QD, C, idx, active } = this;
    const na = this.activeSize;
    let Gmax = -Infinity;
    let Gmax2 = -Infinity;
    let iMax = -1;
    let jMin = -1;
    let objMin = Infinity;
    for (let s = 0; s < na; s++) {
      const t = active[s];
      if (y[t] > 0) {
        if (alpha[t] < C && -G[t] >= Gmax) {
          Gmax = -G[t];
          iMax = t;
        }
      } else if (alpha[t] > 0 && G[t] >= Gmax) {
        Gmax = G[t];
        iMax = t;
      }
    }
    if (iMax < 0) {
      // No candidate for i: every multiplier sits at the bound that blocks it (optimal).
      this.gap = -Infinity;
      return false;
    }
    const Ki = this.cache.row(idx[iMax]);
    const QDi = QD[iMax];
    for (let s = 0; s < na; s++) {
      const t = active[s];
      const Gt = G[t];
      if (y[t] > 0) {
        if (alpha[t] > 0) {
          if (Gt >= Gmax2) Gmax2 = Gt;
          const gd = Gmax + Gt;
          if (gd > 0) {
            const quad = QDi + QD[t] - 2 * Ki[idx[t]];
            const obj = -(gd * gd) / (quad > 0 ? quad : TAU);
            if (obj <= objMin) {
              jMin = t;
              objMin = obj;
            }
          }
        }
      } else if (alpha[t] < C) {
        if (-Gt >= Gmax2) Gmax2 = -Gt;
        const gd = Gmax - Gt;
        if (gd > 0) {
          const quad = QDi + QD[t] - 2 * Ki[idx[t]];
          const obj = -(gd * gd) / (quad > 0 ? quad : TAU);
          if (obj <= objMin) {
            jMin = t;
            objMin = obj;
          }
        }
      }
    }
    this.gap = Gmax + Gmax2;
    if (this.gap < this.eps || jMin === -1) return false;
    this.wi = iMax;
    this.wj = jMin;
    return true;
  }

  private isUpper(t: number): boolean {
    return this.alpha[t] >= this.C;
  }

  private isLower(t: number): boolean {
    return this.alpha[t] <= 0;
  }

  private beShrunk(t: number, Gmax1: number, Gmax2: number): boolean {
    const { y, G } = this;
    if (this.isUpper(t)) return y[t] > 0 ? -G[t] > Gmax1 : -G[t] > Gmax2;
    if (this.isLower(t)) return y[t] > 0 ? G[t] > Gmax2 : G[t] > Gmax1;
    return false;
  }

  private doShrinking(): void {
    const { y, G, active } = this;
    let Gmax1 = -Infinity; // max −yG over I_up
    let Gmax2 = -Infinity; // max yG over I_low
    for (let s = 0; s < this.activeSize; s++) {
      const t = active[s];
      if (y[t] > 0) {
        if (!this.isUpper(t) && -G[t] >= Gmax1) Gmax1 = -G[t];
        if (!this.isLower(t) && G[t] >= Gmax2) Gmax2 = G[t];
      } else {
        if (!this.isUpper(t) && -G[t] >= Gmax2) Gmax2 = -G[t];
        if (!this.isLower(t) && G[t] >= Gmax1) Gmax1 = G[t];
      }
    }
    if (!this.unshrink && Gmax1 + Gmax2 <= this.eps * 10) {
      this.unshrink = true;
      this.reconstructGradient();
      this.activeSize = this.l;
    }
    // Move shrunk entries behind the active ones, as libsvm's swaps do (same order after).
    for (let s = 0; s < this.activeSize; s++) {
      if (!this.beShrunk(active[s], Gmax1, Gmax2)) continue;
      this.activeSize--;
      while (this.activeSize > s) {
        if (!this.beShrunk(active[this.activeSize], Gmax1, Gmax2)) {
          const t = active[s];
          active[s] = active[this.activeSize];
          active[this.activeSize] = t;
          break;
        }
        this.activeSize--;
      }
    }
  }

  /** Gₜ = Ḡₜ − 1 + Σ_{free i} yₜyᵢαᵢKₜᵢ for the inactive t. */
  private reconstructGradient(): void {
    const { l, active, G, Gbar, alpha, y, idx, C } = this;
    const na = this.activeSize;
    if (na === l) return;
    for (let s = na; s < l; s++) G[active[s]] = Gbar[active[s]] - 1;
    for (let s = 0; s < na; s++) {
      const i = active[s];
      if (alpha[i] > 0 && alpha[i] < C) {
        const Ki = this.cache.row(idx[i]);
        const c = y[i] * alpha[i];
        for (let r = na; r < l; r++) {
          const t = active[r];
          G[t] += c * y[t] * Ki[idx[t]];
        }
      }
    }
  }

  /**
   * ρ, the offset of the decision function Σ yᵢαᵢK(xᵢ, x) − ρ: the mean of yᵢGᵢ over free
   * multipliers (0 < αᵢ < C, where the KKT conditions pin it), or the middle of the
   * interval the bounded ones allow.
   */
  rho(): number {
    const { y, G, active } = this;
    let nFree = 0;
    let sumFree = 0;
    let ub = Infinity;
    let lb = -Infinity;
    for (let s = 0; s < this.activeSize; s++) {
      const t = active[s];
      const yG = y[t] * G[t];
      if (this.isUpper(t)) {
        if (y[t] < 0) ub = Math.min(ub, yG);
        else lb = Math.max(lb, yG);
      } else if (this.isLower(t)) {
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
