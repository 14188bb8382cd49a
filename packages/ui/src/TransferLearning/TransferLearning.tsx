import { useMemo } from 'react';
import { LineChart } from '../common/LineChart';
import { Tex } from '../common/Tex';
import { Button } from '../kit/buttons';
import { Explainer } from '../kit/Explainer';
import { Legend } from '../kit/Legend';
import { useExplainerFrame, type ExplainerCommonProps, type ExplainerStateProps } from '../kit/explainerProps';
import { Segmented } from '../kit/Segmented';
import { Slider } from '../kit/Slider';
import { FitProgress } from '../worker/FitProgress';
import { detectorModelUrls } from '../detectorAssets';
import type { DetectorSource } from '../EventDetector/task';
import { chartSeries, REGION_ROWS, STRATEGY_NAMES, strategyColor, type TransferLearningState } from './model';
import { STRATEGIES } from './strategies';
import { TlStyles } from './styles';
import { useTransferLearning, type TransferModel } from './useTransferLearning';

export type { TransferLearningState } from './model';
export type { TransferPayload, TransferResult, TransferSnapshot, Strategy } from './task';

/** Props of {@link TransferLearning}. Other attributes (`id`, `aria-*`, `data-*`) go to the root `<figure>`. */
export interface TransferLearningProps extends Omit<ExplainerCommonProps, 'showPerformance'>, ExplainerStateProps<TransferLearningState> {
  /** Width in px. Default 960 (shrinks to the container; one column below 640 px). */
  width?: number;
  /** Height hint in px (checked like `width`). Default 640. */
  height?: number;
  /** Epochs of each run (1 … 60). Default 12. */
  epochs?: number;
  /** Held-out windows of the new region (8 … 1000). Default 200. */
  nTest?: number;
  /** The pretrained detector's files. Default: the shipped model (`pnpm train:detector`). */
  model?: DetectorSource;
  /** Accessible name and title. Default "Transfer learning: the detector in a new region". */
  label?: string;
}

const clampInt = (v: number, lo: number, hi: number, d: number) => (Number.isFinite(v) ? Math.min(hi, Math.max(lo, Math.round(v))) : d);

function Controls({ m }: { m: TransferModel }) {
  return (
    <>
      <Slider label="Labelled windows in the new region" min={10} max={200} step={10} value={m.state.nLabelled} onChange={m.actions.setLabelled} format={(v) => v.toFixed(0)} disabled={m.running} testId="labelled-slider" />
      <Slider label="Frozen convolutions (of 8)" min={1} max={7} step={1} value={m.state.frozen} onChange={m.actions.setFrozen} format={(v) => v.toFixed(0)} disabled={m.running} testId="frozen-slider" />
      <Segmented label="Chart" options={[{ value: 'accuracy', label: 'accuracy' }, { value: 'loss', label: 'loss' }]} value={m.state.metric} onChange={m.actions.setMetric} />
      <Button onClick={m.running ? m.actions.cancel : m.actions.train} data-testid="train">{m.running ? 'Cancel' : 'Train'}</Button>
      <Button onClick={m.actions.newSeed} disabled={m.running} data-testid="new-seed">New labelled set</Button>
    </>
  );
}

/**
 * Transfer learning and fine-tuning (slides, section 7) with the ConvNetQuake-style detector:
 * trained in one region, it is taken to a new one (slower rocks, a 40 Hz station resampled to
 * 100 Hz, cultural noise near 2 Hz) where only a few labelled windows exist. Four learning
 * curves on one chart: the pretrained model as is, a model trained from scratch, fine-tuning
 * with the early layers frozen, and transfer of all layers f_θ* → f_α*; trained in a Web Worker.
 */
export function TransferLearning({ width = 960, height = 640, epochs = 12, nTest = 200, model, value, defaultValue, onValueChange, ...rest }: TransferLearningProps) {
  const source = useMemo(() => model ?? detectorModelUrls(), [model]);
  const m = useTransferLearning({ model: source, epochs: clampInt(epochs, 1, 60, 12), nTest: clampInt(nTest, 8, 1000, 200), value, defaultValue, onValueChange });
  const frame = useExplainerFrame(rest, { label: 'Transfer learning: the detector in a new region', width, height }, m);
  const last = m.history[m.history.length - 1];
  return (
    <Explainer
      {...frame}
      statusProps={{ 'data-testid': 'status', 'data-epoch': last?.epoch, 'data-done': m.result ? 'true' : 'false' }}
      controls={<Controls m={m} />}
      legend={<Legend items={STRATEGIES.map((s) => ({ label: STRATEGY_NAMES[s], color: strategyColor(s), shape: s === 'pretrained' ? ('dashed' as const) : ('line' as const) }))} />}
      caption="Few labels in the new region: a model trained from scratch on them overfits and stays poor; the pretrained detector as is suffers from the new S−P times and noise; re-training from the pretrained weights needs far fewer labels. Freezing the early layers (the slide's fine-tuning) keeps the filters learned on many windows and trains only the last layers, which helps most when labels are very few. Move the number of labelled windows and train again."
      maths={
        <>
          <Tex block>{String.raw`\text{transfer: } f_\alpha=f_{\theta^*}\ \longrightarrow\ f_{\alpha^*}=\arg\min_\alpha\ \mathcal{L}_{\text{new}}(\alpha)`}</Tex>
          <Tex block>{String.raw`\text{fine-tuning: } \mathbf{W}^{(\ell)}=\mathbf{W}^{(\ell)}_{\theta^*}\ \text{fixed for}\ \ell\le k`}</Tex>
          <Tex block>{String.raw`\mathcal{L}=-\sum_c q_c\log p_c+\lambda\lVert\mathbf{w}\rVert_2^2`}</Tex>
        </>
      }
    >
      {(layout) => {
        const w = layout.plotWidth(width);
        const chartW = layout.compact ? w : Math.max(320, w - 300);
        const yLabel = m.state.metric === 'accuracy' ? 'held-out accuracy (%)' : 'held-out cross-entropy';
        return (
          <>
            <TlStyles />
            <div className="gl-panel gl-tl-chart" data-gl-panel="curves">
              <LineChart width={chartW} height={Math.round(chartW * 0.55)} series={m.history.length ? chartSeries(m.history, m.state.metric) : []} xLabel="epoch" yLabel={yLabel} yDomain={m.state.metric === 'accuracy' ? [0, 100] : undefined} label={`Held-out ${m.state.metric} of the four models per epoch`} emptyText="press Train" testId="transfer-chart" />
              {m.running ? <FitProgress value={m.progress} running label="Training" /> : null}
            </div>
            <div className="gl-panel gl-tl-side" data-gl-panel="regions">
              <table className="gl-tl-regions">
                <caption>Training region → new region</caption>
                <tbody>
                  {REGION_ROWS.map((r) => (
                    <tr key={r.name}>
                      <th scope="row">{r.name}</th>
                      <td>{r.training}</td>
                      <td>{r.target}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {m.result ? (
                <p className="gl-tl-note" data-testid="trainable">
                  Trainable weights: from scratch and all layers {m.result.trainable.full.toLocaleString('en')}, frozen {m.result.trainable.frozen.toLocaleString('en')}.
                  {m.result.diverged.length ? ` Diverged: ${m.result.diverged.join(', ')}.` : ''}
                </p>
              ) : null}
            </div>
          </>
        );
      }}
    </Explainer>
  );
}
