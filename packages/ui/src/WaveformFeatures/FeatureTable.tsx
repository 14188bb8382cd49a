import { VOLCANIC_CLASSES, type FeatureDomain, type VolcanicClass, type WaveformFeature } from '@geolearn/algorithms/seismic';
import { scaleLinear } from 'd3-scale';
import { DOMAIN_LABELS, formatValue, formatZ, VOLCANIC_CLASS_COLORS, Z_MAX } from './model';
import type { FeatureReference } from './reference';

/** One row: a feature, its z and its index among the 102. */
export type FeatureRow = WaveformFeature & { z: number; index: number };

/** Props of {@link FeatureTable}. */
export interface FeatureTableProps {
  rows: readonly FeatureRow[];
  domain: FeatureDomain;
  eventClass: VolcanicClass;
  reference: FeatureReference;
  perClass: number;
  /** Most height of the scroll box, px. */
  maxHeight: number;
  /** Width of the chart column, px. */
  chartWidth: number;
  /** Drop the "#" and "Domain" columns (narrow screens). */
  compact: boolean;
}

/** The 34 features of one domain: value, z, and a chart of z (bar) against the class averages (ticks; its own class circled). */
export function FeatureTable({ rows, domain, eventClass, reference, perClass, maxHeight, chartWidth, compact }: FeatureTableProps) {
  const cx = scaleLinear().domain([-Z_MAX, Z_MAX]).range([6, chartWidth - 6]).clamp(true);
  return (
    <div role="region" aria-label={`${DOMAIN_LABELS[domain]} features of the event`} tabIndex={0} className="gl-wf-scroll" style={{ maxHeight }}>
      <table className="gl-wf-table" data-testid="feature-table" data-compact={compact ? '' : undefined}>
        <caption>
          Table 1 features, {domain} domain (z against {perClass} reference events per class)
        </caption>
        <thead>
          <tr>
            {!compact && <th scope="col">#</th>}
            <th scope="col">Feature</th>
            {!compact && <th scope="col">Domain</th>}
            <th scope="col" className="gl-wf-num">
              Value
            </th>
            <th scope="col" className="gl-wf-num">
              z
            </th>
            <th scope="col" style={{ width: chartWidth }}>
              <span className="gl-wf-scale" style={{ width: chartWidth - 8 }}>
                <span>−3σ</span>
                <span>0</span>
                <span>+3σ</span>
              </span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.index} data-key={r.key} data-z={r.z}>
              {!compact && <td>{r.ref}</td>}
              <th scope="row">{r.name}</th>
              {!compact && <td>{r.domain}</td>}
              <td className="gl-wf-num">
                {formatValue(r.value)}
                {r.unit ? ` ${r.unit}` : ''}
              </td>
              <td className="gl-wf-num">{formatZ(r.z)}</td>
              <td className="gl-wf-chart-cell">
                <ZChart z={r.z} index={r.index} eventClass={eventClass} reference={reference} width={chartWidth} cx={cx} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ZChart({ z, index, eventClass, reference, width, cx }: { z: number; index: number; eventClass: VolcanicClass; reference: FeatureReference; width: number; cx: (v: number) => number }) {
  const zc = Math.max(-Z_MAX, Math.min(Z_MAX, z));
  return (
    <svg width={width} height={20} aria-hidden="true" className="gl-wf-chart">
      <line className="gl-wf-zero" x1={cx(0)} x2={cx(0)} y1={0} y2={20} />
      <rect className="gl-wf-bar" x={Math.min(cx(0), cx(zc))} y={6} width={Math.abs(cx(zc) - cx(0))} height={8} />
      {Math.abs(z) > Z_MAX && <path className="gl-wf-bar" d={z > 0 ? `M${width - 6},4L${width},10L${width - 6},16Z` : 'M6,4L0,10L6,16Z'} />}
      {VOLCANIC_CLASSES.map((c) => {
        const x = cx(Math.max(-Z_MAX, Math.min(Z_MAX, reference.classMeanZ[c][index])));
        return c === eventClass ? (
          <circle key={c} cx={x} cy={10} r={4.5} fill="none" stroke={VOLCANIC_CLASS_COLORS[c]} strokeWidth={2.5} />
        ) : (
          <rect key={c} x={x - 1} y={3} width={2} height={14} fill={VOLCANIC_CLASS_COLORS[c]} />
        );
      })}
    </svg>
  );
}
