import { useMemo, useRef, useState, type RefObject } from 'react';
import { conceptColor } from '../common/colors';
import { Tex } from '../common/Tex';
import { useAnimationLoop } from '../hooks/useAnimationLoop';
import { sanitizeDefaultValue, useControllableState } from '../hooks/useControllableState';
import { useMergedRef } from '../hooks/useMergedRef';
import { useReducedMotion } from '../hooks/useReducedMotion';
import { Button } from '../kit/buttons';
import { Explainer, type ExplainerLayout } from '../kit/Explainer';
import { explainerFrameProps, type ExplainerCommonProps, type ExplainerStateProps } from '../kit/explainerProps';
import { Legend } from '../kit/Legend';
import { DataPlot } from './DataPlot';
import { frameState, ingredientsWidth, initialState, lossInfo, plotSide, STATE_CHECKS, statusText, type DataModelLossState } from './model';
import { DmlStyles } from './styles';

export type { DataModelLossState } from './model';

/** Props of {@link DataModelLoss}. Other attributes (`id`, `aria-*`, `data-*`) go to the root `<figure>`. */
export interface DataModelLossProps extends Omit<ExplainerCommonProps, 'showPerformance'>, ExplainerStateProps<DataModelLossState> {
  /** Width in px. Default 520 (shrinks to the container). */
  width?: number;
  /** Height of the plot in px. Default 420. */
  height?: number;
  /** Seed of the generated points. Default 0. */
  seed?: number;
  /** Number of generated points. Default 8. */
  nPoints?: number;
  /** Initial state when uncontrolled (missing fields are generated from the seed; bad ones are reported once and ignored). */
  defaultValue?: Partial<DataModelLossState>;
  /** Called with every new state (drag, key press, fit). */
  onValueChange?: (state: DataModelLossState) => void;
  /** Accessible name and title of the widget. Default "Data, model and loss". */
  label?: string;
}

/**
 * The three ingredients of learning, in the slides' words: the data 𝓓 = {(xᵢ, yᵢ)}, the model
 * f_θ(x) = a·x + b with θ = (a, b), and the loss 𝓛(θ) = (1/N) Σ (f_θ(xᵢ) − yᵢ)². Each
 * residual is drawn as a square of side |f_θ(xᵢ) − yᵢ|, so the mean area of the squares
 * is the loss. Drag the points or the line's handles; "Fit" moves θ to θ* = argmin 𝓛(θ).
 */
export function DataModelLoss({
  width = 520,
  height = 420,
  seed = 0,
  nPoints = 8,
  value,
  defaultValue,
  onValueChange,
  fit: fitMode,
  ref,
  label = 'Data, model and loss',
  ...rest
}: DataModelLossProps) {
  // The initial state is read once, as useState does.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const initial = useMemo(() => ({ ...initialState(seed, nPoints), ...sanitizeDefaultValue('DataModelLoss', defaultValue, STATE_CHECKS) }), []);
  const [state, setState] = useControllableState<DataModelLossState>({ value, defaultValue: initial, onChange: onValueChange });
  const info = lossInfo(state);
  const own = useRef<HTMLElement | null>(null);
  const rootRef = useMergedRef<HTMLElement>(own, ref);
  const glide = useFitGlide(info.best, state, setState, own);
  return (
    <Explainer
      {...explainerFrameProps(rest, { label, width, height })}
      ref={rootRef}
      fit={fitMode}
      state={frameState(info, glide.fitting)}
      status={statusText(state, info)}
      statusProps={{ 'data-testid': 'status', 'data-loss': info.loss, 'data-fitted': info.fitted }}
      controls={
        <Button onClick={glide.start} disabled={!info.best || info.fitted}>
          Fit: θ ← θ*
        </Button>
      }
      legend={
        <Legend
          label="Key to the plot"
          items={[
            { label: 'data point (xᵢ, yᵢ): drag it', color: conceptColor('data'), shape: 'dot' },
            { label: 'model y = a·x + b: drag its two handles', color: 'var(--gl-accent)' },
            { label: 'residual (a·xᵢ + b) − yᵢ and its square', color: conceptColor('residual') },
          ]}
        />
      }
      caption="The square handle sets the intercept b, the round one on the line the slope a. The mean area of the squares is the loss."
    >
      {(layout: ExplainerLayout) => {
        const avail = layout.plotWidth(width);
        const side = plotSide(avail, height, layout.compact);
        return (
          <>
            <DmlStyles />
            <DataPlot
              state={state}
              loss={info.loss}
              side={side}
              onChange={(f) => {
                glide.stop();
                setState(f);
              }}
              label={label}
            />
            <div className="gl-panel gl-maths gl-dml-ingredients" data-gl-panel="ingredients" style={{ width: ingredientsWidth(avail, side, layout.compact) }}>
              <DmlMaths n={state.points.length} />
            </div>
          </>
        );
      }}
    </Explainer>
  );
}

/** "Fit": glide from θ to θ* in about half a second (ease-out), or jump there under reduced motion. */
function useFitGlide(
  best: [number, number] | null,
  state: DataModelLossState,
  setState: (f: (s: DataModelLossState) => DataModelLossState) => void,
  target: RefObject<HTMLElement | null>,
) {
  const reducedMotion = useReducedMotion();
  const [fitting, setFitting] = useState(false);
  const g = useRef<{ from: [number, number]; t: number }>({ from: [0, 0], t: 0 });
  useAnimationLoop({
    running: fitting,
    target,
    onFrame: () => {
      if (!best) return false;
      g.current.t = Math.min(1, g.current.t + 1 / 30);
      const e = 1 - (1 - g.current.t) ** 3;
      const { from } = g.current;
      setState((s) => ({ ...s, a: from[0] + e * (best[0] - from[0]), b: from[1] + e * (best[1] - from[1]) }));
      if (g.current.t >= 1) {
        setFitting(false);
        return false;
      }
    },
  });
  return {
    fitting,
    stop: () => setFitting(false),
    start: () => {
      if (!best) return;
      if (reducedMotion) {
        setState((s) => ({ ...s, a: best[0], b: best[1] }));
        return;
      }
      g.current = { from: [state.a, state.b], t: 0 };
      setFitting(true);
    },
  };
}

/** The four ingredients, in the slides' notation. */
function DmlMaths({ n }: { n: number }) {
  return (
    <>
      <div>
        <strong>The data</strong> <Tex>{String.raw`\mathcal{D}=\{(x_i,y_i)\}_{i=1}^{N}`}</Tex>, N = {n}
      </div>
      <div>
        <strong>The model</strong> <Tex>{String.raw`f_\theta(x)=a\,x+b,\ \theta=(a,b)`}</Tex>
      </div>
      <div>
        <strong>The loss</strong>, the mean area of the squares
        <Tex block>{String.raw`\mathcal{L}(\theta)=\frac{1}{N}\sum_{i=1}^{N}\bigl(f_\theta(x_i)-y_i\bigr)^2`}</Tex>
      </div>
      <div>
        <strong>Learning</strong>
        <Tex block>{String.raw`\theta^*=\operatorname{argmin}_\theta\,\mathcal{L}(\theta)`}</Tex>
      </div>
    </>
  );
}
