import { Button } from '../kit/buttons';
import { Segmented } from '../kit/Segmented';
import { Slider } from '../kit/Slider';
import { DefinitionTag } from './Grid';
import {
  AFFINITIES,
  COVARIANCE_TYPES,
  DATASET_INFO,
  LINKAGES,
  METHOD_INFO,
  METHOD_PARAMS,
  paramsOf,
  withDefaults,
  withParam,
  type MethodParams,
} from './model';
import type { ClusteringGrid } from './useClusteringGrid';

const AFFINITY_LABEL: Record<(typeof AFFINITIES)[number], string> = { nearest_neighbors: 'k nearest neighbours', rbf: 'RBF (dense n × n)' };

/**
 * The parameters of the selected cell's method (k, ε and minSamples, linkage, covariance
 * type, affinity). A change applies to the cell or to its whole column, and refits at once.
 */
export function ParamsPanel({ grid, width }: { grid: ClusteringGrid; width: number }) {
  const { state, setState } = grid;
  const sel = state.selected;
  if (!sel) return null;
  const p = paramsOf(state, sel.dataset, sel.method);
  const uses = METHOD_PARAMS[sel.method];
  const set = <F extends keyof MethodParams>(field: F) => (v: MethodParams[F]) => setState((s) => withParam(s, field, v));
  const sliderW = Math.max(120, Math.min(240, width - 230));
  const info = METHOD_INFO[sel.method];
  return (
    <section className="gl-cc-panel" data-testid="params-panel" aria-label={`Parameters of ${info.label}`}>
      <h3>
        {info.label} on {DATASET_INFO[sel.dataset].label.toLowerCase()} <DefinitionTag method={sel.method} />
      </h3>
      <div className="gl-cc-panel-controls">
        <Segmented
          label="Apply to"
          value={state.scope}
          onChange={(scope) => setState((s) => ({ ...s, scope }))}
          options={[
            { value: 'column', label: 'Whole column' },
            { value: 'cell', label: 'This cell' },
          ]}
        />
        {uses.includes('k') && <Slider label="k (clusters)" value={p.k} onChange={set('k')} min={1} max={8} step={1} width={sliderW} testId="param-k" />}
        {uses.includes('eps') && (
          <Slider label="ε (eps)" value={p.eps} onChange={set('eps')} min={0.02} max={2} scale="log" format={(v) => v.toPrecision(2)} width={sliderW} testId="param-eps" />
        )}
        {uses.includes('minSamples') && <Slider label="minSamples" value={p.minSamples} onChange={set('minSamples')} min={1} max={60} step={1} width={sliderW} testId="param-min-samples" />}
        {uses.includes('linkage') && <Segmented label="Linkage" value={p.linkage} onChange={set('linkage')} options={LINKAGES.map((l) => ({ value: l, label: l }))} />}
        {uses.includes('covarianceType') && (
          <Segmented label="Covariance type" value={p.covarianceType} onChange={set('covarianceType')} options={COVARIANCE_TYPES.map((c) => ({ value: c, label: c }))} />
        )}
        {uses.includes('affinity') && (
          <Segmented label="Affinity" value={p.affinity} onChange={set('affinity')} options={AFFINITIES.map((a) => ({ value: a, label: AFFINITY_LABEL[a] }))} />
        )}
      </div>
      <p className="gl-cc-panel-note">
        {info.label} {info.why}.{sel.method === 'spectral' && p.affinity === 'rbf' ? ' The RBF affinity is a dense n × n matrix: about a second per cell at 1,500 samples.' : ''}
      </p>
      <div className="gl-cc-toolbar">
        <Button onClick={() => setState((s) => withDefaults(s))}>Figure's defaults</Button>
        <Button onClick={() => setState((s) => ({ ...s, selected: null }))}>Close</Button>
      </div>
    </section>
  );
}
