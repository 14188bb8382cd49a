import { classColor } from '../common/colors';
import { Tex } from '../common/Tex';
import { Explainer, type ExplainerLayout } from '../kit/Explainer';
import { useExplainerFrame, type ExplainerCommonProps, type ExplainerStateProps } from '../kit/explainerProps';
import { Legend } from '../kit/Legend';
import { PerformanceReadout } from '../kit/PerformanceReadout';
import { ForestGrid, VoteBars } from './ForestPanels';
import { argmax, fmt, treeSizes, type TreeAndForestState } from './model';
import { ForestPlot, PartitionPlot } from './PartitionPlot';
import { TreeStyles } from './styles';
import { DataControls, GrowControls } from './TreeControls';
import { TreeDiagram } from './TreeDiagram';
import { useTreeAndForest, type TreeModel } from './useTreeAndForest';

export type { TreeAndForestState, TreeCriterion, TreeDataset, TreeMode } from './model';

/** Props of {@link TreeAndForest}. Other attributes (`id`, `aria-*`, `data-*`) go to the root `<figure>`. */
export interface TreeAndForestProps extends ExplainerCommonProps, ExplainerStateProps<TreeAndForestState> {
  /** Width of the pictures in px. Default 960 (shrinks to the container). */
  width?: number;
  /** Height of the tree diagram and the plane in px. Default 420. */
  height?: number;
  /** Seed of the 2-D data sets, the trees' tie-breaks and the forest's bootstrap. Default 0. */
  seed?: number;
  /** Accessible name and title. Default "Decision trees and random forests". */
  label?: string;
  /** Show the frame rate while growing and the forest's refit time (developer telemetry). Default false. */
  showPerformance?: boolean;
  /** Fit the forest in a Web Worker (default true; false runs it on the main thread in slices). */
  worker?: boolean;
}

/**
 * "Decision trees learn to predict y with feature splitting; random forests are ensembles of
 * decision trees that vote for y." A CART tree grows node by node on iris (all four
 * features) or a 2-D set: its diagram (split, impurity, samples, class counts) beside the
 * axis-aligned partition of the plane; hover or focus a node to see its region. Then a random
 * forest (fitted in a Web Worker): each tree's boundary as a small multiple and their votes
 * at a point the student drags.
 */
export function TreeAndForest({
  width = 960,
  height = 420,
  seed = 0,
  value,
  defaultValue,
  onValueChange,
  showPerformance = false,
  worker = true,
  ...rest
}: TreeAndForestProps) {
  const model = useTreeAndForest({ seed, value, defaultValue, onValueChange, worker });
  const frame = useExplainerFrame(rest, { label: 'Decision trees and random forests', width, height }, model);
  const forestMs = model.forest?.ms;
  return (
    <Explainer
      {...frame}
      statusProps={{ 'data-testid': 'status', 'data-mode': model.state.mode, 'data-grown': model.grown, 'data-nodes': model.total, 'data-votes': model.counts?.join(',') }}
      controls={
        <>
          <DataControls model={model} />
          <GrowControls model={model} />
        </>
      }
      legend={<Legend label="Classes" items={model.data.classNames.map((c, k) => ({ label: c, color: classColor(k), shape: 'dot' as const }))} />}
      footer={
        <PerformanceReadout
          show={showPerformance}
          fps={model.playing ? model.stats.fps : undefined}
          extra={forestMs !== undefined ? { [`forest refit (${model.forest!.trees.length} trees, ${model.data.X.length} points)`]: forestMs, 'with worker start': model.forest!.totalMs } : undefined}
        />
      }
      caption={
        model.state.mode === 'tree'
          ? 'Each split cuts a region of the plane in two along one feature, the cut that lowers the impurity most; hover or focus a node to see its region and its samples.'
          : 'Each tree, grown on a bootstrap sample with one random feature per split, draws a different boundary; drag the point and watch the trees vote.'
      }
      maths={<TreeMaths model={model} />}
    >
      {(layout: ExplainerLayout) => {
        const s = treeSizes(width, height, layout.plotWidth(width), layout.compact);
        const w = layout.plotWidth(width);
        return (
          <>
            <TreeStyles />
            {model.state.mode === 'tree' ? (
              <>
                <TreeDiagram model={model} width={s.diagram.width} height={s.diagram.height} />
                <PartitionPlot model={model} size={s.plane} />
              </>
            ) : (
              <>
                <ForestPlot model={model} size={s.plane} />
                <div className="gl-panel gl-tree-side" data-gl-panel="forest-side" data-forest-ms={forestMs?.toFixed(1)} data-forest-total-ms={model.forest?.totalMs.toFixed(1)} style={{ width: layout.compact ? w : s.diagram.width }}>
                  <VoteBars model={model} width={Math.min(360, layout.compact ? w : s.diagram.width)} />
                  <ForestGrid model={model} width={layout.compact ? w : s.diagram.width} />
                </div>
              </>
            )}
          </>
        );
      }}
    </Explainer>
  );
}

/** The impurity measures, the split's impurity decrease, and the forest's vote, with the focused (or newest) node's numbers. */
function TreeMaths({ model }: { model: TreeModel }) {
  const nodes = model.tree?.nodes ?? [];
  const id = model.focus ?? Math.max(0, Math.min(model.grown, nodes.length) - 1);
  const n = nodes[id];
  const total = n ? n.value.reduce((a, b) => a + b, 0) : 0;
  const ps = n ? n.value.map((c) => fmt(c / total)) : [];
  const gini = model.state.criterion === 'gini';
  const eval_ = n
    ? gini
      ? String.raw`\quad i(t_{${id}})=1-(${ps.map((p) => `${p}^2`).join('+')})=${fmt(n.impurity)}`
      : String.raw`\quad i(t_{${id}})=-\textstyle\sum_k p_k\log_2 p_k=${fmt(n.impurity)}`
    : '';
  return (
    <>
      <Tex block>{String.raw`\text{Gini: } i(t)=1-\sum_k p_k^2`}</Tex>
      <Tex block>{String.raw`\text{entropy: } i(t)=-\sum_k p_k\log_2 p_k`}</Tex>
      {model.state.mode === 'tree' ? (
        <>
          <Tex block>{String.raw`\Delta=\frac{N_t}{N}\Bigl(i(t)-\frac{N_L}{N_t}\,i(L)-\frac{N_R}{N_t}\,i(R)\Bigr)${n && n.left >= 0 ? String.raw`=${fmt(model.tree!.decrease[id])}` : ''}`}</Tex>
          {n && <Tex block>{`p_k=(${ps.join(',\\ ')})${eval_}`}</Tex>}
        </>
      ) : (
        <>
          <Tex block>{String.raw`\hat y(\mathbf{x})=\operatorname*{mode}_{t=1..T}\ \hat y_t(\mathbf{x})${model.counts ? String.raw`\qquad T=${model.counts.reduce((a, b) => a + b, 0)},\ \hat y=\text{${model.data.classNames[argmax(model.counts)]}}` : ''}`}</Tex>
          <Tex block>{String.raw`p(k\mid\mathbf{x})=\frac1T\sum_{t=1}^{T}p_t(k\mid\mathbf{x})`}</Tex>
        </>
      )}
    </>
  );
}
