import { classColor, conceptColor } from '../common/colors';
import { Tex } from '../common/Tex';
import { Explainer, type ExplainerLayout } from '../kit/Explainer';
import { useExplainerFrame, type ExplainerCommonProps, type ExplainerStateProps } from '../kit/explainerProps';
import { Legend } from '../kit/Legend';
import { PerformanceReadout } from '../kit/PerformanceReadout';
import { HingeBars } from './HingeBars';
import { MarginPlot } from './MarginPlot';
import { fmt, svmSizes, type SvmMarginState } from './model';
import { EditControls, FitControls } from './SvmControls';
import { SvmStyles } from './styles';
import { useSvmMargin, type SvmModel } from './useSvmMargin';

export type { SvmMarginState, SvmPoint, SvmSolver, SvmTool } from './model';

/** Props of {@link SvmMargin}. Other attributes (`id`, `aria-*`, `data-*`) go to the root `<figure>`. */
export interface SvmMarginProps extends ExplainerCommonProps, ExplainerStateProps<SvmMarginState> {
  /** Width of the explainer's pictures in px. Default 720 (shrinks to the container). */
  width?: number;
  /** Height of the plane plot in px. Default 440. */
  height?: number;
  /** Seed of the default points. Default 0. */
  seed?: number;
  /** Called with every new state (drag, add, delete, C, step…). */
  onValueChange?: (state: SvmMarginState) => void;
  /** Accessible name and title. Default "SVM: the margin and the hinge loss". */
  label?: string;
}

/**
 * A linear SVM on two classes of points in ℝ² that the student drags, adds and deletes: the
 * separating line w·x + b = 0, the margins w·x + b = ±1 (2/‖w‖ apart), the support vectors
 * ringed, each point's hinge term max(0, 1 − yᵢ(w·xᵢ + b)) as a segment to its margin and as
 * a bar, and the C slider. The fit is exact (SMO, as scikit-learn's SVC) and live while
 * dragging, or stepped by sub-gradient descent on the same objective, which converges to it.
 */
export function SvmMargin({
  width = 720,
  height = 440,
  seed = 0,
  value,
  defaultValue,
  onValueChange,
  showPerformance = false,
  label = 'SVM: the margin and the hinge loss',
  ...rest
}: SvmMarginProps) {
  const model = useSvmMargin({ seed, value, defaultValue, onValueChange });
  const frame = useExplainerFrame(rest, { label, width, height }, model);
  return (
    <Explainer
      {...frame}
      statusProps={{
        'data-testid': 'status',
        'data-loss': model.view.loss,
        'data-w': model.view.fit ? model.view.fit.w.join(',') : undefined,
        'data-b': model.view.fit?.b,
        'data-support': model.view.support.length,
      }}
      controls={
        <>
          <EditControls model={model} />
          <FitControls model={model} />
        </>
      }
      legend={<SvmLegend />}
      footer={<PerformanceReadout show={showPerformance && model.playing} fps={model.stats.fps} frameTime={model.stats.frameTime} />}
      caption="Drag a point across a dashed margin and watch its hinge segment and bar appear; raise C and the margin narrows to keep points out of it."
      maths={<SvmMaths model={model} />}
    >
      {(layout: ExplainerLayout) => {
        const s = svmSizes(width, height, layout.plotWidth(width), layout.compact);
        return (
          <>
            <SvmStyles />
            <MarginPlot model={model} size={s.plot} label={label} />
            <HingeBars model={model} width={s.sideWidth} height={s.sideHeight} />
          </>
        );
      }}
    </Explainer>
  );
}

/** The key to the marks. */
function SvmLegend() {
  return (
    <Legend
      label="Key to the plane"
      items={[
        { label: 'class 0, y = −1 (circles)', color: classColor(0), shape: 'dot' },
        { label: 'class 1, y = +1 (squares)', color: classColor(1), shape: 'dot' },
        { label: 'w·x + b = 0', color: 'var(--gl-fg)' },
        { label: 'margins w·x + b = ±1', color: 'var(--gl-muted)', shape: 'dashed' },
        { label: 'hinge term: distance past the margin', color: conceptColor('residual') },
        { label: 'support vector (ringed)', color: 'var(--gl-fg)', shape: 'dot' },
      ]}
    />
  );
}

/** f(x), the hinge loss and the objective both solvers minimise, with the current numbers. */
function SvmMaths({ model }: { model: SvmModel }) {
  const f = model.view.fit;
  return (
    <>
      <Tex block>{String.raw`f(\mathbf{x})=\mathbf{w}\cdot\mathbf{x}+b${f ? String.raw`\qquad \mathbf{w}=(${fmt(f.w[0])},\ ${fmt(f.w[1])}),\ b=${fmt(f.b)}` : ''}`}</Tex>
      <Tex block>{String.raw`\mathcal{L}(\mathbf{w},b)=\frac{1}{N}\sum_{i=1}^{N}\max\bigl(0,\ 1-y_i(\mathbf{w}\cdot\mathbf{x}_i+b)\bigr)=${fmt(model.view.loss)}`}</Tex>
      <Tex block>{String.raw`\min_{\mathbf{w},b}\ \tfrac12\|\mathbf{w}\|^2+C\sum_{i}\max\bigl(0,\ 1-y_i f(\mathbf{x}_i)\bigr),\qquad \text{margin}=\frac{2}{\|\mathbf{w}\|}`}</Tex>
    </>
  );
}
