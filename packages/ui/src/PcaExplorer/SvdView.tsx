import { svd } from '@geolearn/algorithms';
import { scaleLinear } from 'd3-scale';
import { useMemo } from 'react';
import { classAttr } from '../common/colors';
import { NumberField } from '../kit/NumberField';
import { fmt, type PcaFit, type Vec2 } from './model';
import { svd2, type Mat2 } from './svdModel';

/** Props of {@link SvdView}. */
export interface SvdViewProps {
  /** The matrix A. */
  matrix: Mat2;
  /** Called with the edited matrix. */
  onChange: (m: Mat2) => void;
  /** Width available, px. */
  width: number;
  /** The cloud's PCA fit: its centred samples are decomposed too, to link the SVD to PCA. */
  fit: PcaFit;
}

/**
 * The SVD view: a small matrix A (editable), its decomposition A = UΣVᵀ as numbers with the
 * product checked, and what each factor does to the unit circle — Vᵀ turns, Σ stretches,
 * U turns — ending on the ellipse A·circle; v₁, v₂ (colours of PC₁, PC₂) are followed through.
 */
export function SvdView({ matrix, onChange, width, fit }: SvdViewProps) {
  const d = svd2(matrix);
  const cell = Math.max(90, Math.min(140, Math.floor((width - 24) / 4)));
  const r = Math.max(2.5, ...d.stages[3].circle.map((p) => Math.hypot(p[0], p[1])), d.S[0]) * 1.1;
  const s = scaleLinear().domain([-r, r]).range([0, cell]);
  const sy = scaleLinear().domain([-r, r]).range([cell, 0]);
  const set = (i: number, j: number) => (v: number) => onChange(matrix.map((row, a) => row.map((x, b) => (a === i && b === j ? v : x))) as Mat2);
  return (
    <div className="gl-panel gl-pca-svd" data-gl-panel="svd" data-testid="svd" style={{ width }}>
      <h4 className="gl-pca-heading">Singular value decomposition A = UΣVᵀ</h4>
      <fieldset className="gl-fieldset gl-pca-svd-fields">
        <legend>Matrix A</legend>
        {matrix.map((row, i) => row.map((v, j) => <NumberField key={`${i}${j}`} label={`A${'₁₂'[i]}${'₁₂'[j]}`} value={v} onChange={set(i, j)} min={-5} max={5} step={0.1} testId={`a${i + 1}${j + 1}`} />))}
      </fieldset>
      <p className="gl-pca-readout" data-testid="svd-numbers" data-s={d.S.join(',')}>
        U = {mat(d.U)}, Σ = diag({fmt(d.S[0])}, {fmt(d.S[1])}), Vᵀ = {mat(d.Vt)}; UΣVᵀ = {mat(d.product)} = A.
      </p>
      <div className="gl-pca-svd-stages">
        {d.stages.map((st, k) => (
          <figure key={k} className="gl-pca-svd-stage">
            <svg width={cell} height={cell} role="img" aria-label={`${st.label}: the unit circle after ${k === 0 ? 'nothing' : k === 1 ? 'Vᵀ (a rotation)' : k === 2 ? 'Σ (a stretch by σ₁ and σ₂)' : 'U (a rotation): the ellipse A·circle'}`}>
              <rect className="gl-pca-area" width={cell} height={cell} />
              <line className="gl-pca-guide" x1={s(0)} x2={s(0)} y1={0} y2={cell} />
              <line className="gl-pca-guide" x1={0} x2={cell} y1={sy(0)} y2={sy(0)} />
              <path className="gl-pca-svd-curve" d={`M${st.circle.map((p) => `${s(p[0])},${sy(p[1])}`).join('L')}Z`} />
              {st.v.map((v: Vec2, i) => (
                <line key={i} className="gl-pca-svd-vec" x1={s(0)} y1={sy(0)} x2={s(v[0])} y2={sy(v[1])} {...classAttr(i)} />
              ))}
            </svg>
            <figcaption>{st.label}</figcaption>
          </figure>
        ))}
      </div>
      <p className="gl-pca-readout">
        <span {...classAttr(0)}>v₁ → σ₁u₁</span> and <span {...classAttr(1)}>v₂ → σ₂u₂</span>: A vᵢ = σᵢ uᵢ, the semi-axes of the ellipse.
      </p>
      {!fit.problem && <DataSvd fit={fit} />}
    </div>
  );
}

/** The SVD of the centred samples Xc = UΣVᵀ: the rows of Vᵀ are PCA's axes and σᵢ²/(n − 1) = λᵢ. */
function DataSvd({ fit }: { fit: PcaFit }) {
  const { S, Vt } = useMemo(() => svd(fit.X.map((x) => [x[0] - fit.mean[0], x[1] - fit.mean[1]])), [fit]);
  const n = fit.X.length;
  return (
    <p className="gl-pca-readout" data-testid="data-svd" data-lambda={S.map((s) => (s * s) / (n - 1)).join(',')}>
      PCA is the SVD of the centred samples, Xc = UΣVᵀ ({n}×2): Vᵀ = [[{fmt(Vt[0][0])}, {fmt(Vt[0][1])}], [{fmt(Vt[1][0])}, {fmt(Vt[1][1])}]] holds v₁ and v₂ (up to sign), and σᵢ²/(n − 1) = {fmt((S[0] * S[0]) / (n - 1))}, {fmt((S[1] * S[1]) / (n - 1))} are λ₁, λ₂.
    </p>
  );
}

/** A 2×2 matrix in one line: [[a, b], [c, d]]. */
const mat = (M: Mat2) => `[[${fmt(M[0][0])}, ${fmt(M[0][1])}], [${fmt(M[1][0])}, ${fmt(M[1][1])}]]`;
