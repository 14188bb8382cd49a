/**
 * Limited-memory BFGS (Nocedal 1980; Liu & Nocedal 1989), internal to the linear models.
 *
 * The search direction d = −H∇f applies an approximate inverse Hessian H built from the
 * last m pairs sₖ = xₖ₊₁ − xₖ, yₖ = ∇fₖ₊₁ − ∇fₖ by the two-loop recursion, starting from
 * H₀ = γI with γ = sᵀy / yᵀy. The step length comes from a backtracking line search on the
 * Armijo condition f(x + αd) ≤ f(x) + c₁α ∇f·d. A pair is kept only when sᵀy > 0 (the
 * curvature condition), so H stays positive definite and d stays a descent direction.
 */

/** f and ∇f at x. */
export type ValueAndGradient = (x: Float64Array) => { f: number; g: Float64Array };

export interface LbfgsOptions {
  /** Most iterations. */
  maxIter: number;
  /** Stop once ‖∇f‖∞ ≤ gtol. */
  gtol: number;
  /**
   * Stop once the relative decrease (Fₖ − Fₖ₊₁)/max(|Fₖ|, |Fₖ₊₁|, 1) ≤ ftol, F = fScale·f (scipy's
   * L-BFGS-B test, factr·ε). Default 2.220446049250313e-9: scipy's default (factr = 10⁷), which
   * scikit-learn 1.2 keeps.
   */
  ftol?: number;
  /**
   * The factor from f to the objective whose relative decrease scipy tests (the floor 1 in the
   * test makes the scale matter): n when f is a mean over n samples and the reference sums. Default 1.
   */
  fScale?: number;
  /** Pairs kept. Default 10, as scipy's maxcor. */
  memory?: number;
}

export interface LbfgsState {
  readonly iteration: number;
  readonly x: Float64Array;
  readonly f: number;
  readonly g: Float64Array;
  /** ‖∇f‖∞. */
  readonly gradMax: number;
  readonly converged: boolean;
}

function maxAbs(v: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]));
  return m;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Yields the state after every iteration (iteration 0 is the start); returns the last. */
export function* lbfgs(fg: ValueAndGradient, x0: Float64Array, options: LbfgsOptions): Generator<LbfgsState, LbfgsState, undefined> {
  const { maxIter, gtol } = options;
  const ftol = options.ftol ?? 2.220446049250313e-9;
  const fScale = options.fScale ?? 1;
  const m = options.memory ?? 10;
  const n = x0.length;
  let x = Float64Array.from(x0);
  let { f, g } = fg(x);
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const RHO: number[] = [];
  let state: LbfgsState = { iteration: 0, x, f, g, gradMax: maxAbs(g), converged: maxAbs(g) <= gtol };
  yield state;
  if (state.converged) return state;
  const alphaK = new Float64Array(m);
  for (let it = 1; it <= maxIter; it++) {
    // Two-loop recursion: d = −H g.
    const d = Float64Array.from(g, (v) => -v);
    for (let k = S.length - 1; k >= 0; k--) {
      const a = RHO[k] * dot(S[k], d);
      alphaK[k] = a;
      const yk = Y[k];
      for (let i = 0; i < n; i++) d[i] -= a * yk[i];
    }
    if (S.length > 0) {
      const last = S.length - 1;
      const gamma = dot(S[last], Y[last]) / dot(Y[last], Y[last]);
      for (let i = 0; i < n; i++) d[i] *= gamma;
    }
    for (let k = 0; k < S.length; k++) {
      const b = RHO[k] * dot(Y[k], d);
      const sk = S[k];
      const c = alphaK[k] - b;
      for (let i = 0; i < n; i++) d[i] += c * sk[i];
    }
    let slope = dot(g, d);
    if (!(slope < 0)) {
      // Not a descent direction (numerical trouble): restart from steepest descent.
      S.length = 0;
      Y.length = 0;
      RHO.length = 0;
      for (let i = 0; i < n; i++) d[i] = -g[i];
      slope = dot(g, d);
    }
    // The first step has no curvature information: keep it at unit length.
    let step = S.length === 0 ? Math.min(1, 1 / Math.sqrt(dot(d, d))) : 1;
    let xNew = new Float64Array(n);
    let next = { f: Infinity, g };
    let accepted = false;
    for (let ls = 0; ls < 50; ls++) {
      for (let i = 0; i < n; i++) xNew[i] = x[i] + step * d[i];
      next = fg(xNew);
      if (Number.isFinite(next.f) && next.f <= f + 1e-4 * step * slope) {
        accepted = true;
        break;
      }
      // Quadratic interpolation of φ(α) = f(x + αd) from φ(0), φ'(0), φ(step), safeguarded.
      const q = Number.isFinite(next.f) ? (-slope * step * step) / (2 * (next.f - f - slope * step)) : step / 10;
      step = Math.min(0.5 * step, Math.max(0.1 * step, q));
    }
    if (!accepted) {
      state = { iteration: it, x, f, g, gradMax: maxAbs(g), converged: false };
      yield state;
      return state;
    }
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = xNew[i] - x[i];
      y[i] = next.g[i] - g[i];
    }
    const sy = dot(s, y);
    if (sy > 1e-10 * dot(y, y)) {
      if (S.length === m) {
        S.shift();
        Y.shift();
        RHO.shift();
      }
      S.push(s);
      Y.push(y);
      RHO.push(1 / sy);
    }
    const fOld = f;
    x = xNew;
    xNew = new Float64Array(n);
    f = next.f;
    g = next.g;
    const gradMax = maxAbs(g);
    const converged = gradMax <= gtol || (fScale * (fOld - f)) / Math.max(fScale * Math.abs(fOld), fScale * Math.abs(f), 1) <= ftol;
    state = { iteration: it, x, f, g, gradMax, converged };
    yield state;
    if (converged) return state;
  }
  return state;
}
