import { FEATURE_DOMAINS, VOLCANIC_CLASSES, VOLCANIC_CLASS_NAMES, volcanicEvent, waveformFeatures, type FeatureDomain, type VolcanicClass } from '@geolearn/algorithms/seismic';
import { useId, useMemo } from 'react';
import { Tex } from '../common/Tex';
import { sanitizeDefaultValue, useControllableState } from '../hooks/useControllableState';
import { Button } from '../kit/buttons';
import { Explainer, type ExplainerLayout } from '../kit/Explainer';
import { explainerFrameProps, type ExplainerCommonProps, type ExplainerStateProps } from '../kit/explainerProps';
import { Legend } from '../kit/Legend';
import { Segmented } from '../kit/Segmented';
import { EventWaveform } from './EventWaveform';
import { FeatureTable } from './FeatureTable';
import { DOMAIN_LABELS, featureSizes, nearestClass, PER_DOMAIN, STATE_CHECKS, statusText, VOLCANIC_CLASS_COLORS, type WaveformFeaturesState } from './model';
import { featureReference, zScores } from './reference';
import { WaveformFeaturesStyles } from './styles';

export { VOLCANIC_CLASS_COLORS, type WaveformFeaturesState } from './model';

/** Props of {@link WaveformFeatures}. Other attributes (`id`, `aria-*`, `data-*`) go to the root `<figure>`. */
export interface WaveformFeaturesProps extends Omit<ExplainerCommonProps, 'showPerformance'>, ExplainerStateProps<WaveformFeaturesState> {
  /** Width in px. Default 760 (shrinks to the container; a narrow table drops two columns). */
  width?: number;
  /** Height in px of the waveform and the feature table together (the controls come below). Default 560. */
  height?: number;
  /** Seed of the reference set (the class averages) and the first event's seed. Default 0. */
  seed?: number;
  /** Events per class in the reference set behind the z-scores and class averages. Default 5. */
  referencePerClass?: number;
  /** Called with every new state (class, seed, domain). */
  onValueChange?: (state: WaveformFeaturesState) => void;
  /** Accessible name and title. Default "Hand-made waveform features". */
  label?: string;
}

const CLASS_OPTIONS = VOLCANIC_CLASSES.map((c) => ({
  value: c,
  label: (
    <>
      {c} <span className="gl-wf-name">{VOLCANIC_CLASS_NAMES[c]}</span>
    </>
  ),
}));
const DOMAIN_OPTIONS = FEATURE_DOMAINS.map((d) => ({ value: d, label: DOMAIN_LABELS[d] }));

/** The event, its features and z-scores against the reference set, and the nearest class average. */
function useWaveformFeatures(state: WaveformFeaturesState, seed: number, referencePerClass: number) {
  const { eventClass, domain } = state;
  const eventSeed = Math.max(0, Math.floor(Number.isFinite(state.eventSeed) ? state.eventSeed : 0));
  const perClass = Math.max(2, Math.round(Number.isFinite(referencePerClass) ? referencePerClass : 5));
  const reference = useMemo(() => featureReference(seed, perClass), [seed, perClass]);
  const event = useMemo(() => volcanicEvent(eventClass, { snr: 10, randomState: eventSeed }), [eventClass, eventSeed]);
  const features = useMemo(() => waveformFeatures(event.signal, { sampleRate: event.sampleRate }), [event]);
  const z = useMemo(() => zScores(features.map((f) => f.value), reference), [features, reference]);
  const d0 = FEATURE_DOMAINS.indexOf(domain) * PER_DOMAIN;
  const rows = features.slice(d0, d0 + PER_DOMAIN).map((f, j) => ({ ...f, z: z[d0 + j], index: d0 + j }));
  const nearest = nearestClass(z, reference, d0);
  return { eventSeed, perClass, reference, event, rows, nearest, status: statusText(state, eventSeed, nearest, rows) };
}

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
  ...rest
}: WaveformFeaturesProps) {
  const id = useId();
  const clean = useMemo(() => sanitizeDefaultValue<WaveformFeaturesState>('WaveformFeatures', defaultValue, STATE_CHECKS), [defaultValue]);
  const [state, setState] = useControllableState<WaveformFeaturesState>({
    value,
    defaultValue: { eventClass: 'LP', eventSeed: Math.max(0, Math.floor(seed)) || 0, domain: 'temporal', ...clean },
    onChange: onValueChange,
  });
  const m = useWaveformFeatures(state, seed, referencePerClass);
  const setSeed = (s: number) => setState((st) => ({ ...st, eventSeed: Math.max(0, Math.floor(Number.isFinite(s) ? s : 0)) }));
  return (
    <Explainer
      data-testid="waveform-features"
      {...explainerFrameProps(rest, { label: 'Hand-made waveform features', width, height })}
      state="idle"
      status={m.status}
      statusProps={{ 'data-testid': 'status', 'data-nearest': m.nearest }}
      controls={
        <>
          <Segmented label="Event class" options={CLASS_OPTIONS} value={state.eventClass} onChange={(c: VolcanicClass) => setState((st) => ({ ...st, eventClass: c }))} />
          {/* A native number input (role spinbutton), styled as the kit's number field. */}
          <span className="gl-field gl-number gl-wf-seed">
            <label htmlFor={`${id}-seed`}>Event seed</label>
            <input id={`${id}-seed`} className="gl-number-input" type="number" min={0} step={1} value={m.eventSeed} onChange={(e) => setSeed(Number(e.target.value))} />
          </span>
          <Button onClick={() => setSeed(m.eventSeed + 1)}>New event</Button>
          <Segmented label="Domain" options={DOMAIN_OPTIONS} value={state.domain} onChange={(d: FeatureDomain) => setState((st) => ({ ...st, domain: d }))} />
        </>
      }
      legend={
        <Legend
          label="Key to the chart column: bar = this event's z-score, ticks = class averages (its own class circled)"
          items={[{ label: 'this event (bar)', color: 'var(--gl-muted)' }, ...VOLCANIC_CLASSES.map((c) => ({ label: `${c} average`, color: VOLCANIC_CLASS_COLORS[c], shape: 'dot' as const }))]}
        />
      }
      caption="Each feature is computed on the samples s[i] (temporal), the magnitude spectrum |S(f)| (spectral) and the cepstrum (cepstral), then standardised against the reference set; ŷ is the class whose average z̄_c is nearest, and c(q) the cepstrum:"
      maths={
        <>
          <Tex block>{String.raw`z_j=\frac{x_j-\mu_j}{\sigma_j},\qquad \bar{i}=\frac{1}{E}\sum_i i\,E_i`}</Tex>
          <Tex block>{String.raw`B_i=\sqrt{\frac{1}{E}\sum_i i^2E_i-\bar{i}^2},\quad E_i=s[i]^2,\ E=\sum_i E_i`}</Tex>
          <Tex block>{String.raw`\hat{y}=\arg\min_{c}\ \lVert \mathbf{z}-\bar{\mathbf{z}}_c\rVert_2`}</Tex>
          <Tex block>{String.raw`c(q)=\mathcal{F}^{-1}\log\lvert S(f)\rvert`}</Tex>
        </>
      }
    >
      {(layout: ExplainerLayout) => {
        const sizes = featureSizes(width, height, layout.plotWidth(width), layout.compact);
        return (
          <div className="gl-panel" data-gl-panel="" style={{ width: sizes.width }}>
            <WaveformFeaturesStyles />
            <EventWaveform event={m.event} eventClass={state.eventClass} seed={m.eventSeed} width={sizes.width} height={sizes.waveHeight} />
            <FeatureTable rows={m.rows} domain={state.domain} eventClass={state.eventClass} reference={m.reference} perClass={m.perClass} maxHeight={sizes.tableHeight} chartWidth={sizes.chartWidth} compact={sizes.compact} />
          </div>
        );
      }}
    </Explainer>
  );
}
