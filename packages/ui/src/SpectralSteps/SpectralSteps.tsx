import { classColor, conceptColor } from '../common/colors';
import { Tex } from '../common/Tex';
import { Explainer, type ExplainerLayout } from '../kit/Explainer';
import { explainerFrameProps, type ExplainerCommonProps, type ExplainerStateProps } from '../kit/explainerProps';
import { Legend } from '../kit/Legend';
import { FitProgress } from '../worker/FitProgress';
import type { SpectralStepsState } from './model';
import { SpectralBody } from './SpectralBody';
import { SpectralControls } from './SpectralControls';
import { useSpectralSteps } from './useSpectralSteps';

export { DEFAULT_STATE as SPECTRAL_DEFAULT_STATE, type GraphKind, type SpectralDataset, type SpectralStepsState } from './model';

const CAPTION =
  'Read the four steps left to right, top to bottom. With the right graph, W is two blocks (one per moon or ring), the Laplacian’s second eigenvector splits them, and k-means in that embedding finds them, where k-means on the raw points cuts them with a straight line. Too few neighbours break the graph into pieces; too many bridge the two.';

/** Props of {@link SpectralSteps}. Other attributes (`id`, `aria-*`, `data-*`) go to the root `<figure>`. */
export interface SpectralStepsProps extends Omit<ExplainerCommonProps, 'showPerformance'>, ExplainerStateProps<SpectralStepsState> {
  /** Overall width in px. Default 960 (shrinks to the container). */
  width?: number;
  /** Largest side of a heatmap in px. Default 280. */
  height?: number;
  /** Seed of the data set. Default 0. */
  seed?: number;
  /** Fit in a Web Worker. Default true (false: on this thread, in slices). */
  worker?: boolean;
  /** Accessible name and title. Default "Spectral clustering, step by step". */
  label?: string;
}

/**
 * Spectral clustering as the slide lists it — the adjacency matrix W (kNN or ε graph), the
 * normalised Laplacian L, its first m = 2 eigenvectors as coordinates, k-means there — on two
 * moons or two rings (n = 200, rows sorted by true class so W shows its blocks), beside k-means
 * on the raw points. `SpectralClustering` from @geolearn/algorithms, fitted in a Web Worker.
 */
export function SpectralSteps({ width = 960, height = 280, seed = 0, value, defaultValue, onValueChange, worker = true, fit, ...rest }: SpectralStepsProps) {
  const model = useSpectralSteps({ seed, value, defaultValue, onValueChange, worker });
  const r = model.run?.result;
  return (
    <Explainer
      {...explainerFrameProps(rest, { label: 'Spectral clustering, step by step', width, height })}
      fit={fit}
      state={model.frameState}
      status={model.status}
      statusProps={{
        'data-testid': 'status',
        'data-fitting': model.fitting,
        'data-ari': r ? r.ari.toFixed(3) : undefined,
        'data-raw-ari': r ? r.rawAri.toFixed(3) : undefined,
        'data-components': r?.nGraphComponents,
        'data-warnings': r?.warnings.length ?? 0,
      }}
      controls={<SpectralControls model={model} />}
      legend={
        <div className="gl-legend-row">
          <Legend
            label="Key to the plots"
            items={[
              { label: 'Cluster 1', color: classColor(0), shape: 'dot' as const },
              { label: 'Cluster 2', color: classColor(1), shape: 'dot' as const },
              { label: 'Edge of the graph (Wᵢⱼ > 0)', color: conceptColor('data') },
              { label: 'Border between the true classes (rows sorted by class)', color: conceptColor('data'), shape: 'dashed' as const },
            ]}
          />
        </div>
      }
      footer={model.fitting ? <FitProgress value={model.progress} running label="Fitting spectral clustering" /> : undefined}
      caption={fit ? undefined : CAPTION}
      maths={
        <>
          <Tex block>{String.raw`\mathbf{L}=\mathbf{I}-\mathbf{D}^{-1/2}\mathbf{W}\mathbf{D}^{-1/2},\qquad d_i=\sum_{j\neq i}W_{ij}`}</Tex>
          <Tex block>{String.raw`\mathbf{L}\mathbf{u}=\lambda\mathbf{u},\quad \lambda_1\le\lambda_2\le\dots;\qquad \text{sample } i \mapsto (u_{1i},\dots,u_{mi})/\sqrt{d_i}`}</Tex>
        </>
      }
    >
      {(layout: ExplainerLayout) => <SpectralBody model={model} layout={layout} width={width} height={height} />}
    </Explainer>
  );
}
