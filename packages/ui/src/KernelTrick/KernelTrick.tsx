import { classColor } from '../common/colors';
import { Tex } from '../common/Tex';
import { Explainer, type ExplainerLayout } from '../kit/Explainer';
import { explainerFrameProps, type ExplainerCommonProps, type ExplainerStateProps } from '../kit/explainerProps';
import { Legend } from '../kit/Legend';
import { SvmStyles } from '../SvmMargin/styles';
import { KernelControls } from './KernelControls';
import { KernelPlot } from './KernelPlot';
import { LiftView } from './LiftView';
import { fmt, gammaOf, kernelSizes, POLY, type KernelTrickState } from './model';
import { useKernelTrick, type KernelModel } from './useKernelTrick';

export type { KernelTrickState, KernelDataset, KernelName, LiftName } from './model';

/** Props of {@link KernelTrick}. Other attributes (`id`, `aria-*`, `data-*`) go to the root `<figure>`. */
export interface KernelTrickProps extends Omit<ExplainerCommonProps, 'showPerformance'>, ExplainerStateProps<KernelTrickState> {
  /** Width of the pictures in px. Default 760 (shrinks to the container). */
  width?: number;
  /** Height of each panel in px. Default 380. */
  height?: number;
  /** Seed of the data sets. Default 0. */
  seed?: number;
  /** Points in each data set (8–400). Default 80. */
  nPoints?: number;
  /** Cells per side of the decision field. Default 100. */
  gridSize?: number;
  /** Accessible name and title. Default "The kernel trick". */
  label?: string;
}

/**
 * The kernel trick: a 2-D set that no line separates (circles, XOR), lifted to 3-D by one
 * feature z(x) (an RBF bump exp(−‖x − c‖²/2σ²), x₁² + x₂² or x₁x₂) where a plane separates it,
 * and that plane seen back in ℝ² as a curve; beside it scikit-learn's SVC with a linear,
 * polynomial or RBF kernel, its decision field, boundary and support vectors. With 3 or 4
 * blobs, the one-vs-one decision regions.
 */
export function KernelTrick({
  width = 760,
  height = 380,
  seed = 0,
  nPoints = 80,
  gridSize = 100,
  value,
  defaultValue,
  onValueChange,
  label = 'The kernel trick',
  ...rest
}: KernelTrickProps) {
  const model = useKernelTrick({ seed, nPoints, gridSize: Math.round(Math.min(300, Math.max(10, Number.isFinite(gridSize) ? gridSize : 100))), value, defaultValue, onValueChange });
  return (
    <Explainer
      {...explainerFrameProps(rest, { label, width, height })}
      state="done"
      status={model.status}
      statusProps={{ 'data-testid': 'status', 'data-support': model.svc.support.length, 'data-classes': model.data.K }}
      controls={<KernelControls model={model} />}
      legend={<KernelLegend model={model} />}
      caption={
        model.binary
          ? 'No line separates the two classes in ℝ², but a plane does once each point gets a height z(x); that plane, seen from ℝ², is the dotted curve. The RBF kernel puts such a bump on every support vector.'
          : 'One SVM per pair of classes (one-vs-one); each point of the plane goes to the class with most pairwise wins.'
      }
      maths={<KernelMaths model={model} />}
    >
      {(layout: ExplainerLayout) => {
        const s = kernelSizes(width, height, layout.plotWidth(width), layout.compact);
        return (
          <>
            <SvmStyles />
            <KernelPlot model={model} size={s.plot} label={label} />
            {model.binary && <LiftView model={model} size={s.lift} />}
          </>
        );
      }}
    </Explainer>
  );
}

/** The key. */
function KernelLegend({ model }: { model: KernelModel }) {
  const classes = Array.from({ length: model.data.K }, (_, k) => ({ label: `class ${k}`, color: classColor(k), shape: 'dot' as const }));
  const lines = model.binary
    ? [
        { label: 'SVC boundary f(x) = 0', color: 'var(--gl-fg)' },
        { label: 'margins f(x) = ±1', color: 'var(--gl-muted)', shape: 'dashed' as const },
        { label: 'the 3-D plane seen from ℝ² (dotted)', color: 'var(--gl-fg)', shape: 'dashed' as const },
      ]
    : [];
  return <Legend label="Key" items={[...classes, ...lines, { label: 'support vector (ringed)', color: 'var(--gl-fg)', shape: 'dot' }]} />;
}

/** The kernel in use, γ beside σ, and the decision function. */
function KernelMaths({ model }: { model: KernelModel }) {
  const { kernel, sigma } = model.state;
  const k =
    kernel === 'rbf'
      ? String.raw`K(\mathbf{x},\mathbf{x}')=\exp\!\left(-\frac{\|\mathbf{x}-\mathbf{x}'\|^2}{2\sigma^2}\right),\quad \sigma=${fmt(sigma)},\ \ \gamma=\frac{1}{2\sigma^2}=${fmt(gammaOf(sigma))}`
      : kernel === 'poly'
        ? String.raw`K(\mathbf{x},\mathbf{x}')=(\mathbf{x}\cdot\mathbf{x}'+${POLY.coef0})^{${POLY.degree}}`
        : String.raw`K(\mathbf{x},\mathbf{x}')=\mathbf{x}\cdot\mathbf{x}'`;
  return (
    <>
      <Tex block>{k}</Tex>
      <Tex block>{String.raw`f(\mathbf{x})=\sum_{i\in\text{SV}} y_i\alpha_i\,K(\mathbf{x}_i,\mathbf{x})+b`}</Tex>
      {model.binary && <Tex block>{String.raw`\text{lift: } \mathbf{x}\mapsto(x_1,\,x_2,\,z(\mathbf{x})),\qquad w_1x_1+w_2x_2+w_3\,z(\mathbf{x})+b=0`}</Tex>}
    </>
  );
}
