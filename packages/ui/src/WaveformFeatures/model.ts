/**
 * The waveform-features model: its state and checks, the class colours, the number format,
 * the nearest class average and the status text, and the layout. Pure, no React.
 */
import { FEATURE_DOMAINS, VOLCANIC_CLASSES, type FeatureDomain, type VolcanicClass } from '@geolearn/algorithms/seismic';
import { classColor } from '../common/colors';
import { fieldCheck, type FieldChecks } from '../hooks/useControllableState';
import type { FeatureReference } from './reference';

/** The explainer's state: plain JSON, so it can live in a permalink. */
export interface WaveformFeaturesState {
  /** Class of the generated event. */
  eventClass: VolcanicClass;
  /** Seed of the generated event (a whole number ≥ 0). */
  eventSeed: number;
  /** The domain whose 34 features the table and chart show. */
  domain: FeatureDomain;
}

/** How a `defaultValue` is checked field by field (bad fields are reported once and dropped). */
export const STATE_CHECKS: FieldChecks<WaveformFeaturesState> = {
  eventClass: fieldCheck.oneOf(...VOLCANIC_CLASSES),
  eventSeed: fieldCheck.integer(0, 2 ** 31),
  domain: fieldCheck.oneOf(...FEATURE_DOMAINS),
};

/**
 * Colour of each class's marks: the library's six class colours, one per volcano-seismic class.
 */
export const VOLCANIC_CLASS_COLORS: Record<VolcanicClass, string> = Object.fromEntries(
  VOLCANIC_CLASSES.map((c, i) => [c, classColor(i)]),
) as Record<VolcanicClass, string>;

/** Display names of the domains. */
export const DOMAIN_LABELS: Record<FeatureDomain, string> = { temporal: 'Temporal', spectral: 'Spectral', cepstral: 'Cepstral' };

/** The chart's z range: ±3σ. */
export const Z_MAX = 3;

/** Features per domain. */
export const PER_DOMAIN = 34;

/** Whole numbers (length, counts) exactly; others with 4 significant digits (exponent form when tiny or huge); the minus sign U+2212. */
export function formatValue(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e6) return String(v).replace(/-/g, '−');
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e5 || a < 1e-3)) return v.toExponential(3).replace(/-/g, '−');
  return String(Number(v.toPrecision(4))).replace(/-/g, '−');
}

/** A signed z with the minus sign: "+1.23", "−0.40". */
export const formatZ = (z: number, digits = 2): string => `${z >= 0 ? '+' : '−'}${Math.abs(z).toFixed(digits)}`;

/** The class whose average is nearest to the event in one domain's z-space (ŷ = argmin_c ‖z − z̄_c‖). */
export function nearestClass(z: Float64Array, reference: FeatureReference, d0: number): VolcanicClass {
  const distances = VOLCANIC_CLASSES.map((c) => {
    const m = reference.classMeanZ[c];
    let s = 0;
    for (let j = d0; j < d0 + PER_DOMAIN; j++) s += (z[j] - m[j]) ** 2;
    return Math.sqrt(s);
  });
  return VOLCANIC_CLASSES[distances.indexOf(Math.min(...distances))];
}

/** The status: the nearest class average and the three largest deviations. */
export function statusText(state: WaveformFeaturesState, seed: number, nearest: VolcanicClass, rows: readonly { name: string; z: number }[]): string {
  const top = [...rows].sort((a, b) => Math.abs(b.z) - Math.abs(a.z)).slice(0, 3);
  return (
    `${state.eventClass} event, seed ${seed}: nearest class average (${state.domain} features) is ${nearest}` +
    `${nearest === state.eventClass ? ', the right class' : `, not ${state.eventClass}`}. ` +
    `Largest deviations: ${top.map((r) => `${r.name} ${formatZ(r.z, 1)}σ`).join(', ')}.`
  );
}

/** Sizes of the parts. */
export interface FeatureSizes {
  /** Width of the waveform and table, px. */
  width: number;
  /** Height of the waveform (with its time axis), px. */
  waveHeight: number;
  /** Most height of the table's scroll box, px. */
  tableHeight: number;
  /** Width of the chart column, px. */
  chartWidth: number;
  /** Compact table: no "#" and "Domain" columns. */
  compact: boolean;
}

/** The layout: the waveform takes about a quarter of the height; a narrow table drops two columns and narrows the chart. */
export function featureSizes(width: number, height: number, avail: number, compact: boolean): FeatureSizes {
  const w = Math.max(200, Math.min(width, avail));
  const narrow = compact || w < 560;
  const waveHeight = Math.round(Math.min(180, Math.max(90, height * 0.26)));
  return { width: w, waveHeight, tableHeight: Math.max(120, height - waveHeight - 8), chartWidth: narrow ? Math.max(90, Math.min(140, Math.round(w * 0.3))) : 220, compact: narrow };
}
