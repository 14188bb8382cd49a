import { MatrixGrid } from '../ConfusionMatrix/MatrixGrid';
import { metricsOf } from '../ConfusionMatrix/model';
import type { CmModel } from '../ConfusionMatrix/useConfusionMatrix';
import { CmStyles } from '../ConfusionMatrix/styles';
import { FitProgress } from '../worker/FitProgress';
import { Button } from '../kit/buttons';
import { CLASS_NAMES, macroRecall, pct } from './model';
import type { HeldOut, SeismicModel } from './useSeismicClassifier';

type Which = 'features' | 'cnn';

/**
 * The part of the confusion matrix's view model that {@link MatrixGrid} reads, built from
 * one held-out matrix: the grid, its margins (recall per true class, precision per predicted
 * class, as Table 3) and the focused cell, with the rows as the student chose.
 */
function gridModel(model: SeismicModel, which: Which, C: number[][]): CmModel {
  const focused = model.cell?.which === which ? model.cell.cell : null;
  const view = {
    C,
    names: [...CLASS_NAMES],
    metrics: metricsOf(C),
    cell: focused,
    state: { rows: model.state.rows, source: 'live' as const },
    actions: { focusCell: (c: [number, number] | null) => model.actions.focusCell(which, c) },
  };
  // MatrixGrid reads only these fields of the ConfusionMatrix hook's model.
  return view as unknown as CmModel;
}

/** One side: a title, the held-out accuracy and macro recall, and the matrix (or why there is none yet). */
function Side({ model, which, title, result, children }: { model: SeismicModel; which: Which; title: string; result: HeldOut | null; children?: React.ReactNode }) {
  return (
    <section className="gl-sc-side" data-testid={`${which}-side`} data-state={result ? 'done' : 'idle'} aria-label={title}>
      <h3 className="gl-sc-heading">{title}</h3>
      {children}
      {result ? (
        <>
          <p className="gl-sc-score" data-testid={`${which}-accuracy`} data-accuracy={result.accuracy}>
            accuracy <strong>{pct(result.accuracy)}</strong> · macro recall {pct(macroRecall(result.C))}
          </p>
          <MatrixGrid model={gridModel(model, which, result.C)} />
        </>
      ) : null}
    </section>
  );
}

/** The two confusion matrices side by side: hand-made features and the CNN's learned ones. */
export function MatrixPair({ model }: { model: SeismicModel }) {
  const { features, cnn } = model;
  return (
    <div className="gl-sc-pair">
      <CmStyles />
      <Side model={model} which="features" title="Hand-made features (Table 1)" result={features.result}>
        {model.built.running ? (
          <FitProgress value={model.built.progress} running label="Generating events and features" data-testid="data-progress" />
        ) : features.busy && !features.result ? (
          <p className="gl-sc-wait">fitting…</p>
        ) : null}
      </Side>
      <Side model={model} which="cnn" title="Learned features (1-D CNN on raw traces)" result={cnn.result}>
        <div className="gl-sc-cnn-run">
          <Button onClick={model.actions.trainCnn} disabled={cnn.busy || !model.data} data-testid="train-cnn">
            {cnn.result ? 'Train the CNN again' : 'Train the CNN'}
          </Button>
          <FitProgress value={cnn.progress} running={cnn.busy} label="CNN training" onCancel={model.actions.cancelCnn} error={cnn.error} data-testid="cnn-progress" />
        </div>
        {cnn.history.length > 0 ? <EpochStrip history={cnn.history} /> : null}
        {cnn.result?.diverged ? <p className="gl-sc-diverged">The loss diverged: training stopped there.</p> : null}
      </Side>
    </div>
  );
}

/** Held-out accuracy after each epoch, as a row of small bars (the learning curve, compactly). */
function EpochStrip({ history }: { history: { epoch: number; testAccuracy: number }[] }) {
  const last = history[history.length - 1];
  return (
    <div className="gl-sc-epochs" role="img" aria-label={`Held-out accuracy after each of ${history.length} epochs, last ${pct(last.testAccuracy)}`} data-testid="epoch-strip">
      {history.map((h) => (
        <span key={h.epoch} className="gl-sc-epoch" style={{ height: `${Math.max(2, Math.round(h.testAccuracy * 28))}px` }} title={`epoch ${h.epoch}: ${pct(h.testAccuracy)}`} />
      ))}
      <span className="gl-sc-epoch-label">epoch {last.epoch}: {pct(last.testAccuracy, 0)}</span>
    </div>
  );
}
