import {
  FEATURE_DOMAINS,
  VOLCANIC_CLASSES,
  VOLCANIC_CLASS_NAMES,
  volcanicEvent,
  waveformFeatures,
  type FeatureDomain,
  type VolcanicClass,
} from '@geolearn/algorithms/seismic';
import { scaleLinear } from 'd3-scale';
import { useId, useMemo, type CSSProperties } from 'react';
import { SERIES_COLORS } from '../common/LineChart';
import { Tex } from '../common/Tex';
import { buttonStyle, cssVar, rootStyle } from '../common/theme';
import { tracePathD } from '../common/waveform';
import { useControllableState } from '../hooks/useControllableState';
import { featureReference, zScores } from './reference';

/** The explainer's state: plain JSON, so it can live in a permalink. */
export interface WaveformFeaturesState {
  /** Class of the generated event. */
  eventClass: VolcanicClass;
  /** Seed of the generated event (a whole number ≥ 0). */
  eventSeed: number;
  /** The domain whose 34 features the table and chart show. */
  domain: FeatureDomain;
}

/** Props of {@link WaveformFeatures}. */
export interface WaveformFeaturesProps {
  /** Width in px. Default 760. */
  width?: number;
  /** Height in px of the waveform and the feature table together (the controls come above). Default 560. */
  height?: number;
  /** Seed of the reference set (the class averages) and the first event's seed. Default 0. */
  seed?: number;
  /** Events per class in the reference set behind the z-scores and class averages. Default 5. */
  referencePerClass?: number;
  /** Controlled state. */
  value?: WaveformFeaturesState;
  /** Initial state when uncontrolled. */
  defaultValue?: Partial<WaveformFeaturesState>;
  /** Called with every new state (class, seed, domain). */
  onValueChange?: (state: WaveformFeaturesState) => void;
  /** Accessible name and title. Default "Hand-made waveform features". */
  label?: string;
  /** Class of the root element. */
  className?: string;
  /** Style of the root element (set `--gl-*` variables here to theme it). */
  style?: CSSProperties;
}

/** Colour of each class's marks (≥ 3:1 against white). */
export const VOLCANIC_CLASS_COLORS: Record<VolcanicClass, string> = Object.fromEntries(VOLCANIC_CLASSES.map((c, i) => [c, SERIES_COLORS[i]])) as Record<VolcanicClass, string>;

const DOMAIN_LABELS: Record<FeatureDomain, string> = { temporal: 'Temporal', spectral: 'Spectral', cepstral: 'Cepstral' };
const Z_MAX = 3;

/** Whole numbers (length, counts) exactly; others with 4 significant digits (exponent form when tiny or huge). */
function formatValue(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e6) return String(v);
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e5 || a < 1e-3)) return v.toExponential(3).replace(/-/g, '−');
  return String(Number(v.toPrecision(4))).replace(/-/g, '−');
}
const CHART_W = 220;

/**
 * The slides' hand-made features (Table 1) of one synthetic volcano-seismic event: choose a
 * class (LP, TR, VT, EXP, HYB, TOR) and a seed, see the waveform, and read its 34 features
 * per domain (temporal, spectral, cepstral) in a table whose last column charts each feature
 * as a z-score against the pooled reference set, with the six class averages marked. The
 * class whose average is nearest (in z-space) is announced: a nearest-centroid classifier
 * on hand-made features, the representation behind the slides' Table 3.
 */
export function WaveformFeatures({
  width = 760,
  height = 560,
  seed = 0,
  referencePerClass = 5,
  value,
  defaultValue,
  onValueChange,
  label = 'Hand-made waveform features',
  className,
  style,
}: WaveformFeaturesProps) {
  const id = useId();
  const [state, setState] = useControllableState<WaveformFeaturesState>({
    value,
    defaultValue: { eventClass: 'LP', eventSeed: seed, domain: 'temporal', ...defaultValue },
    onChange: onValueChange,
  });
  const { eventClass, domain } = state;
  const eventSeed = Math.max(0, Math.floor(Number.isFinite(state.eventSeed) ? state.eventSeed : 0));
  const perClass = Math.max(2, Math.round(referencePerClass));
  const reference = useMemo(() => featureReference(seed, perClass), [seed, perClass]);
  const event = useMemo(() => volcanicEvent(eventClass, { snr: 10, randomState: eventSeed }), [eventClass, eventSeed]);
  const features = useMemo(() => waveformFeatures(event.signal, { sampleRate: event.sampleRate }), [event]);
  const z = useMemo(() => zScores(features.map((f) => f.value), reference), [features, reference]);
  const d0 = FEATURE_DOMAINS.indexOf(domain) * 34;
  const rows = features.slice(d0, d0 + 34).map((f, j) => ({ ...f, z: z[d0 + j], index: d0 + j }));

  // Nearest class average in this domain's z-space.
  const distances = VOLCANIC_CLASSES.map((c) => {
    const m = reference.classMeanZ[c];
    let s = 0;
    for (let j = d0; j < d0 + 34; j++) s += (z[j] - m[j]) ** 2;
    return Math.sqrt(s);
  });
  const nearest = VOLCANIC_CLASSES[distances.indexOf(Math.min(...distances))];
  const top = [...rows].sort((a, b) => Math.abs(b.z) - Math.abs(a.z)).slice(0, 3);
  const status =
    `${eventClass} event, seed ${eventSeed}: nearest class average (${domain} features) is ${nearest}` +
    `${nearest === eventClass ? ', the right class' : `, not ${eventClass}`}. ` +
    `Largest deviations: ${top.map((r) => `${r.name} ${r.z >= 0 ? '+' : '−'}${Math.abs(r.z).toFixed(1)}σ`).join(', ')}.`;

  const waveH = Math.round(Math.min(180, Math.max(90, height * 0.26)));
  const tableH = Math.max(120, height - waveH - 8);
  const innerW = width;
  const n = event.signal.length;
  const wave = tracePathD(event.signal, innerW, waveH - 18);
  const onsetX = (event.onset * event.sampleRate * innerW) / Math.max(1, n - 1);
  const cx = scaleLinear().domain([-Z_MAX, Z_MAX]).range([6, CHART_W - 6]).clamp(true);

  const setSeed = (s: number) => setState((st) => ({ ...st, eventSeed: Math.max(0, Math.floor(Number.isFinite(s) ? s : 0)) }));
  const pill: CSSProperties = { display: 'inline-flex', alignItems: 'center', gap: 6, minHeight: 44, padding: '0 10px 0 6px', border: `1px solid ${cssVar('--gl-border')}`, borderRadius: 6, cursor: 'pointer' };
  const cell: CSSProperties = { padding: '2px 8px', borderBottom: `1px solid ${cssVar('--gl-border')}`, textAlign: 'left', whiteSpace: 'nowrap' };

  return (
    <figure
      className={className}
      aria-labelledby={`${id}-title`}
      style={rootStyle({ margin: 0, display: 'inline-flex', flexDirection: 'column', gap: 8, width, maxWidth: '100%', ...style })}
      data-testid="waveform-features"
    >
      <div id={`${id}-title`} style={{ fontWeight: 600 }}>{label}</div>
      <fieldset style={{ border: 0, margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: 6, alignItems: 'center' }}>
        <legend style={{ padding: 0, marginBottom: 4 }}>Event class</legend>
        {VOLCANIC_CLASSES.map((c) => (
          <label key={c} style={{ ...pill, borderColor: c === eventClass ? VOLCANIC_CLASS_COLORS[c] : undefined, fontWeight: c === eventClass ? 600 : 400 }}>
            <input type="radio" name={`${id}-class`} checked={c === eventClass} onChange={() => setState((st) => ({ ...st, eventClass: c }))} style={{ width: 18, height: 18, margin: 0, accentColor: VOLCANIC_CLASS_COLORS[c] }} />
            {c} <span style={{ color: cssVar('--gl-muted') }}>{VOLCANIC_CLASS_NAMES[c]}</span>
          </label>
        ))}
      </fieldset>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
        <label style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
          Event seed
          <input
            type="number"
            min={0}
            step={1}
            value={eventSeed}
            onChange={(e) => setSeed(Number(e.target.value))}
            style={{ ...buttonStyle, width: 90, padding: '0 8px', cursor: 'text' }}
          />
        </label>
        <button type="button" style={buttonStyle} onClick={() => setSeed(eventSeed + 1)}>New event</button>
        <fieldset style={{ border: 0, margin: 0, padding: 0, display: 'inline-flex', flexWrap: 'wrap', gap: 6, alignItems: 'center' }}>
          <legend style={{ float: 'left', marginRight: 6, padding: 0 }}>Domain</legend>
          {FEATURE_DOMAINS.map((d) => (
            <label key={d} style={{ ...pill, fontWeight: d === domain ? 600 : 400 }}>
              <input type="radio" name={`${id}-domain`} checked={d === domain} onChange={() => setState((st) => ({ ...st, domain: d }))} style={{ width: 18, height: 18, margin: 0 }} />
              {DOMAIN_LABELS[d]}
            </label>
          ))}
        </fieldset>
      </div>
      <svg
        width={innerW}
        height={waveH}
        role="img"
        aria-label={`${eventClass} (${VOLCANIC_CLASS_NAMES[eventClass]}) event, seed ${eventSeed}: ${(n / event.sampleRate).toFixed(0)} s at ${event.sampleRate} Hz, onset at ${event.onset.toFixed(1)} s.`}
        data-testid="event-waveform"
        data-class={eventClass}
        data-seed={eventSeed}
        style={{ display: 'block' }}
      >
        <rect y={0} width={innerW} height={waveH - 18} fill={cssVar('--gl-surface')} />
        <path d={wave} fill="none" stroke={VOLCANIC_CLASS_COLORS[eventClass]} strokeWidth={1} />
        <line x1={onsetX} x2={onsetX} y1={0} y2={waveH - 18} stroke={cssVar('--gl-fg')} strokeDasharray="4 3" />
        <text x={onsetX + 4} y={12} fontSize={11} fill={cssVar('--gl-fg')}>onset</text>
        {Array.from({ length: Math.floor(n / event.sampleRate / 5) + 1 }, (_, k) => k * 5).map((t) => (
          <text
            key={t}
            x={Math.min(innerW, (t * event.sampleRate * innerW) / Math.max(1, n - 1))}
            y={waveH - 4}
            fontSize={10}
            textAnchor={t === 0 ? 'start' : (t * event.sampleRate) / Math.max(1, n - 1) > 0.97 ? 'end' : 'middle'}
            fill={cssVar('--gl-fg')}
          >
            {t} s
          </text>
        ))}
      </svg>
      <div aria-hidden="true" style={{ display: 'flex', flexWrap: 'wrap', gap: 10, fontSize: 12, alignItems: 'center' }}>
        <span>Chart: bar = this event&apos;s z-score; ticks = class averages</span>
        {VOLCANIC_CLASSES.map((c) => (
          <span key={c} style={{ display: 'inline-flex', alignItems: 'center', gap: 3 }}>
            <span style={{ width: 3, height: 12, background: VOLCANIC_CLASS_COLORS[c], display: 'inline-block' }} />
            {c}
          </span>
        ))}
      </div>
      <div
        role="region"
        aria-label={`${DOMAIN_LABELS[domain]} features of the event`}
        tabIndex={0}
        style={{ maxHeight: tableH, overflow: 'auto', border: `1px solid ${cssVar('--gl-border')}`, borderRadius: 6 }}
      >
        <table style={{ borderCollapse: 'collapse', width: '100%', fontSize: 13, fontVariantNumeric: 'tabular-nums' }} data-testid="feature-table">
          <caption style={{ textAlign: 'left', padding: '4px 8px', fontWeight: 600 }}>
            Table 1 features, {domain} domain (z against {perClass} reference events per class)
          </caption>
          <thead style={{ position: 'sticky', top: 0, background: cssVar('--gl-bg') }}>
            <tr>
              <th scope="col" style={cell}>#</th>
              <th scope="col" style={cell}>Feature</th>
              <th scope="col" style={cell}>Domain</th>
              <th scope="col" style={{ ...cell, textAlign: 'right' }}>Value</th>
              <th scope="col" style={{ ...cell, textAlign: 'right' }}>z</th>
              <th scope="col" style={{ ...cell, width: CHART_W }}>
                <span style={{ display: 'flex', justifyContent: 'space-between', width: CHART_W - 8 }}>
                  <span>−3σ</span>
                  <span>0</span>
                  <span>+3σ</span>
                </span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const zc = Math.max(-Z_MAX, Math.min(Z_MAX, r.z));
              return (
                <tr key={r.index} data-key={r.key} data-z={r.z}>
                  <td style={cell}>{r.ref}</td>
                  <th scope="row" style={{ ...cell, fontWeight: 400 }}>{r.name}</th>
                  <td style={cell}>{r.domain}</td>
                  <td style={{ ...cell, textAlign: 'right' }}>
                    {formatValue(r.value)}
                    {r.unit ? ` ${r.unit}` : ''}
                  </td>
                  <td style={{ ...cell, textAlign: 'right' }}>{r.z >= 0 ? '+' : '−'}{Math.abs(r.z).toFixed(2)}</td>
                  <td style={{ ...cell, padding: '0 4px' }}>
                    <svg width={CHART_W} height={20} aria-hidden="true" style={{ display: 'block' }}>
                      <line x1={cx(0)} x2={cx(0)} y1={0} y2={20} stroke={cssVar('--gl-muted')} />
                      <rect x={Math.min(cx(0), cx(zc))} y={6} width={Math.abs(cx(zc) - cx(0))} height={8} fill={cssVar('--gl-fg')} opacity={0.75} />
                      {Math.abs(r.z) > Z_MAX && <path d={r.z > 0 ? `M${CHART_W - 6},4L${CHART_W},10L${CHART_W - 6},16Z` : 'M6,4L0,10L6,16Z'} fill={cssVar('--gl-fg')} />}
                      {VOLCANIC_CLASSES.map((c) => {
                        const m = reference.classMeanZ[c][r.index];
                        const x = cx(Math.max(-Z_MAX, Math.min(Z_MAX, m)));
                        return c === eventClass ? (
                          <circle key={c} cx={x} cy={10} r={4.5} fill="none" stroke={VOLCANIC_CLASS_COLORS[c]} strokeWidth={2.5} />
                        ) : (
                          <rect key={c} x={x - 1} y={3} width={2} height={14} fill={VOLCANIC_CLASS_COLORS[c]} />
                        );
                      })}
                    </svg>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <output aria-live="polite" data-testid="status" data-nearest={nearest} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {status}
      </output>
      <figcaption style={{ display: 'grid', gap: 4 }}>
        <span style={{ color: cssVar('--gl-muted') }}>
          Each feature is computed on the samples s[i] (temporal), the magnitude spectrum |S(f)| (spectral) and the cepstrum (cepstral), then standardised against the reference set:
        </span>
        <Tex block>{String.raw`z_j=\frac{x_j-\mu_j}{\sigma_j},\qquad \bar{i}=\frac{1}{E}\sum_i i\,E_i,\quad B_i=\sqrt{\frac{1}{E}\sum_i i^2E_i-\bar{i}^2},\quad E_i=s[i]^2,\ E=\sum_i E_i`}</Tex>
        <Tex block>{String.raw`\hat{y}=\arg\min_{c}\ \lVert \mathbf{z}-\bar{\mathbf{z}}_c\rVert_2\quad\text{(nearest class average)},\qquad c(q)=\mathcal{F}^{-1}\log\lvert S(f)\rvert`}</Tex>
      </figcaption>
    </figure>
  );
}
