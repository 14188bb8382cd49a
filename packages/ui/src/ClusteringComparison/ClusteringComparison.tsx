import { classColor } from '../common/colors';
import { Tex } from '../common/Tex';
import { useColorScheme } from '../hooks/useColorScheme';
import { Button } from '../kit/buttons';
import { Explainer, type ExplainerLayout } from '../kit/Explainer';
import { explainerFrameProps, type ExplainerCommonProps, type ExplainerStateProps } from '../kit/explainerProps';
import { Legend } from '../kit/Legend';
import { PerformanceReadout } from '../kit/PerformanceReadout';
import { FitProgress } from '../worker/FitProgress';
import type { RunOptions } from '../worker/runFit';
import { Definitions } from './Definitions';
import { ComparisonGrid } from './Grid';
import { frameState, gridSizes, statusText, type ClusteringComparisonState } from './model';
import { ParamsPanel } from './ParamsPanel';
import { token } from '../styles/tokens';
import { ClusteringComparisonStyles } from './styles';
import { useClusteringGrid, type ClusteringGrid } from './useClusteringGrid';

export {
  DATASETS as CLUSTERING_DATASETS,
  METHODS as CLUSTERING_METHODS,
  type ClusteringComparisonState,
  type DatasetName as ClusteringDatasetName,
  type MethodName as ClusteringMethodName,
  type MethodParams as ClusteringMethodParams,
} from './model';

const CAPTION =
  'Each cell is one method (column) fitted on one data set (row) in a Web Worker; colours are the clusters found, matched to the generating groups, and grey is DBSCAN\u2019s noise. Under each: the adjusted Rand index against the generating labels (1 = the same grouping, 0 = chance) and the fit time. Click a cell to change its method\u2019s parameters.';

/** Props of {@link ClusteringComparison}. Other attributes (`id`, `aria-*`, `data-*`) go to the root `<figure>`. */
export interface ClusteringComparisonProps extends ExplainerCommonProps, ExplainerStateProps<ClusteringComparisonState> {
  /** Largest width in px. Default 1200 (shrinks to the container; the definitions go beside the grid from 900 px). */
  width?: number;
  /** Nominal height in px (validated; the grid's height follows its width). Default 900. */
  height?: number;
  /** Samples per data set, 10 … 10,000. Default 1,500 (the whole grid fits in about 2–3 s). */
  n?: number;
  /** Seed of the data sets and of the seeded methods. Default 170 (as scikit-learn's figure). */
  seed?: number;
  /** Called with every new state (a cell opened, a parameter changed…). */
  onValueChange?: (state: ClusteringComparisonState) => void;
  /** Where the fits run: true (default) a Web Worker where one can be made, false the main thread in slices (tests). */
  worker?: RunOptions['worker'];
  /** Accessible name and title. Default "Clustering: five methods on six data sets". */
  label?: string;
  /** Show the last run's wall time (developer telemetry). Default false. */
  showPerformance?: boolean;
}

/**
 * scikit-learn's cluster-comparison figure, live: the slide's five methods (mini-batch k-means,
 * spectral clustering, agglomerative clustering, DBSCAN, Gaussian mixture) on six 2-D data sets,
 * each cell fitted in a Web Worker with its ARI and fit time, beside the slide's two definitions
 * of clustering. A cell opens its method's parameters and refits its column or itself.
 */
export function ClusteringComparison({
  width = 1200,
  height = 900,
  n = 1500,
  seed = 170,
  value,
  defaultValue,
  onValueChange,
  worker,
  theme,
  fit,
  showPerformance = false,
  ...rest
}: ClusteringComparisonProps) {
  const grid = useClusteringGrid({ n, seed, value, defaultValue, onValueChange, worker });
  const scheme = useColorScheme();
  const g = grid.progress;
  return (
    <Explainer
      {...explainerFrameProps(rest, { label: 'Clustering: five methods on six data sets', width, height })}
      theme={theme}
      fit={fit}
      state={frameState(g)}
      status={statusText(g, n, grid.problems)}
      statusProps={{ 'data-testid': 'status', 'data-fitted': g.fitted, 'data-total': g.total, 'data-wall-ms': g.last ? Math.round(g.last.wallMs) : undefined }}
      controls={<GridControls grid={grid} />}
      legend={<ComparisonLegend />}
      footer={<PerformanceReadout show={showPerformance && !!g.last} frameTime={g.last?.wallMs} />}
      caption={fit ? undefined : CAPTION}
      maths={fit ? undefined : <Tex block>{String.raw`\mathrm{ARI}=\frac{\mathrm{RI}-\mathbb{E}[\mathrm{RI}]}{\max\mathrm{RI}-\mathbb{E}[\mathrm{RI}]},\qquad \mathrm{RI}=\frac{\text{pairs grouped alike}}{\text{all pairs}}`}</Tex>}
    >
      {(layout: ExplainerLayout) => {
        const w = layout.plotWidth(width);
        const s = gridSizes(w, layout.compact);
        // Slide mode: six rows must fit in 700 px, so cells are small and carry their numbers inside.
        const cell = layout.fit ? Math.min(s.cell, 70) : s.side || layout.compact ? s.cell : Math.min(s.cell, 150);
        return (
          <>
            <ClusteringComparisonStyles />
            {/* Slide mode leaves the definitions to the slide: six rows of cells take the height. */}
            {!layout.fit && <Definitions width={s.side ? s.sideWidth : w} />}
            <div className="gl-panel" data-gl-panel="grid">
              <ComparisonGrid
                grid={grid}
                cell={cell}
                compact={layout.compact}
                overlay={layout.fit}
                perRow={s.perRow}
                themeKey={`${theme ?? 'auto'}-${scheme}`}
                panel={<ParamsPanel grid={grid} width={layout.compact ? w : Math.min(w, 5 * cell)} />}
              />
            </div>
          </>
        );
      }}
    </Explainer>
  );
}

/** The run's progress bar with Cancel, and a button to fit what is left (after a cancel). */
function GridControls({ grid }: { grid: ClusteringGrid }) {
  const g = grid.progress;
  const left = g.total - g.invalid - g.fitted;
  return (
    <>
      <FitProgress
        className="gl-cc-controls-progress"
        label="Fitting the grid"
        value={grid.run.running ? grid.run.progress : left === 0 ? 1 : null}
        running={g.running}
        onCancel={grid.cancel}
        data-testid="progress"
      />
      <Button onClick={grid.fitStale} disabled={g.running || left === 0 || !!g.nError} data-testid="fit-grid">
        Fit the grid
      </Button>
    </>
  );
}

/** The key: clusters (matched colours), noise. */
function ComparisonLegend() {
  return (
    <div className="gl-legend-row">
      <Legend
        label="Key to the plots"
        items={[
          { label: 'Cluster 1', color: classColor(0), shape: 'dot' },
          { label: 'Cluster 2', color: classColor(1), shape: 'dot' },
          { label: 'Cluster 3… (matched to the generating groups)', color: classColor(2), shape: 'dot' },
          { label: 'Noise (DBSCAN), or not fitted yet', color: token('--gl-muted'), shape: 'dot' },
        ]}
      />
    </div>
  );
}
