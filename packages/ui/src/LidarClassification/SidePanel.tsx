import { FitProgress } from '../worker/FitProgress';
import { CLASS_CODES, CLASS_NAMES, pct, recalls } from './model';
import type { LidarModel } from './useLidarClassification';

/**
 * The confusion matrix of the unlabelled points (rows = true class, columns = predicted, as
 * scikit-learn's), its diagonal (right answers) and off-diagonal (wrong ones) marked by class,
 * each row's recall at its end.
 */
export function ConfusionTable({ model }: { model: LidarModel }) {
  const { cm, current } = model;
  if (!cm) return <p className="gl-lidar-note">The confusion matrix appears once the forest is trained.</p>;
  const rec = recalls(cm.C);
  return (
    <div className="gl-lidar-cm-wrap">
      <table className="gl-lidar-cm" data-testid="confusion" data-state={current ? 'current' : 'stale'} data-accuracy={cm.accuracy.toFixed(4)}>
        <caption>
          Unlabelled points: {cm.n}, accuracy {pct(cm.accuracy)}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="gl-lidar-cm-corner">
              true ↓ pred. →
            </th>
            {CLASS_NAMES.map((c, k) => (
              <th scope="col" key={k} className="gl-lidar-cm-head" data-class={k}>
                <abbr title={c}>{CLASS_CODES[k]}</abbr>
              </th>
            ))}
            <th scope="col">recall</th>
          </tr>
        </thead>
        <tbody>
          {cm.C.map((row, i) => (
            <tr key={i}>
              <th scope="row" className="gl-lidar-cm-head" data-class={i}>
                {CLASS_NAMES[i]}
              </th>
              {row.map((v, j) => (
                <td key={j} className="gl-lidar-cm-cell" data-kind={i === j ? 'right' : v > 0 ? 'wrong' : 'zero'}>
                  {v}
                </td>
              ))}
              <td className="gl-lidar-cm-recall">{pct(rec[i])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The forest's feature importances, the six largest, as bars. */
export function Importances({ model, width }: { model: LidarModel; width: number }) {
  const r = model.run?.result;
  if (!r) return null;
  const top = r.importances
    .map((v, j) => ({ v, name: r.names[j] }))
    .sort((a, b) => b.v - a.v)
    .slice(0, 6);
  const max = Math.max(1e-12, top[0]?.v ?? 1);
  const labelW = Math.min(150, Math.round(width * 0.5));
  const barW = Math.max(40, width - labelW - 50);
  return (
    <figure className="gl-lidar-imp" data-testid="importances">
      <figcaption>What the forest uses most (impurity decrease)</figcaption>
      <svg width={width} height={top.length * 20} role="img" aria-label={`Top features: ${top.map((t) => `${t.name} ${(100 * t.v).toFixed(0)} %`).join(', ')}`}>
        {top.map((t, k) => (
          <g key={t.name} transform={`translate(0, ${k * 20})`}>
            <text className="gl-lidar-imp-label" x={labelW - 6} y={14} textAnchor="end">
              {t.name}
            </text>
            <rect className="gl-lidar-imp-bar" x={labelW} y={4} width={(barW * t.v) / max} height={12} />
            <text className="gl-lidar-imp-label" x={labelW + (barW * t.v) / max + 4} y={14}>
              {(100 * t.v).toFixed(0)} %
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}

/** The side panel: progress of the worker run, the confusion matrix, the importances. */
export function SidePanel({ model, width }: { model: LidarModel; width: number }) {
  return (
    <div className="gl-panel gl-lidar-side" data-gl-panel="lidar-side" style={{ width }} data-feature-ms={model.run?.result.featureMs.toFixed(1)} data-fit-ms={model.run?.result.fitMs.toFixed(1)}>
      <FitProgress
        label="Features, training, prediction"
        value={model.fit.progress}
        running={model.fit.running}
        error={model.fit.error ? new Error(model.fit.error) : null}
        onCancel={model.actions.cancel}
        data-testid="progress"
      />
      <ConfusionTable model={model} />
      <Importances model={model} width={Math.min(width, 330)} />
    </div>
  );
}
