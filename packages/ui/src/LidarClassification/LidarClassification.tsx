import { useCallback, useState } from 'react';
import { classColor, conceptColor } from '../common/colors';
import { Tex } from '../common/Tex';
import { ColorLegend } from '../kit/ColorLegend';
import { Explainer, type ExplainerLayout } from '../kit/Explainer';
import { useExplainerFrame, type ExplainerCommonProps, type ExplainerStateProps } from '../kit/explainerProps';
import { Legend } from '../kit/Legend';
import { PerformanceReadout } from '../kit/PerformanceReadout';
import { CloudView } from './CloudView';
import { LidarControls } from './LidarControls';
import { CLASS_NAMES, lidarSizes, type LidarClassificationState } from './model';
import { SidePanel } from './SidePanel';
import { LidarStyles } from './styles';
import { token } from '../styles/tokens';
import { useLidarClassification, type LidarModel } from './useLidarClassification';

export type { LidarClassificationState, LidarColorBy } from './model';

/** Props of {@link LidarClassification}. Other attributes (`id`, `aria-*`, `data-*`) go to the root `<figure>`. */
export interface LidarClassificationProps extends ExplainerCommonProps, ExplainerStateProps<LidarClassificationState> {
  /** Width in px. Default 960 (shrinks to the container). */
  width?: number;
  /** Height of the 3-D view in px. Default 520. */
  height?: number;
  /** Points of the synthetic scene (10 to 2,000,000; keep it under ~20,000 for a smooth view). Default 5000. */
  nPoints?: number;
  /** Seed of the scene, the labelled subset and the forest. Default 0. */
  seed?: number;
  /** Accessible name and title. Default "Lidar point cloud classification". */
  label?: string;
  /** Show the features' and training's times and the redraw time (developer telemetry). Default false. */
  showPerformance?: boolean;
  /** Run features, training and prediction in a Web Worker (default true; false: main thread in slices). */
  worker?: boolean;
}

/**
 * The course notebook "Lidar point cloud classification": automate the identification of
 * objects in a lidar cloud from a labelled subset. A seeded synthetic scene (sloping ground,
 * buildings, trees, a power line, noise) in a rotatable 3-D view; multi-scale neighbourhood
 * features (covariance eigenvalues at three radii, height above ground); a random forest
 * trained on the labelled subset in a Web Worker predicts the rest; the confusion matrix and
 * the forest's most used features beside the view.
 */
export function LidarClassification({
  width = 960,
  height = 520,
  nPoints = 5000,
  seed = 0,
  value,
  defaultValue,
  onValueChange,
  showPerformance = false,
  worker = true,
  ...rest
}: LidarClassificationProps) {
  const model = useLidarClassification({ nPoints, seed, value, defaultValue, onValueChange, worker });
  const frame = useExplainerFrame(rest, { label: 'Lidar point cloud classification', width, height }, model);
  const [drawMs, setDrawMs] = useState<number | null>(null);
  const onDraw = useCallback((ms: number) => setDrawMs(ms), []);
  const r = model.run?.result;
  return (
    <Explainer
      {...frame}
      statusProps={{ 'data-testid': 'status', 'data-color-by': model.state.colorBy, 'data-accuracy': model.current && model.cm ? model.cm.accuracy.toFixed(4) : undefined }}
      controls={<LidarControls model={model} />}
      legend={<LidarLegend model={model} />}
      footer={
        <PerformanceReadout
          show={showPerformance}
          extra={{ ...(r ? { [`features (${nPoints} points, 3 radii)`]: r.featureMs, 'forest training': r.fitMs, 'worker run incl. start': model.run!.totalMs } : {}), ...(drawMs !== null ? { redraw: drawMs } : {}) }}
        />
      }
      caption="Each point is described by the shape of its neighbourhood at three radii (a line, a plane or a ball, and how vertical) and its height above the ground. Label a few points, and the forest labels the rest: turn the scene and colour it by errors to see where it fails."
      maths={<LidarMaths />}
    >
      {(layout: ExplainerLayout) => {
        const s = lidarSizes(width, height, layout.plotWidth(width), layout.compact);
        return (
          <>
            <LidarStyles />
            <div className="gl-panel" data-gl-panel="cloud">
              {model.scene ? (
                <CloudView
                  xyz={model.scene.xyz}
                  size={model.scene.size}
                  paint={model.paint}
                  rotation={model.state.rotation}
                  onRotate={model.actions.rotate}
                  width={s.view.width}
                  height={s.view.height}
                  label={`Lidar scene of ${model.scene.labels.length} points, coloured by ${model.state.colorBy === 'feature' ? model.state.feature : model.state.colorBy}. Drag or use the arrow keys to turn it.`}
                  onDraw={showPerformance ? onDraw : undefined}
                />
              ) : (
                <p className="gl-lidar-note">{model.problem}</p>
              )}
            </div>
            <SidePanel model={model} width={s.side} />
          </>
        );
      }}
    </Explainer>
  );
}

/** Class swatches (truth, prediction), right/wrong (errors), or the feature's colour scale. */
function LidarLegend({ model }: { model: LidarModel }) {
  const { state, featureRange } = model;
  if (state.colorBy === 'feature') {
    return featureRange ? <ColorLegend kind="sequential" domain={featureRange} title={state.feature} testId="feature-legend" /> : <Legend items={[{ label: 'the feature appears once computed', color: conceptColor('data'), shape: 'dot' }]} />;
  }
  if (state.colorBy === 'errors') {
    return (
      <Legend
        items={[
          { label: 'right', color: token('--gl-muted'), shape: 'dot' },
          { label: 'wrong', color: conceptColor('diverged'), shape: 'dot' },
          { label: 'labelled (given to the forest)', color: token('--gl-fg'), shape: 'dot' },
        ]}
      />
    );
  }
  return (
    <Legend
      label={state.colorBy === 'truth' ? 'True class (labelled points bold)' : 'Predicted class'}
      items={CLASS_NAMES.map((c, k) => ({ label: c, color: classColor(k), shape: 'dot' as const }))}
    />
  );
}

/** The covariance of a neighbourhood and its eigen-features. */
function LidarMaths() {
  return (
    <>
      <Tex block>{String.raw`C=\frac1N\sum_{\|\mathbf p_i-\mathbf p\|\le r}(\mathbf p_i-\bar{\mathbf p})(\mathbf p_i-\bar{\mathbf p})^\top`}</Tex>
      <Tex block>{String.raw`\lambda_1\ge\lambda_2\ge\lambda_3,\quad r\in\{1,2,3\}\ \mathrm{m}`}</Tex>
      <Tex block>{String.raw`L_r=\frac{\lambda_1-\lambda_2}{\lambda_1},\quad P_r=\frac{\lambda_2-\lambda_3}{\lambda_1}`}</Tex>
      <Tex block>{String.raw`S_r=\frac{\lambda_3}{\lambda_1},\quad V_r=1-|n_z|`}</Tex>
    </>
  );
}
