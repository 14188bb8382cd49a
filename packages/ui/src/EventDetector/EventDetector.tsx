import { useMemo } from 'react';
import { conceptColor } from '../common/colors';
import { Tex } from '../common/Tex';
import { TraceDropZone, type LoadedTraces } from '../common/traceInput';
import { ColorLegend } from '../kit/ColorLegend';
import { Explainer } from '../kit/Explainer';
import { useExplainerFrame, type ExplainerCommonProps, type ExplainerStateProps } from '../kit/explainerProps';
import { Legend } from '../kit/Legend';
import { FitProgress } from '../worker/FitProgress';
import { detectorModelUrls } from '../detectorAssets';
import { CellMap } from './CellMap';
import { Controls } from './Controls';
import { LambdaPanel } from './LambdaPanel';
import { eventInWindow, probsAt, recordToSource, windowAt, type EventDetectorState } from './model';
import { Scoreboard } from './Scoreboard';
import { StreamPlot } from './StreamPlot';
import { EdStyles } from './styles';
import type { DetectorSource } from './task';
import { useEventDetector } from './useEventDetector';

export type { EventDetectorState } from './model';
export type { DetectorSource, ScanPayload, ScanResult, LambdaPayload, LambdaSnapshot, LambdaResult } from './task';

/** Props of {@link EventDetector}. Other attributes (`id`, `aria-*`, `data-*`) go to the root `<figure>`. */
export interface EventDetectorProps extends Omit<ExplainerCommonProps, 'showPerformance'>, ExplainerStateProps<EventDetectorState> {
  /** Width in px. Default 960 (shrinks to the container; one column below 640 px). */
  width?: number;
  /** Height hint in px (checked like `width`). Default 900. */
  height?: number;
  /** Length of the generated stream in s (60 … 600). Default 180. */
  duration?: number;
  /** The detector's files. Default: the shipped model (`pnpm train:detector`). */
  model?: DetectorSource;
  /** Size of the λ retrain: training and held-out windows and epochs. Default { nTrain: 160, nTest: 120, epochs: 8 }. */
  lambdaRun?: { nTrain: number; nTest: number; epochs: number };
  /** Offer "drop a miniSEED/SAC file" (a real 3-component record, resampled to 100 Hz). Default true. */
  allowFiles?: boolean;
  /** Accessible name and title. Default "Detecting and locating earthquakes with a ConvNetQuake-style network". */
  label?: string;
}

const DEFAULT_LAMBDA_RUN = { nTrain: 160, nTest: 120, epochs: 8 };
const FILE_OPTIONS = { targetRate: 100, components: 'refuse', window: 1000, short: 'refuse' } as const;

/**
 * ConvNetQuake (slides, section 7) on a continuous record: a small 1-D CNN slides along a
 * 3-component stream, 10 s at a time, and gives p_c for "no event" and for six cells around
 * the station (two distance rings × three back-azimuth sectors). The event probability is drawn
 * over time beside STA/LTA's characteristic function, both with their triggers matched to the
 * true events (hits, misses, false alarms), and the map lights the cells by p_c for the chosen
 * window. λ of the loss can be tried in a retrain on a small set, in a Web Worker.
 */
export function EventDetector({ width = 960, height = 900, duration = 180, model: modelSource, lambdaRun = DEFAULT_LAMBDA_RUN, allowFiles = true, value, defaultValue, onValueChange, ...rest }: EventDetectorProps) {
  const source = useMemo(() => modelSource ?? detectorModelUrls(), [modelSource]);
  const dur = Number.isFinite(duration) ? Math.min(600, Math.max(60, duration)) : 180;
  const m = useEventDetector({ model: source, duration: dur, lambdaRun, value, defaultValue, onValueChange });
  const frame = useExplainerFrame(rest, { label: 'Detecting and locating earthquakes with a ConvNetQuake-style network', width, height }, m);
  const i = windowAt(m.det.scan, m.cursor);
  const probs = probsAt(m.det.scan, i);
  const event = eventInWindow(m.source?.events ?? null, m.cursor);
  const onLoad = (l: LoadedTraces) => m.actions.loadRecord(recordToSource(l));
  return (
    <Explainer
      {...frame}
      statusProps={{ 'data-testid': 'status', 'data-hits': m.detMatch?.hits, 'data-stalta-hits': m.staMatch?.hits, 'data-scanned': m.det.scan ? 'true' : 'false' }}
      controls={<Controls model={m} />}
      legend={
        <>
          <Legend
            items={[
              { label: 'trace', color: conceptColor('data') },
              { label: 'true P', color: conceptColor('pWave') },
              { label: 'true S', color: conceptColor('sWave'), shape: 'dashed' },
              { label: 'p_event (detector)', color: conceptColor('test') },
              { label: 'STA/LTA', color: conceptColor('residual') },
              { label: 'detection on an event', color: conceptColor('optimum') },
              { label: 'false alarm', color: conceptColor('diverged') },
            ]}
          />
          <ColorLegend kind="sequential" domain={[0, 1]} title="p_c on the map" width={180} />
        </>
      }
      caption="Slide the current window over the record: the network's p_event rises when a window holds an event, and the map shows where it thinks the epicentre is — the S−P time and the pulse width give the ring, the polarisation of P across N and E the sector. Lower the SNR: below about 5 dB both methods miss events, but at the same cost in false alarms the network, which learned what an event looks like on three components, finds more of them than STA/LTA (74 % against 56 % on held-out windows). Then try λ: a tiny λ lets the network overfit its 160 windows (the held-out loss turns up), a large one crushes the weights."
      maths={
        <>
          <Tex block>{String.raw`\mathbf{x}\in\mathbb{R}^{N\times 3}\ \mapsto\ p_c(\mathbf{x}),\ \ c\in\{0,1,\dots,6\}`}</Tex>
          <Tex block>{String.raw`\mathcal{L}=-\sum_c q_c\log p_c+\lambda\lVert\mathbf{w}\rVert_2^2`}</Tex>
          <Tex block>{String.raw`p_{\text{event}}=1-p_0\ \ge\ \text{threshold}`}</Tex>
          <Tex block>{String.raw`\text{STA/LTA}(t)=\frac{\overline{x^2}_{[t-0.5\,\mathrm{s},\,t]}}{\overline{x^2}_{[t-10\,\mathrm{s},\,t]}}`}</Tex>
        </>
      }
    >
      {(layout) => {
        const w = layout.plotWidth(width);
        const mapSize = Math.min(240, Math.max(160, layout.compact ? w - 20 : 220));
        const plot = m.source ? (
          <StreamPlot width={w} source={m.source} view={m.view} span={m.span} cursor={m.cursor} onCursor={m.actions.setCursor} scan={m.det.scan} threshold={m.state.threshold} ratio={m.sta?.ratio ?? null} staLtaOn={m.state.staLtaOn} detIntervals={m.detIntervals} staIntervals={m.sta?.intervals ?? []} />
        ) : null;
        return (
          <>
            <EdStyles />
            <div className="gl-panel gl-ed-main" data-gl-panel="stream">
              {allowFiles ? <TraceDropZone onLoad={onLoad} options={FILE_OPTIONS} hint={m.loaded ? `or drop another · showing ${m.source?.name}` : 'or drop a 3-component record on the plot'}>{plot}</TraceDropZone> : plot}
              {m.det.progress !== null ? <FitProgress value={m.det.progress} running label="Detector" /> : null}
            </div>
            <div className="gl-panel gl-ed-side" data-gl-panel="map">
              <h3 className="gl-ed-heading">Cells around the station</h3>
              <CellMap size={mapSize} probs={probs} event={event} start={m.cursor} />
              <Scoreboard model={m} />
            </div>
            <div className="gl-panel gl-ed-side" data-gl-panel="lambda">
              <LambdaPanel model={m} width={layout.compact ? w : Math.min(420, Math.max(260, w - mapSize - 60))} />
            </div>
          </>
        );
      }}
    </Explainer>
  );
}
