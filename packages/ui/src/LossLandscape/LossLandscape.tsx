import type { Objective } from '@geolearn/algorithms';
import { logThresholds } from '../common/field';
import { ON_MAP, conceptColor } from '../common/colors';
import { Tex } from '../common/Tex';
import { ColorLegend } from '../kit/ColorLegend';
import { Explainer, type ExplainerLayout } from '../kit/Explainer';
import { useExplainerFrame, type ExplainerCommonProps, type ExplainerStateProps } from '../kit/explainerProps';
import { Legend } from '../kit/Legend';
import { PerformanceReadout } from '../kit/PerformanceReadout';
import { LandscapeControls, OptimizerPicker } from './LandscapeControls';
import { LandscapePlot } from './LandscapePlot';
import { LANDSCAPE_OBJECTIVES, landscapeSizes, MSE_TEX, OPTIMIZER_COLORS, OPTIMIZER_LABELS, UPDATE_TEX, type LossLandscapeState } from './model';
import { SidePanels } from './SidePanels';
import { useLossLandscape, type LandscapeModel } from './useLossLandscape';

export { LANDSCAPE_OBJECTIVES, OPTIMIZER_COLORS, OPTIMIZER_LABELS, type LandscapeObjectiveName, type LossLandscapeState } from './model';

/** Props of {@link LossLandscape}. Other attributes (`id`, `aria-*`, `data-*`) go to the root `<figure>`. */
export interface LossLandscapeProps extends ExplainerCommonProps, ExplainerStateProps<LossLandscapeState> {
  /** Width of the plot in px. Default 560 (shrinks to the container). */
  width?: number;
  /** Height of the plot in px. Default 400 (shrinks with the width). */
  height?: number;
  /** The (x, y) data whose line fit y = a·x + b defines the MSE; a seeded noisy line when absent. */
  data?: { x: number[]; y: number[] };
  /** Another objective over two parameters instead of the MSE (a bowl, Rosenbrock…); hides the chooser. */
  objective?: Objective;
  /** Show the data with the current line and residuals, and the loss-versus-iteration chart, beside the plot. Default true. */
  showPanels?: boolean;
  /** Seed of the generated data. Default 0. */
  seed?: number;
  /** Called with every new state (step, drag, η change…). */
  onValueChange?: (state: LossLandscapeState) => void;
  /** Most steps the path may take. Default 100, and 5,000 on the Rosenbrock preset (its slow crawl along the valley). */
  maxIterations?: number;
  /** Grid resolution of the contour field per side. Default 120. */
  gridSize?: number;
  /** Accessible name and title of the widget. Default "Loss landscape". */
  label?: string;
}

/**
 * The loss 𝓛(θ) over two parameters as filled contours (canvas) or as a 3-D surface, with
 * the paths of one or several optimizers racing from θ₀, the gradient arrow at the current
 * θ and the optimum drawn over it (SVG), and beside it the data with the current line and
 * its residuals and the loss against iteration. Learning is finding θ* = argmin 𝓛(θ);
 * gradient descent gets there by θ ← θ − η∇𝓛(θ). Below 640 px it stacks in one column.
 */
export function LossLandscape({
  width = 560,
  height = 400,
  data,
  objective,
  showPanels = true,
  seed = 0,
  value,
  defaultValue,
  onValueChange,
  maxIterations,
  gridSize = 120,
  showPerformance = false,
  label = 'Loss landscape',
  ...rest
}: LossLandscapeProps) {
  const model = useLossLandscape({ data, objective, seed, value, defaultValue, onValueChange, maxIterations, gridSize });
  const frame = useExplainerFrame(rest, { label, width, height }, model);
  return (
    <Explainer
      {...frame}
      statusProps={{ 'data-testid': 'status', 'data-loss': model.current.loss, 'data-diverged': model.current.diverged }}
      controls={
        <>
          <LandscapeControls model={model} chooser={!objective} />
          <OptimizerPicker model={model} />
        </>
      }
      legend={<LandscapeLegend model={model} />}
      footer={<PerformanceReadout show={showPerformance && model.playing} fps={model.stats.fps} frameTime={model.stats.frameTime} />}
      maths={<LandscapeMaths model={model} />}
    >
      {(layout: ExplainerLayout) => {
        const sizes = landscapeSizes(width, height, layout.plotWidth(width), layout.compact, layout.fit);
        return (
          <>
            <LandscapePlot model={model} width={sizes.width} height={sizes.height} label={label} />
            {showPanels && <SidePanels model={model} width={sizes.sideWidth} height={sizes.sideHeight} />}
          </>
        );
      }}
    </Explainer>
  );
}

/** The key: each optimiser's path, the downhill arrow, θ₀ and θ*, and the colour map of 𝓛. */
function LandscapeLegend({ model }: { model: LandscapeModel }) {
  const surface = (model.state.view ?? 'contours') === 'surface';
  const levels = logThresholds(model.field);
  return (
    <div className="gl-legend-row">
      <Legend
        label="Key to the landscape"
        items={[
          ...model.runs.map((r) => ({ label: `${OPTIMIZER_LABELS[r.name]} path`, color: OPTIMIZER_COLORS[r.name] })),
          ...(surface ? [] : [{ label: '−∇𝓛: downhill at the current θ', color: ON_MAP.fill, shape: 'arrow' as const, outline: ON_MAP.outline }]),
          { label: surface ? 'θ₀: start (arrow keys move it)' : 'θ₀: start (drag it)', color: OPTIMIZER_COLORS[model.runs[0].name], shape: 'dot' as const },
          ...(model.objective.minimum ? [{ label: 'θ*: the minimum', color: conceptColor('optimum'), shape: 'dot' as const }] : []),
        ]}
      />
      <ColorLegend kind="sequential" title={surface ? 'loss 𝓛 (height, colour)' : 'loss 𝓛 (contour bands)'} domain={[model.field.min, model.field.max]} thresholds={levels} ticks={4} width={240} testId="loss-key" />
    </div>
  );
}

/** The maths under the picture: the loss, and the update rule that the arrow and path show. */
function LandscapeMaths({ model }: { model: LandscapeModel }) {
  return (
    <>
      <Tex block>{objectiveTex(model)}</Tex>
      {model.runs.map((r) => (
        <div key={r.name} className="gl-caption-note" data-testid={`rule-${r.name}`}>
          {OPTIMIZER_LABELS[r.name]}: <Tex>{UPDATE_TEX[r.name]}</Tex>
          {(r.name === 'momentum' || r.name === 'nesterov') && <Tex>{String.raw`,\ \alpha=${model.momentum}`}</Tex>}
        </div>
      ))}
      <Tex block>{String.raw`\theta^*=\arg\min_\theta \mathcal{L}(\theta),\qquad \eta=${model.state.learningRate}`}</Tex>
    </>
  );
}

/** The objective's own formula: the line fit's MSE, a preset's, or (a custom objective) its name. */
function objectiveTex(model: LandscapeModel): string {
  if (model.isMse) return MSE_TEX;
  if (model.objectiveName !== 'mse') return LANDSCAPE_OBJECTIVES[model.objectiveName].tex;
  return String.raw`\mathcal{L}(\theta_1,\theta_2)\ \text{(${model.objective.name})}`;
}
