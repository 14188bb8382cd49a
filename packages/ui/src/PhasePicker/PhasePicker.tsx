import { conceptColor } from '../common/colors';
import { Tex } from '../common/Tex';
import { TraceDropZone } from '../common/traceInput';
import { Explainer, type ExplainerLayout } from '../kit/Explainer';
import { useExplainerFrame, type ExplainerCommonProps, type ExplainerStateProps } from '../kit/explainerProps';
import { Legend } from '../kit/Legend';
import { Controls, WholeRecord } from './Controls';
import type { PhasePickerState, PickerRecord } from './model';
import { PickTable, ResidualHistogram } from './Panels';
import { PpStyles } from './styles';
import type { PickerModelSource } from './task';
import { TracePanel } from './TracePanel';
import { usePhasePicker, type PhasePickerModel } from './usePhasePicker';

export type { PhasePickerState, PickerRecord, Phase } from './model';
export { checkRecord, histogram, pickRows } from './model';
export type { PhasePickerPayload, PhasePickerResult, BatchResult, WindowResult, RecordResult, PickerModelSource } from './task';

/** Props of {@link PhasePicker}. Other attributes (`id`, `aria-*`, `data-*`) go to the root `<figure>`. */
export interface PhasePickerProps extends Omit<ExplainerCommonProps, 'showPerformance'>, ExplainerStateProps<PhasePickerState> {
  /** Width of the explainer in px. Default 960 (shrinks to the container; one column below 640 px). */
  width?: number;
  /** Height hint in px (checked like `width`). Default 760. */
  height?: number;
  /**
   * A record to pick instead of synthetic events: one to three components (Z[, N, E]) at
   * 100 Hz, at least 30 s. NaN samples and shorter records are refused with a message; one
   * component is copied into the missing ones. The student can also drop a miniSEED or SAC file.
   */
  record?: PickerRecord;
  /** Held-out windows in the residual histogram (8 … 200). Default 48. */
  batchSize?: number;
  /** Where the picker's model.json and weights.bin are served. Default: the files shipped with the package. */
  modelUrls?: PickerModelSource;
  /** Offer the file drop zone (miniSEED / SAC). Default true. */
  allowFiles?: boolean;
  /** Accessible name and title. Default "Phase picking with a PhaseNet-style network". */
  label?: string;
}

const LEGEND = [
  { label: 'Z, N, E traces', color: conceptColor('data') },
  { label: 'q_P and model P pick', color: conceptColor('pWave') },
  { label: 'q_S and model S pick', color: conceptColor('sWave') },
  { label: 'q_noise', color: 'var(--gl-muted)', shape: 'dashed' as const },
  { label: 'STA/LTA P pick', color: 'var(--gl-muted)', shape: 'dashed' as const },
  { label: 'your picks (dotted)', color: 'var(--gl-accent)', shape: 'dot' as const },
  { label: 'true arrivals', color: conceptColor('optimum') },
];

/** Options of the drop zone: resampled to the model's 100 Hz, one component replicated, ≥ 30 s. */
const DROP_OPTIONS = { targetRate: 100, components: 'replicate' as const, window: 3000, short: 'refuse' as const, gaps: 'pad' as const };

/**
 * A PhaseNet-style picker (Zhu & Beroza 2019), running in the browser: the three components of
 * a 30 s window with, under them, the network's probabilities of P, S and noise at every
 * sample, as in the slides' figures; the picks are the peaks above a threshold. The student
 * moves the event (SNR, distance, so S − P), places their own P and S picks, compares them
 * with the model's and STA/LTA's, shows the true arrivals, and runs the model on a batch of
 * held-out windows for the residual histogram. A miniSEED or SAC file can be dropped on it.
 */
export function PhasePicker({ width = 960, height = 760, record, batchSize = 48, allowFiles = true, modelUrls, value, defaultValue, onValueChange, ...rest }: PhasePickerProps) {
  const n = Number.isFinite(batchSize) ? Math.min(200, Math.max(8, Math.round(batchSize))) : 48;
  const model = usePhasePicker({ value, defaultValue, onValueChange, record, batchSize: n, modelUrls });
  const frame = useExplainerFrame(rest, { label: 'Phase picking with a PhaseNet-style network', width, height }, model);
  return (
    <Explainer
      {...frame}
      statusProps={{ 'data-testid': 'status', 'data-p-picks': model.picks.P.length, 'data-s-picks': model.picks.S.length, 'data-sta': model.sta ?? undefined }}
      controls={<Controls model={model} />}
      legend={<Legend items={LEGEND} />}
      caption="The network sees 30 s of three components (high-passed above 1 Hz, which takes out the ocean microseism, and scaled to unit variance: the traces drawn here) and answers, at every sample, how likely it is that P arrives there, that S does, or neither. Lower the SNR until STA/LTA loses the P wave while the network still finds it; move the event away and watch S − P grow. Place your own picks on the traces (click, or the arrow keys), then show the true arrivals and compare."
      maths={
        // Short lines that wrap side by side: each fits a 390 px phone without scrolling.
        <div className="gl-maths-flow">
          <Tex block>{String.raw`\mathbf{x}\in\mathbb{R}^{3000\times 3}`}</Tex>
          <Tex block>{String.raw`p_P(t)=e^{-(t-t_P)^2/2\sigma^2},\ \ p_S(t)=e^{-(t-t_S)^2/2\sigma^2}`}</Tex>
          <Tex block>{String.raw`p_N=1-p_P-p_S,\ \ \sigma=0.1\,\mathrm{s}`}</Tex>
          <Tex block>{String.raw`\mathcal{L}=-\sum_i\sum_x p_i(x)\log q_i(x)`}</Tex>
          <Tex block>{String.raw`\hat t_P=\text{peaks of } q_P \text{ above the threshold}`}</Tex>
        </div>
      }
    >
      {(layout: ExplainerLayout) => <Body model={model} layout={layout} width={width} allowFiles={allowFiles} />}
    </Explainer>
  );
}

function Body({ model, layout, width, allowFiles }: { model: PhasePickerModel; layout: ExplainerLayout; width: number; allowFiles: boolean }) {
  const w = layout.plotWidth(width);
  const plot = <TracePanel model={model} width={w} compact={layout.compact} />;
  const notes = model.checked?.ok ? model.checked.notes : [];
  return (
    <>
      <PpStyles />
      <div className="gl-panel gl-pp-main" data-gl-panel="traces">
        {allowFiles ? (
          <TraceDropZone onLoad={model.actions.loadTraces} options={DROP_OPTIONS} testId="trace-drop">
            {plot}
          </TraceDropZone>
        ) : (
          plot
        )}
        {notes.map((t) => (
          <p key={t} className="gl-pp-note">
            {t}
          </p>
        ))}
        <WholeRecord model={model} />
      </div>
      <div className="gl-panel gl-pp-side" data-gl-panel="comparison">
        <PickTable model={model} />
        <ResidualHistogram model={model} width={layout.compact ? w : Math.min(440, Math.floor(w / 2) - 8)} />
      </div>
    </>
  );
}
