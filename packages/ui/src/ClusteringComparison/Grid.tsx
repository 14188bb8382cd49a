import { Fragment, memo, useId, type ReactNode } from 'react';
import { visuallyHidden } from '../kit/Segmented';
import { CellCanvas } from './CellCanvas';
import {
  cellLine,
  formatAri,
  formatMs,
  DATASET_INFO,
  DATASETS,
  METHOD_INFO,
  METHODS,
  type CellResult,
  type ComparisonData,
  type DatasetName,
  type MethodName,
} from './model';
import type { ClusteringGrid, PlannedCell } from './useClusteringGrid';

/** Props of {@link Cell}. */
interface CellProps {
  cell: PlannedCell;
  data: ComparisonData;
  result: CellResult | null;
  size: number;
  themeKey: string;
  selected: boolean;
  /** Show the method's name on the cell (compact layout, where there are no column heads). */
  titled: boolean;
  onSelect: (dataset: DatasetName, method: MethodName) => void;
}

/** One cell: a button (click, Enter or Space opens its parameters) holding the plot and its numbers. */
const Cell = memo(function Cell({ cell, data, result, size, themeKey, selected, titled, onSelect }: CellProps) {
  const state = cell.problem ? 'invalid' : result ? 'done' : 'stale';
  const line = cell.problem ?? (result ? cellLine(result) : 'fitting…');
  const name = `${METHOD_INFO[cell.method].label} on ${DATASET_INFO[cell.dataset].label.toLowerCase()}`;
  const detail = result ? `${result.clusters} cluster${result.clusters === 1 ? '' : 's'}${result.noise ? `, ${result.noise} noise samples` : ''}` : '';
  const descId = useId();
  // WCAG 2.5.3 (label in name): the content names the button, so its visible text is its name;
  // a visually hidden part says which cell it is, and the details go to aria-describedby.
  return (
    <button
      type="button"
      className="gl-cc-cell"
      data-testid={`cell-${cell.id.replace('/', '-')}`}
      data-state={state}
      data-ari={result ? result.ari.toFixed(3) : undefined}
      data-ms={result ? Math.round(result.ms) : undefined}
      data-clusters={result ? result.clusters : undefined}
      aria-expanded={selected}
      aria-describedby={descId}
      onClick={() => onSelect(cell.dataset, cell.method)}
      style={{ width: size + 2 }}
    >
      {titled && <span className="gl-cc-cell-title">{METHOD_INFO[cell.method].label}</span>}
      <span style={visuallyHidden}>{titled ? ` on ${DATASET_INFO[cell.dataset].label.toLowerCase()}: ` : `${name}: `}</span>
      <CellCanvas data={data} result={result} size={size} themeKey={themeKey} />
      <span className="gl-cc-line">
        {result && !cell.problem ? (
          <>
            <span>ARI {formatAri(result.ari)}</span>
            <span style={visuallyHidden}> · </span>
            {/* A measured time: the story runner masks [data-gl-timing] in snapshots. */}
            <span data-gl-timing="">{formatMs(result.ms)}</span>
          </>
        ) : (
          line
        )}
      </span>
      <span id={descId} hidden>
        {detail ? `${detail}. ` : ''}Opens its parameters.
      </span>
    </button>
  );
});

/** Props of {@link ComparisonGrid}. */
export interface ComparisonGridProps {
  grid: ClusteringGrid;
  cell: number;
  /** Compact: one block per data set, `perRow` cells a row. */
  compact: boolean;
  perRow: number;
  /** Numbers over the plot instead of under it, and short column heads (slide mode). */
  overlay?: boolean;
  themeKey: string;
  /** The parameter panel, shown after the selected cell's row (or block). */
  panel: ReactNode;
}

/** The 6 × 5 grid of small multiples: data sets down, methods across (compact: one block per data set). */
export function ComparisonGrid({ grid, cell, compact, perRow, overlay = false, themeKey, panel }: ComparisonGridProps) {
  const { data, plan, results, state } = grid;
  if (!data) return null;
  const sel = state.selected;
  const select = (dataset: DatasetName, method: MethodName) =>
    grid.setState((s) => ({ ...s, selected: s.selected && s.selected.dataset === dataset && s.selected.method === method ? null : { dataset, method } }));
  const cellOf = (c: PlannedCell) => (
    <Cell
      key={c.id}
      cell={c}
      data={data[c.dataset]}
      result={results[c.id]?.sig === c.sig ? results[c.id] : null}
      size={cell}
      themeKey={themeKey}
      selected={sel?.dataset === c.dataset && sel.method === c.method}
      titled={compact}
      onSelect={select}
    />
  );
  if (compact) {
    return (
      <div className="gl-cc-main" data-testid="grid" data-layout="compact">
        {DATASETS.map((d) => (
          <section key={d} className="gl-cc-block" aria-label={DATASET_INFO[d].label}>
            <h3 className="gl-cc-block-title">{DATASET_INFO[d].label}</h3>
            <div className="gl-cc-cells" style={{ maxWidth: perRow * (cell + 2) + (perRow - 1) * 8 }}>
              {plan.filter((c) => c.dataset === d).map(cellOf)}
            </div>
            {sel?.dataset === d && panel}
          </section>
        ))}
      </div>
    );
  }
  return (
    <div
      className="gl-cc-grid gl-cc-main"
      data-testid="grid"
      data-layout="grid"
      data-overlay={overlay ? '' : undefined}
      role="group"
      aria-label="Methods (columns) on data sets (rows)"
      style={{ gridTemplateColumns: `92px repeat(${METHODS.length}, ${cell + 2}px)` }}
    >
      <span />
      {METHODS.map((m) => (
        <span key={m} className="gl-cc-colhead">
          {overlay ? METHOD_INFO[m].short : METHOD_INFO[m].label}
          <DefinitionTag method={m} />
        </span>
      ))}
      {DATASETS.map((d) => (
        <Fragment key={d}>
          <span className="gl-cc-rowhead">{DATASET_INFO[d].label}</span>
          {plan.filter((c) => c.dataset === d).map(cellOf)}
          {sel?.dataset === d && panel}
        </Fragment>
      ))}
    </div>
  );
}

/** The definition a method follows, as a small tag. */
export function DefinitionTag({ method }: { method: MethodName }) {
  const def = METHOD_INFO[method].definition;
  return (
    <span className="gl-cc-tag" data-definition={def}>
      {def}
    </span>
  );
}
