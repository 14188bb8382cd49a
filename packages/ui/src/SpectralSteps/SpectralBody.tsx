import type { ExplainerLayout } from '../kit/Explainer';
import { fmt2, fmtEig, graphText } from './model';
import { MatrixView, Panel, PointsView } from './Panels';
import { SpectralStyles } from './styles';
import type { SpectralModel } from './useSpectralSteps';

/** The six panels: W, L, the embedding, its k-means mapped back, raw k-means, and the scores. */
export function SpectralBody({ model, layout, width, height }: { model: SpectralModel; layout: ExplainerLayout; width: number; height: number }) {
  const { data, run, stale, state } = model;
  const r = run?.result ?? null;
  const w = layout.plotWidth(width);
  const col = layout.compact ? Math.min(w, 400) : Math.max(180, Math.floor((w - 24) / 3));
  const hm = Math.min(col, height);
  const n = data.X.length;
  const split = data.y.indexOf(1);
  const empty = <p className="gl-spectral-note">{run?.error ? 'No result: see the status.' : 'Fitting…'}</p>;
  return (
    <>
      <SpectralStyles />
      <div className="gl-spectral-row">
      <Panel title="1. Adjacency W" width={col} name="affinity" testId="affinity-panel" stale={stale}>
        {r ? <MatrixView values={r.W} n={n} size={hm} kind="sequential" domain={[0, 1]} split={split} label={`Affinity matrix W, ${n} × ${n}, rows sorted by true class: ${graphText(state)}`} legendTitle="Wᵢⱼ" testId="affinity" /> : empty}
      </Panel>
      <Panel title="2. Laplacian L" width={col} name="laplacian" stale={stale}>
        {r ? <MatrixView values={r.L} n={n} size={hm} kind="diverging" domain={[-r.lOff, r.lOff]} split={split} label="Normalised Laplacian L (diagonal 1, beyond the colour range)" legendTitle="Lᵢⱼ off the diagonal (Lᵢᵢ = 1)" testId="laplacian" /> : empty}
      </Panel>
      <Panel title="3. First m = 2 eigenvectors" width={col} name="embedding" stale={stale}>
        {r ? (
          <>
            <PointsView points={r.embedding} labels={r.labels} width={col} xLabel="u₁ / √d" yLabel="u₂ / √d" label="The spectral embedding: each sample at its entries of the first two eigenvectors, coloured by k-means there" testId="embedding" />
            <p className="gl-spectral-note">
              λ₁ = {fmtEig(r.eigenvalues[0])}, λ₂ = {fmtEig(r.eigenvalues[1] ?? 0)}
              {r.nGraphComponents > 1 ? ` (λ = 0 once per piece of the graph: ${r.nGraphComponents} pieces)` : ''}
            </p>
          </>
        ) : (
          empty
        )}
      </Panel>
      </div>
      <div className="gl-spectral-row">
      <Panel title="4. k-means there, mapped back" width={col} name="spectral-labels" stale={stale}>
        {r ? <PointsView points={data.X} labels={r.labels} edges={r.edges} width={col} xLabel="x₁" yLabel="x₂" label={`The samples coloured by spectral clustering, over the graph's ${r.edges.length} edges`} testId="spectral-plane" /> : empty}
        {r && <p className="gl-spectral-note">ARI against the true classes: <span className="gl-spectral-score">{fmt2(r.ari)}</span></p>}
      </Panel>
      <Panel title="k-means on the raw points" width={col} name="raw-kmeans" stale={stale}>
        {r ? <PointsView points={data.X} labels={r.rawLabels} width={col} xLabel="x₁" yLabel="x₂" label="The samples coloured by k-means on the raw coordinates" testId="raw-plane" /> : empty}
        {r && <p className="gl-spectral-note">ARI against the true classes: <span className="gl-spectral-score">{fmt2(r.rawAri)}</span> — its two convex cells cannot follow the {state.dataset === 'moons' ? 'moons' : 'rings'}.</p>}
      </Panel>
      </div>
    </>
  );
}
