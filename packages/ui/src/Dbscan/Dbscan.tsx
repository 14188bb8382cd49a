import { useMemo } from 'react';
import { classColor, conceptColor } from '../common/colors';
import { Tex } from '../common/Tex';
import { Explainer, type ExplainerLayout } from '../kit/Explainer';
import { useExplainerFrame, type ExplainerCommonProps, type ExplainerStateProps } from '../kit/explainerProps';
import { Legend } from '../kit/Legend';
import { PerformanceReadout } from '../kit/PerformanceReadout';
import { DbscanControls } from './DbscanControls';
import { DbscanPlot } from './DbscanPlot';
import type { DbscanState } from './model';
import { SidePanel } from './SidePanel';
import { DbscanStyles } from './styles';
import { useDbscan } from './useDbscan';

export { DBSCAN_DATASETS, type DbscanDatasetName, type DbscanState } from './model';

const CAPTION =
  'Press Step: the cluster spreads from the seed sample (thick ring) through the ε-circles of its core samples, one ring of neighbours at a time. Change ε or minSamples and watch core samples turn into border or noise. Click a sample to grow from it.';

/** Props of {@link Dbscan}. Other attributes (`id`, `aria-*`, `data-*`) go to the root `<figure>`. */
export interface DbscanProps extends ExplainerCommonProps, ExplainerStateProps<DbscanState> {
  /** Width of the plot in px. Default 520 (shrinks to the container). */
  width?: number;
  /** Height of the plot in px. Default 400. */
  height?: number;
  /** Your own 2-D points instead of the data sets (rows [x₁, x₂]; at most 400 are used); hides the chooser. Keep it stable (memoise it). */
  data?: readonly (readonly number[])[];
  /** Number of generated samples (≤ 400). Default 200. */
  nSamples?: number;
  /** Seed of the generated data. Default 0. */
  seed?: number;
  /** Accessible name and title. Default "DBSCAN, grown step by step". */
  label?: string;
}

/**
 * DBSCAN (density-based clustering) grown breadth-first from a seed sample: ε-circles,
 * core / border / noise samples with distinct marks, one ring of ε-neighbours per step.
 * The final labels are `DBSCAN`'s from @geolearn/algorithms, up to the clusters' numbering.
 */
export function Dbscan({ width = 520, height = 400, data, nSamples = 200, seed = 0, value, defaultValue, onValueChange, label = 'DBSCAN, grown step by step', fit, showPerformance = false, ...rest }: DbscanProps) {
  // At most 400 samples (n² distances per change); memoised so that the growth is not recomputed every render.
  const capped = useMemo(() => data?.slice(0, 400), [data]);
  const model = useDbscan({ data: capped, nSamples, seed, value, defaultValue, onValueChange });
  const frame = useExplainerFrame(rest, { label, width, height }, model);
  return (
    <Explainer
      {...frame}
      fit={fit}
      statusProps={{ 'data-testid': 'status', 'data-step': model.stepIndex, 'data-done': model.frame.done, 'data-clusters': model.growth.starts.length }}
      controls={<DbscanControls model={model} />}
      legend={
        <Legend
          label="Key to the plot"
          items={[
            { label: 'Core sample (≥ minSamples within ε): disc', color: classColor(0), shape: 'dot' },
            { label: 'Border sample: ring', color: classColor(1) },
            { label: 'Noise: cross', color: conceptColor('data') },
            { label: 'Not reached yet: small grey dot', color: conceptColor('data'), shape: 'dot' },
            { label: 'ε-circle of a core sample just reached', color: classColor(0), shape: 'dashed' },
          ]}
        />
      }
      footer={<PerformanceReadout show={showPerformance && model.playing} fps={model.stats.fps} frameTime={model.stats.frameTime} />}
      caption={fit ? undefined : CAPTION}
      maths={<Tex block>{String.raw`N_\varepsilon(\mathbf{x}_i)=\{\mathbf{x}_j : \|\mathbf{x}_j-\mathbf{x}_i\|\le\varepsilon\},\qquad \mathbf{x}_i \text{ core} \iff |N_\varepsilon(\mathbf{x}_i)|\ge \text{minSamples}`}</Tex>}
    >
      {(layout: ExplainerLayout) => {
        const avail = layout.plotWidth(width + 272);
        const w = layout.compact ? Math.max(200, Math.min(width, avail)) : Math.max(240, Math.min(width, avail - 272));
        let h = Math.max(180, Math.round((height * w) / width));
        if (layout.fit) h = Math.min(h, 380);
        return (
          <>
            <DbscanStyles />
            <DbscanPlot model={model} width={w} height={h} label={label} />
            <SidePanel model={model} width={layout.compact ? w : 260} />
          </>
        );
      }}
    </Explainer>
  );
}
