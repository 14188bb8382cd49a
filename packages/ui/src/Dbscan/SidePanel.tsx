import { kindCounts } from './model';
import type { DbscanModel } from './useDbscan';

/** Beside the plot: the three rules of DBSCAN and the counts so far (core, border, noise, clusters). */
export function SidePanel({ model, width }: { model: DbscanModel; width: number }) {
  const { growth, frame, state } = model;
  const reached = frame.labels.filter((l) => l >= 0).length;
  const final = growth.error ? null : kindCounts(growth);
  const clustersSoFar = new Set(frame.labels.filter((l) => l >= 0)).size;
  return (
    <div className="gl-panel gl-dbscan-side" data-gl-panel="side" style={{ width }}>
      <ol className="gl-dbscan-rules" aria-label="DBSCAN's rules">
        <li>
          A <b>core</b> sample (filled disc) has at least minSamples = {state.minSamples} samples within ε = {state.eps}, itself included.
        </li>
        <li>
          A cluster grows from a core sample to every sample within ε of its core samples, ring by ring. A reached sample that is not core is a <b>border</b> sample (ring): it joins but does not spread.
        </li>
        <li>
          What no cluster reaches is <b>noise</b> (cross), label −1.
        </li>
      </ol>
      <dl className="gl-dbscan-counts" data-testid="counts" data-clusters={clustersSoFar} data-reached={reached}>
        <dt>Reached</dt>
        <dd>
          {reached} of {model.X.length}
        </dd>
        <dt>Clusters so far</dt>
        <dd>{clustersSoFar}</dd>
        {final && frame.done && (
          <>
            <dt>Core / border / noise</dt>
            <dd>
              {final.core} / {final.border} / {final.noise}
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}
