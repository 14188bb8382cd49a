import { classAttr } from '../common/colors';
import { fmt, matVec, type Vec2 } from './model';
import type { PcaModel } from './usePcaExplorer';

const SUBS = ['₁', '₂'];
const pair = (v: Vec2) => `(${fmt(v[0])}, ${fmt(v[1])})`;

/**
 * Beside the plot: the covariance matrix C as numbers (step 1), each eigenpair with C v
 * and λ v side by side (step 2), and the explained variance ratios with the reconstruction
 * error from k components (step 3).
 */
export function SidePanel({ model, width }: { model: PcaModel; width: number }) {
  const { fit, state } = model;
  return (
    <div className="gl-panel gl-pca-side" data-gl-panel="side" style={{ width }}>
      <section aria-label="Covariance matrix">
        <h4 className="gl-pca-heading">1 · Covariance matrix C</h4>
        <div className="gl-pca-matrix" data-testid="covariance">
          <span className="gl-pca-matrix-name">C =</span>
          <table className="gl-pca-bracket">
            <tbody>
              {fit.C.map((row, i) => (
                <tr key={i}>
                  {row.map((v, j) => (
                    <td key={j} data-testid={`c${i + 1}${j + 1}`}>
                      {fmt(v)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {state.step >= 2 && !fit.problem && <EigenCheck model={model} />}
      {state.step === 3 && !fit.problem && <Variance model={model} width={width} />}
    </div>
  );
}

/** Each eigenpair, with C v and λ v computed side by side: they agree (C v = λ v). */
function EigenCheck({ model }: { model: PcaModel }) {
  const { fit } = model;
  return (
    <section aria-label="Eigenvectors">
      <h4 className="gl-pca-heading">2 · Eigenvectors: C v = λ v</h4>
      <ul className="gl-pca-pairs">
        {fit.components.map((v, i) => (
          <li key={i} {...classAttr(i)}>
            v{SUBS[i]} = {pair(v)}, λ{SUBS[i]} = {fmt(fit.variances[i])}
          </li>
        ))}
      </ul>
      <table className="gl-pca-eigen" data-testid="eigen-check">
        <thead>
          <tr>
            <th scope="col">v</th>
            <th scope="col">C v</th>
            <th scope="col">λ v</th>
          </tr>
        </thead>
        <tbody>
          {fit.components.map((v, i) => {
            const Cv = matVec(fit.C, v);
            const lv: Vec2 = [fit.variances[i] * v[0], fit.variances[i] * v[1]];
            const gap = Math.hypot(Cv[0] - lv[0], Cv[1] - lv[1]);
            return (
              <tr key={i} data-gap={gap}>
                <th scope="row" {...classAttr(i)}>
                  v{SUBS[i]}
                </th>
                <td>{pair(Cv)}</td>
                <td>{pair(lv)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** The explained variance ratios λᵢ / (λ₁ + λ₂) as bars, and the reconstruction error from k components. */
function Variance({ model, width }: { model: PcaModel; width: number }) {
  const { fit, state, error } = model;
  const barW = Math.max(60, width - 150);
  return (
    <section aria-label="Explained variance">
      <h4 className="gl-pca-heading">3 · Project onto the first k = {state.k} eigenvector{state.k === 2 ? 's' : ''}</h4>
      <ul className="gl-pca-bars" data-testid="variance-ratio" data-ratios={fit.ratios.map((r) => r.toFixed(4)).join(',')}>
        {fit.ratios.map((r, i) => (
          <li key={i} data-kept={i < state.k ? '' : undefined}>
            <span>PC{SUBS[i]}</span>
            <svg width={barW} height={14} aria-hidden="true">
              <rect className="gl-pca-bar-bg" width={barW} height={14} />
              <rect className="gl-pca-bar" width={r * barW} height={14} {...classAttr(i)} />
            </svg>
            <span>{(100 * r).toFixed(1)} %</span>
          </li>
        ))}
      </ul>
      <p className="gl-pca-readout" data-testid="reconstruction-error" data-error={error}>
        Reconstruction error (1/n) Σ ‖x − x̂‖² = {fmt(error)}
        {state.k === 1 ? ` ≈ λ₂ = ${fmt(fit.variances[1])}` : ' (nothing is dropped)'}
      </p>
    </section>
  );
}
