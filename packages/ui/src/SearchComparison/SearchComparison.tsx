import { conceptColor, ON_MAP } from '../common/colors';
import { logThresholds } from '../common/field';
import { Tex } from '../common/Tex';
import { useMergedRef } from '../hooks/useMergedRef';
import { PlaybackButtons } from '../kit/buttons';
import { ColorLegend } from '../kit/ColorLegend';
import { Explainer, type ExplainerLayout } from '../kit/Explainer';
import { explainerFrameProps, type ExplainerCommonProps, type ExplainerStateProps } from '../kit/explainerProps';
import { Legend } from '../kit/Legend';
import { PerformanceReadout } from '../kit/PerformanceReadout';
import { Slider } from '../kit/Slider';
import { CostPanel } from './CostPanel';
import { fmt, gdSummary, mapSize, searchSummary, type SearchComparisonState } from './model';
import { EvaluationMarks, PathMarks, SearchMap } from './SearchMap';
import { SearchStyles } from './styles';
import { useSearchComparison, type SearchModel } from './useSearchComparison';

export { gridSearchCost, humanDuration, type SearchComparisonState } from './model';

/** Props of {@link SearchComparison}. Other attributes (`id`, `aria-*`, `data-*`) go to the root `<figure>`. */
export interface SearchComparisonProps extends ExplainerCommonProps, ExplainerStateProps<SearchComparisonState> {
  /** Width in px. Default 780 (shrinks to the container). */
  width?: number;
  /** Height of the three maps in px. Default 280. */
  height?: number;
  /** Seed of the data and of the random search. Default 0. */
  seed?: number;
  /** Accessible name and title. Default "Grid search, random search and gradient descent". */
  label?: string;
}

/**
 * How do we minimise the loss? The slides' three answers on the same line fit
 * 𝓛(a, b) = (1/N) Σ (a xᵢ + b − yᵢ)²: an exhaustive grid (kᵈ evaluations), random search
 * (as many as you pay for) and gradient descent (one evaluation and one gradient per step),
 * with the count of loss evaluations each used and the slide's cost arithmetic done live.
 */
export function SearchComparison({
  width = 780,
  height = 280,
  seed = 0,
  value,
  defaultValue,
  onValueChange,
  showPerformance = false,
  ref,
  ...rest
}: SearchComparisonProps) {
  const m = useSearchComparison({ seed, value, defaultValue, onValueChange });
  const rootRef = useMergedRef<HTMLElement>(m.rootRef, ref);
  const { state, actions } = m;
  return (
    <Explainer
      {...explainerFrameProps(rest, { label: 'Grid search, random search and gradient descent', width, height })}
      ref={rootRef}
      state={m.frameState}
      status={`Loss evaluations: grid ${m.grid.length}, random ${m.random.length}, gradient descent ${m.gd.length}. The least-squares optimum θ* has 𝓛 = ${fmt(m.optLoss)}.`}
      statusProps={{ 'data-testid': 'status' }}
      controls={
        <>
          <PlaybackButtons playing={m.playing} onTogglePlay={actions.togglePlay} onStep={actions.step} onReset={actions.reset} done={m.done} replayWhenDone />
          <Slider label="Grid values per parameter" min={2} max={30} step={1} value={state.gridPoints} onChange={actions.setGridPoints} format={String} />
          <Slider label="Random draws" min={5} max={900} step={5} value={state.randomSamples} onChange={actions.setRandomSamples} format={String} />
        </>
      }
      legend={<SearchLegend m={m} />}
      footer={<PerformanceReadout show={showPerformance && m.playing} fps={m.stats.fps} frameTime={m.stats.frameTime} />}
      maths={
        <>
          <Tex block>{String.raw`\mathcal{L}(a,b)=\frac{1}{N}\sum_{i=1}^{N}\bigl(a\,x_i+b-y_i\bigr)^2`}</Tex>
          <Tex block>{String.raw`\theta^*=\operatorname{argmin}_\theta\mathcal{L}(\theta)`}</Tex>
          <Tex block>{String.raw`\text{grid: } k^d \text{ evaluations}`}</Tex>
          <Tex block>{String.raw`\text{gradient descent: } \theta\leftarrow\theta-\eta\nabla\mathcal{L}(\theta)`}</Tex>
        </>
      }
    >
      {(layout: ExplainerLayout) => <SearchPanels m={m} size={mapSize(width, height, layout.plotWidth(width), layout.compact)} />}
    </Explainer>
  );
}

/** The three maps and the cost arithmetic. */
function SearchPanels({ m, size }: { m: SearchModel; size: { width: number; height: number; full: number } }) {
  const common = { width: size.width, height: size.height, field: m.field, domain: m.domain, optimum: m.optimum };
  return (
    <>
      <SearchStyles />
      <SearchMap {...common} title={`Grid search (${m.state.gridPoints} × ${m.state.gridPoints})`} summary={searchSummary(m.grid.length, m.gridBest)} testId="grid" count={m.grid.length}>
        {(o) => <EvaluationMarks o={o} evals={m.grid} best={m.gridBest} />}
      </SearchMap>
      <SearchMap {...common} title={`Random search (${m.state.randomSamples} draws)`} summary={searchSummary(m.random.length, m.randomBest)} testId="random" count={m.random.length}>
        {(o) => <EvaluationMarks o={o} evals={m.random} best={m.randomBest} />}
      </SearchMap>
      <SearchMap {...common} title={`Gradient descent (η = ${m.state.learningRate})`} summary={gdSummary(m.gd)} testId="gd" count={m.gd.length}>
        {(o) => <PathMarks o={o} steps={m.gd} />}
      </SearchMap>
      <CostPanel state={m.state} gdEvaluations={m.gd.length} width={size.full} onChange={m.actions.update} />
    </>
  );
}

/** The key to the marks and to the colour map of 𝓛. */
function SearchLegend({ m }: { m: SearchModel }) {
  return (
    <div className="gl-legend-row">
      <Legend
        label="Key to the maps"
        items={[
          { label: 'θ where the loss was evaluated', color: ON_MAP.fill, outline: ON_MAP.outline, shape: 'dot' },
          { label: 'the best θ found (ringed)', color: ON_MAP.fill, outline: ON_MAP.outline, shape: 'dot' },
          { label: 'gradient-descent path', color: conceptColor('gd') },
          { label: 'θ*: the least-squares optimum', color: conceptColor('optimum'), shape: 'dot' },
        ]}
      />
      <ColorLegend kind="sequential" title="loss 𝓛 (contour bands)" domain={[m.field.min, m.field.max]} thresholds={logThresholds(m.field)} ticks={4} width={220} testId="loss-key" />
    </div>
  );
}
