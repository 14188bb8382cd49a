import { classColor, conceptColor } from '../common/colors';
import { bestMatch, fmt, RECOVERED, type Separation } from './model';

const SUB = ['₁', '₂'];

/** One small waveform: the signal as a polyline, symmetric y range. */
function Wave({ signal, width, height, color, label }: { signal: readonly number[]; width: number; height: number; color: string; label: string }) {
  const n = signal.length;
  let peak = 0;
  for (const v of signal) peak = Math.max(peak, Math.abs(v));
  const ky = peak > 0 ? (height / 2 - 2) / peak : 0;
  const step = Math.max(1, Math.floor(n / (2 * width)));
  let d = '';
  for (let i = 0; i < n; i += step) d += `${i === 0 ? 'M' : 'L'}${((i / (n - 1)) * width).toFixed(1)},${(height / 2 - signal[i] * ky).toFixed(1)}`;
  return (
    <svg width={width} height={height} className="gl-ica-wave" role="img" aria-label={label} style={{ color }}>
      <line x1={0} x2={width} y1={height / 2} y2={height / 2} className="gl-ica-zero" />
      <path d={d} className="gl-ica-trace" />
    </svg>
  );
}

/** Props of {@link Waveforms}. */
export interface WaveformsProps {
  sep: Separation;
  /** Width of the panel, px. */
  width: number;
}

/**
 * The four rows of signals over time: the true sources s, the mixtures x = A s, PCA's
 * components y and FastICA's ŝ. An output takes the colour of the source it matches
 * (|corr| ≥ 0.95), else the neutral data colour: still mixed.
 */
export function Waveforms({ sep, width }: WaveformsProps) {
  const w = Math.max(60, Math.floor((width - 16) / 2));
  const h = 44;
  const rows: { name: string; sym: string; sig: readonly (readonly number[])[] | null; match?: { source: number; r: number }[] }[] = [
    { name: 'Sources', sym: 's', sig: sep.sources },
    { name: 'Mixtures (sensors)', sym: 'x', sig: sep.mixtures },
    { name: 'PCA components', sym: 'y', sig: sep.pca, match: sep.pcaCorr ? bestMatch(sep.pcaCorr) : undefined },
    { name: 'FastICA components', sym: 'ŝ', sig: sep.ica, match: sep.icaCorr ? bestMatch(sep.icaCorr) : undefined },
  ];
  return (
    <div className="gl-panel gl-ica-waves" data-gl-panel="waveforms" style={{ width }} data-testid="waveforms">
      {rows.map((row, r) => (
        <div key={row.name} className="gl-ica-waverow">
          <div className="gl-ica-title">{row.name}</div>
          <div className="gl-ica-pair">
            {[0, 1].map((j) => {
              const m = row.match?.[j];
              const color = r === 0 ? classColor(j) : m && m.r >= RECOVERED ? classColor(m.source) : conceptColor('data');
              const note = m ? ` ~ s${SUB[m.source]}, |corr| ${fmt(m.r)}` : '';
              return (
                <figure key={j} className="gl-ica-wavebox">
                  <figcaption className="gl-ica-wavelabel">
                    {row.sym}
                    {SUB[j]}
                    {note}
                  </figcaption>
                  {row.sig ? <Wave signal={row.sig[j]} width={w} height={h} color={color} label={`${row.name}: ${row.sym}${SUB[j]} over 20 s${note}`} /> : <div className="gl-ica-none" style={{ width: w, height: h }}>—</div>}
                </figure>
              );
            })}
          </div>
        </div>
      ))}
    </div>
  );
}

/** The table of |corr| between each output (rows) and each true source (columns). */
export function CorrTable({ sep }: { sep: Separation }) {
  const rows = [
    ...(sep.pcaCorr ?? []).map((r, i) => ({ name: `PCA y${SUB[i]}`, r })),
    ...(sep.icaCorr ?? []).map((r, i) => ({ name: `ICA ŝ${SUB[i]}`, r })),
  ];
  return (
    <table className="gl-ica-table" data-testid="corr-table" data-ica={sep.icaCorr?.flat().map((v) => v.toFixed(3)).join(',') ?? ''}>
      <caption>|corr| with the true sources</caption>
      <thead>
        <tr>
          <th scope="col">output</th>
          <th scope="col">s₁ (seismic)</th>
          <th scope="col">s₂</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={3}>—</td>
          </tr>
        ) : (
          rows.map((row) => (
            <tr key={row.name}>
              <th scope="row">{row.name}</th>
              {row.r.map((v, j) => (
                <td key={j} data-high={v >= RECOVERED ? '' : undefined}>
                  {fmt(v)}
                </td>
              ))}
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
