import { classColor, conceptColor } from '../common/colors';
import { Explainer, type ExplainerLayout } from '../kit/Explainer';
import { explainerFrameProps, type ExplainerCommonProps, type ExplainerStateProps } from '../kit/explainerProps';
import { Legend } from '../kit/Legend';
import { CmControls } from './CmControls';
import { DataPlot } from './DataPlot';
import { MatrixGrid } from './MatrixGrid';
import { Formulas, Report } from './MetricsPanel';
import { cmSizes, type ConfusionMatrixState } from './model';
import { CmStyles } from './styles';
import { useConfusionMatrix, type CmModel } from './useConfusionMatrix';

export { TABLE3, type CmSource, type ConfusionMatrixState, type LiveDataset, type RowsAre } from './model';

/** Props of {@link ConfusionMatrix}. Other attributes (`id`, `aria-*`, `data-*`) go to the root `<figure>`. */
export interface ConfusionMatrixProps extends Omit<ExplainerCommonProps, 'showPerformance'>, ExplainerStateProps<ConfusionMatrixState> {
  /** Width of the explainer in px. Default 960 (shrinks to the container; one column below 640 px). */
  width?: number;
  /** Height hint in px (checked like `width`; the parts size themselves). Default 560. */
  height?: number;
  /** Points of the live classifier's data set (80 % train, 20 % test). Default 250. */
  nSamples?: number;
  /** Seed of the data and of the split. Default 0. */
  seed?: number;
  /** Accessible name and title. Default "The confusion matrix". */
  label?: string;
}

/**
 * The confusion matrix and the metrics read from it — accuracy, per-class precision,
 * recall and F₁, their macro and weighted averages — each formula beside the grid, with
 * the terms a hovered or focused cell enters highlighted (TP, or FN of its true class and
 * FP of its predicted class, and the row and column sums). The counts come from a
 * logistic regression trained live (threshold slider for two classes) or from the
 * slides' Table 3, whose printed percentages are recomputed and checked.
 */
export function ConfusionMatrix({
  width = 960,
  height = 560,
  nSamples = 250,
  seed = 0,
  value,
  defaultValue,
  onValueChange,
  ...rest
}: ConfusionMatrixProps) {
  const model = useConfusionMatrix({ nSamples, seed, value, defaultValue, onValueChange });
  return (
    <Explainer
      {...explainerFrameProps(rest, { label: 'The confusion matrix', width, height })}
      state={model.frameState}
      status={model.status}
      statusProps={{ 'data-testid': 'status', 'data-accuracy': model.metrics.accuracy, 'data-source': model.state.source, 'data-rows': model.state.rows }}
      controls={<CmControls model={model} />}
      legend={<CmLegend model={model} />}
      caption={
        model.state.source === 'table3'
          ? 'Table 3 as the slide prints it: rows are the PREDICTED class, columns the TRUE class (scikit-learn’s confusion_matrix is the transpose). LP events are 91 % of the data, so a classifier that always says LP is already 91 % accurate: read the recall of the rare classes and the macro average instead.'
          : 'A logistic regression fitted on 80 % of the points, scored on the other 20 %. Slide the threshold: counts move between the cells of a row, trading precision for recall. On the imbalanced blobs, compare the accuracy with that of always predicting the majority class.'
      }
    >
      {(layout: ExplainerLayout) => <CmBody model={model} layout={layout} width={width} />}
    </Explainer>
  );
}

/** The panels: the data (live only), the grid with its formulas, and the report. */
function CmBody({ model, layout, width }: { model: CmModel; layout: ExplainerLayout; width: number }) {
  const s = cmSizes(width, layout.plotWidth(width), layout.compact);
  const live = model.state.source === 'live';
  return (
    <>
      <CmStyles />
      {live && model.fit && (
        <div className="gl-panel" data-gl-panel="data">
          <DataPlot model={model} size={s.plot} />
        </div>
      )}
      {model.C && (
        <div className="gl-panel gl-cm-main" data-gl-panel="matrix" style={{ maxWidth: s.side }}>
          <MatrixGrid model={model} />
          <Formulas model={model} />
        </div>
      )}
      {model.C && (
        <div className="gl-panel" data-gl-panel="report">
          <Report model={model} />
        </div>
      )}
    </>
  );
}

/** The key: class colours (live), correct and wrong cells, the highlighted row and column. */
function CmLegend({ model }: { model: CmModel }) {
  const live = model.state.source === 'live';
  return (
    <div className="gl-legend-row">
      <Legend
        label="Key to the confusion matrix"
        items={[
          ...(live ? model.names.map((n, k) => ({ label: n, color: classColor(k), shape: 'dot' as const })) : []),
          ...(live ? [{ label: 'misclassified test point (ring)', color: conceptColor('diverged'), shape: 'dot' as const }] : []),
          { label: 'correct: diagonal, TP', color: conceptColor('optimum'), shape: 'dot' as const },
          { label: 'error: FN of its true class, FP of its predicted class', color: conceptColor('diverged'), shape: 'dot' as const },
          { label: 'row and column the focused cell is summed in', color: conceptColor('data'), shape: 'dashed' as const },
        ]}
      />
    </div>
  );
}
