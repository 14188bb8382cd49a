import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { conceptColor } from '../common/colors';
import { Tex } from '../common/Tex';
import { useControllableState } from '../hooks/useControllableState';
import { usePlayback } from '../hooks/usePlayback';
import { Button } from '../kit/buttons';
import { Explainer, type ExplainerLayout, type ExplainerState } from '../kit/Explainer';
import { explainerFrameProps, type ExplainerCommonProps, type ExplainerStateProps } from '../kit/explainerProps';
import { useMergedRef } from '../hooks/useMergedRef';
import { Legend } from '../kit/Legend';
import { PerformanceReadout } from '../kit/PerformanceReadout';
import { DataPanel } from './DataPanel';
import { featureMaps, networkGeometry, outputField, panelLayout, statusText, type NeuronRef } from './model';
import { NetworkDiagram } from './NetworkDiagram';
import { OutputPanel } from './OutputPanel';
import { formatPointsCsv } from './csv';
import { decodePlaygroundState, DEFAULT_PLAYGROUND_STATE, encodePlaygroundState, FEATURES, MAX_EPOCH, sanitizePlaygroundState, trainCount, type PlaygroundState } from './state';
import { PlaygroundStyles } from './styles';
import { TrainingControls } from './TrainingControls';
import { effectiveSettings, EXTENT, GRID_SIZE, type PlaygroundTrainer } from './trainer';
import { usePlaygroundActions } from './usePlaygroundActions';
import { useTrainingRun } from './useTrainingRun';

/** Props of {@link Playground}. Any other prop (`id`, `aria-*`, `data-*`) goes to the root `<figure>`. */
export interface PlaygroundProps extends ExplainerCommonProps, ExplainerStateProps<PlaygroundState> {
  /** Largest width of the whole widget in px (it shrinks to its container). Default 980. */
  width?: number;
  /** Height of the network and output area in px. Default 470. */
  height?: number;
  /** Seed of the data, the split and the initial weights (the state's `seed` overrides it once changed). Default 0. */
  seed?: number;
  /** Controlled state (checked field by field like `defaultValue`). */
  value?: PlaygroundState;
  /** Initial state when uncontrolled, over the opening state; each field is checked, a bad one is reported once in the console and replaced by its default. */
  defaultValue?: Partial<PlaygroundState>;
  /**
   * Keep the state in the page URL's hash (`#data=spiral&hidden=8,8…`): read and validated
   * on mount, written back while not playing. Default false.
   */
  syncUrl?: boolean;
  /** Stop playing, and stop replaying a link, at this epoch. Default 10,000 (at most 100,000). */
  maxEpochs?: number;
  /** Accessible name and title. Default "Neural network playground". */
  label?: string;
  /** Show developer telemetry (steps/s, frame time) while playing. Default false. */
  showPerformance?: boolean;
}

const warned = new Set<string>();
/** One console warning per distinct list of problems. */
function warnOnce(what: string, errors: string[]): void {
  if (errors.length === 0) return;
  const msg = `[@geolearn/ui] Playground: ${what}: ${errors.join('; ')}; using the defaults for these.`;
  if (warned.has(msg)) return;
  warned.add(msg);
  console.warn(msg);
}

function download(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

const FEATURE_MAPS = featureMaps(GRID_SIZE, EXTENT);

/**
 * Everything the TensorFlow Playground has, and what its users asked for: a small MLP
 * trained live on 2-D data (circle, XOR, Gaussian, spiral, several classes with softmax,
 * two regression sets, or your own points by click or CSV), with input features x₁, x₂,
 * x₁², x₂², x₁x₂, sin x₁, sin x₂ (standardised or raw), up to 6 hidden layers of 8 neurons,
 * dropout, each neuron's output as a thumbnail (hover to see it large), weights drawn by sign
 * and magnitude and editable in place, the 100 × 100 output from one batched forward pass,
 * train and test loss curves, undo, a seed, a permalink of the whole state (replayed in
 * slices between frames), and model (JSON) and data (CSV) export.
 */
export function Playground({ width = 980, height = 470, seed = 0, value, defaultValue, onValueChange, syncUrl = false, maxEpochs = 10_000, showPerformance = false, ref, onKeyDown, ...rest }: PlaygroundProps) {
  const cap = Number.isFinite(maxEpochs) && maxEpochs >= 0 ? Math.min(MAX_EPOCH, Math.floor(maxEpochs)) : 10_000;
  const initial = useMemo(() => {
    const base = { ...DEFAULT_PLAYGROUND_STATE, seed: Number.isInteger(seed) && seed >= 0 && seed < 2 ** 31 ? seed : 0 };
    const r = sanitizePlaygroundState(defaultValue, base);
    warnOnce('defaultValue', r.errors);
    return r.state;
  }, [defaultValue, seed]);
  const controlled = useMemo(() => {
    if (value === undefined) return undefined;
    const r = sanitizePlaygroundState(value);
    warnOnce('value', r.errors);
    return r.errors.length ? r.state : value;
  }, [value]);
  const [state, setState] = useControllableState<PlaygroundState>({ value: controlled, defaultValue: initial, onChange: onValueChange });
  const [urlErrors, setUrlErrors] = useState<string[]>([]);
  const [preview, setPreview] = useState<{ at: NeuronRef | null; pinned: boolean }>({ at: null, pinned: false });
  const { trainer: t, replayingTo } = useTrainingRun(state, cap);

  const figureRef = useRef<HTMLElement | null>(null);
  const setRoot = useMergedRef<HTMLElement>(figureRef, ref);
  const diverged = t.divergedAt !== null;
  const done = diverged || state.epoch >= cap || t.trainRows === 0 || replayingTo !== null;
  const { playing, setPlaying, stats } = usePlayback({ done, target: figureRef, onFrame: () => setState((s) => ({ ...s, epoch: s.epoch + 1 })) });
  const stop = () => setPlaying(false);
  const act = usePlaygroundActions(state, setState, stop);

  // URL: read once on mount, write back while paused.
  useEffect(() => {
    if (!syncUrl || typeof window === 'undefined') return;
    const hash = window.location.hash;
    if (hash.length > 1) {
      const { state: s, errors } = decodePlaygroundState(hash);
      setUrlErrors(errors);
      setState(s);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [syncUrl]);
  useEffect(() => {
    if (!syncUrl || playing || typeof window === 'undefined') return;
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}#${encodePlaygroundState(state)}`);
  }, [syncUrl, playing, state]);

  const stepOnce = () => setState((s) => ({ ...s, epoch: s.epoch + 1 }));
  const onShortcut = (e: KeyboardEvent<HTMLElement>) => {
    onKeyDown?.(e);
    shortcut(e, { done, toggle: () => setPlaying((p) => !p), step: stepOnce, reset: act.reset, undo: act.undo, redo: act.redo });
  };
  const settings = effectiveSettings(state, t.epoch);
  const lastTrain = t.trainLoss.at(-1)?.[1];
  const status = replayingTo !== null ? `Replaying the run: epoch ${t.epoch.toLocaleString('en')} of ${replayingTo.toLocaleString('en')}…` : statusText({ epoch: t.epoch, diverged: t.divergedAt, learningRate: settings.learningRate, train: lastTrain, test: t.testLoss.at(-1)?.[1], accuracy: state.problem === 'classification' ? t.testAccuracy() : null, capped: state.epoch > cap, maxEpochs: cap });
  const xstate: ExplainerState = diverged ? 'diverged' : playing || replayingTo !== null ? 'playing' : done && t.epoch > 0 ? 'done' : t.epoch > 0 ? 'paused' : 'idle';
  const stepsPerSecond = t.lastMs > 0 ? (t.lastSteps / t.lastMs) * 1000 : 0;

  return (
    <Explainer
      data-testid="playground"
      tabIndex={-1}
      {...explainerFrameProps(rest, { label: 'Neural network playground', width, height })}
      ref={setRoot}
      onKeyDown={onShortcut}
      state={xstate}
      status={status}
      statusProps={{ 'data-testid': 'status', 'data-epoch': t.epoch, 'data-train-loss': lastTrain ?? '', 'data-diverged': diverged, 'aria-live': playing ? 'off' : 'polite' }}
      controls={
        <TrainingControls
          state={state}
          settings={settings}
          epoch={t.epoch}
          playing={playing}
          done={done}
          canUndo={act.canUndo}
          canRedo={act.canRedo}
          onTogglePlay={() => setPlaying((p) => !p)}
          onStep={stepOnce}
          onReset={act.reset}
          onUndo={act.undo}
          onRedo={act.redo}
          onSetting={act.setting}
          onConfig={act.config}
          onProblem={act.problem}
        />
      }
      legend={<Legend items={[{ label: 'positive weight', color: conceptColor('weightPos') }, { label: 'negative weight', color: conceptColor('weightNeg') }]} label="Weights" />}
      footer={
        <>
          <PlaygroundStyles />
          {replayingTo !== null && <ReplayProgress at={t.epoch} to={replayingTo} onStop={() => setState((s) => ({ ...s, epoch: t.epoch }))} />}
          {urlErrors.length > 0 && (
            <p className="gl-pg-message" data-state="error" data-testid="url-errors">
              Ignored in the link: {urlErrors.join('; ')}
            </p>
          )}
          <p className="gl-pg-keys" data-testid="shortcuts">
            Keys (with the playground focused): <kbd>Space</kbd> play/pause · <kbd>S</kbd> or <kbd>→</kbd> step · <kbd>R</kbd> reset
          </p>
          {showPerformance && playing && (
            <span data-testid="perf">
              <PerformanceReadout show fps={stats.fps} frameTime={t.lastMs + t.gridMs} stepsPerSecond={stepsPerSecond} extra={{ grid: t.gridMs }} />
            </span>
          )}
        </>
      }
      caption={`Each neuron's picture is a piece of the output: the first layer draws lines, deeper layers bend them into curves. Hover a neuron to see it large, hover a weight to read it, click it to change it.${state.normalize ? '' : ' The inputs are raw now (x₁² reaches 36): tanh and sigmoid units saturate, their gradient is nearly 0, and training crawls.'}`}
      maths={<PlaygroundMaths state={state} learningRate={settings.learningRate} dropout={settings.dropout} classes={t.data.nClasses} />}
    >
      {(layout: ExplainerLayout) => (
        <PlaygroundBody
          layout={layout}
          width={width}
          height={height}
          state={state}
          trainer={t}
          replaying={replayingTo !== null}
          preview={preview.at}
          onPreview={(n, pin) => setPreview((p) => (pin ? { at: n, pinned: n !== null } : p.pinned ? p : { at: n, pinned: false }))}
          act={act}
          batchSize={settings.batchSize}
        />
      )}
    </Explainer>
  );
}

/** The three panels, sized from the measured width: network | output side by side, the data below; one column when compact. */
function PlaygroundBody({ layout, width, height, state, trainer: t, replaying, preview, onPreview, act, batchSize }: { layout: ExplainerLayout; width: number; height: number; state: PlaygroundState; trainer: PlaygroundTrainer; replaying: boolean; preview: NeuronRef | null; onPreview: (n: NeuronRef | null, pin?: boolean) => void; act: ReturnType<typeof usePlaygroundActions>; batchSize: number }) {
  const pl = panelLayout(layout.plotWidth(width), height, layout.compact);
  const g = networkGeometry(pl.netW, height, state.hidden, pl.compact);
  // During a long replay the pictures refresh at most 4 times a second.
  const grid = t.gridOutputs(replaying ? 250 : 0);
  const version = t.version;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const weights = useMemo(() => Array.from({ length: t.mlp.layerSizes.length - 1 }, (_, l) => t.mlp.getWeights(l)), [t, version]);
  const out = useMemo(() => outputField(grid, state, t.nOut, null), [grid, state.problem, state.discretize, state.activation, t.nOut]); // eslint-disable-line react-hooks/exhaustive-deps
  const shown = useMemo(() => (preview ? outputField(grid, state, t.nOut, preview) : out), [grid, preview, out]); // eslint-disable-line react-hooks/exhaustive-deps
  const userPoints = state.points.length + state.edits.filter((e) => e.point).length;
  const exportModel = () =>
    download(
      'playground-model.json',
      JSON.stringify({ features: state.features, inputScaling: state.normalize ? { formula: '(x - mean) / sqrt(var + 1e-8)', mean: [...t.mean], std: [...t.std] } : 'raw features', problem: state.problem, classes: t.data.nClasses, epoch: t.epoch, permalink: encodePlaygroundState(state), model: t.mlp.toJSON() }, null, 1),
      'application/json',
    );
  const permalink = () => {
    const q = encodePlaygroundState(state);
    const url = typeof window !== 'undefined' ? `${window.location.href.split('#')[0]}#${q}` : `#${q}`;
    void navigator.clipboard?.writeText(url).catch(() => undefined);
    return url;
  };
  return (
    <>
      <div className="gl-panel gl-pg-network-panel" data-gl-panel="network" style={{ width: pl.netW }}>
        <NetworkDiagram geometry={g} features={state.features} hidden={state.hidden} activation={state.activation} nOut={t.nOut} weights={weights} grid={grid} output={out} featureMaps={FEATURE_MAPS} preview={preview} onPreview={onPreview} onToggleFeature={act.toggleFeature} onSetHidden={(h) => act.config({ hidden: h })} onEditWeight={act.weight} />
      </div>
      <OutputPanel
        width={pl.outW}
        heat={pl.heat}
        field={shown}
        showing={preview && shown !== out ? `Layer ${preview.layer} unit ${preview.unit + 1}` : 'Output'}
        data={t.data}
        problem={state.problem}
        classes={Math.max(2, t.data.nClasses)}
        showTestData={state.showTestData}
        discretize={state.discretize}
        onShowTestData={(on) => act.view({ showTestData: on })}
        onDiscretize={(on) => act.view({ discretize: on })}
        onAddPoint={act.addPoint}
        trainLoss={t.trainLoss}
        testLoss={t.testLoss}
      />
      <DataPanel
        width={pl.dataW}
        state={state}
        batchSize={batchSize}
        userPoints={userPoints}
        maxBatch={trainCount(state)}
        onDataset={act.dataset}
        onPatch={act.config}
        onBatchSize={(b) => act.setting({ batchSize: b })}
        onClearPoints={act.clearPoints}
        onCsv={act.csv}
        onExportModel={exportModel}
        onExportData={() => download('playground-data.csv', formatPointsCsv(t.data, state.problem), 'text/csv')}
        onPermalink={permalink}
      />
    </>
  );
}

/** The replay's progress bar (a permalink's epochs trained between frames), with a button to stop where it is. */
function ReplayProgress({ at, to, onStop }: { at: number; to: number; onStop: () => void }) {
  return (
    <div className="gl-pg-progress">
      <progress max={to} value={at} aria-label="Replaying the training run" data-testid="replay-progress" />
      <span>
        {Math.round((100 * at) / Math.max(1, to))}% of {to.toLocaleString('en')} epochs
      </span>
      <Button onClick={onStop}>Stop here</Button>
    </div>
  );
}

/** The network's and the update's formulas, with the values in force. */
function PlaygroundMaths({ state, learningRate, dropout, classes }: { state: PlaygroundState; learningRate: number; dropout: number; classes: number }) {
  const act = { tanh: '\\tanh', relu: '\\operatorname{ReLU}', sigmoid: '\\sigma', linear: '\\operatorname{id}' }[state.activation];
  const reg = state.regularization === 'l1' ? '\\|\\mathbf{w}\\|_1' : state.regularization === 'l2' ? '\\|\\mathbf{w}\\|_2^2' : '0';
  const loss = state.problem === 'regression' ? '\\text{MSE}' : classes > 2 ? '-\\tfrac1n\\sum_i\\sum_c t_{ic}\\log\\operatorname{softmax}_c' : '\\text{binary cross-entropy}';
  const feats = state.features.map((f) => FEATURES[f].tex).join(',\\,');
  return (
    <>
      <Tex block>{String.raw`\mathbf{x}=(${feats}),\quad ${state.normalize ? String.raw`\hat{x}_k=\frac{x_k-\mu_k}{\sqrt{\sigma_k^2+\varepsilon}},\quad ` : ''}\mathbf{h}^{(\ell)}=\varphi\bigl(\mathbf{W}^{(\ell)}\mathbf{h}^{(\ell-1)}+\mathbf{b}^{(\ell)}\bigr),\ \varphi=${act}`}</Tex>
      <Tex block>{String.raw`\theta\leftarrow\theta-\eta\,\frac{\partial}{\partial\theta}\bigl(\mathcal{L}+\lambda\mathcal{R}\bigr),\quad \eta=${learningRate},\ \lambda=${state.regularization === 'none' ? 0 : state.regularizationRate},\ \mathcal{R}=${reg}\ \text{(weights only)},\ \mathcal{L}=${loss}${dropout > 0 ? String.raw`,\ \text{dropout } p=${dropout}` : ''}`}</Tex>
    </>
  );
}

/**
 * The TensorFlow Playground's keys, for this widget only (focus inside it): Space plays or
 * pauses, S or → steps, R resets, Ctrl/⌘+Z undoes (with Shift, redoes). Fields keep their
 * own keys (typing, arrows on sliders), and Space on a button still presses that button.
 */
function shortcut(e: KeyboardEvent<HTMLElement>, a: { done: boolean; toggle: () => void; step: () => void; reset: () => void; undo: () => void; redo: () => void }): void {
  if (e.defaultPrevented || e.altKey) return;
  const el = e.target as HTMLElement;
  if (el.isContentEditable || /^(INPUT|SELECT|TEXTAREA|OPTION)$/.test(el.tagName)) return;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (e.ctrlKey || e.metaKey) {
    if (key !== 'z') return;
    if (e.shiftKey) a.redo();
    else a.undo();
  } else if (key === ' ') {
    if (el.tagName === 'BUTTON' || el.tagName === 'A' || el.getAttribute('role') === 'button') return;
    if (!a.done) a.toggle();
  } else if (key === 's' || key === 'ArrowRight') {
    if (el.getAttribute('role') === 'button' && el.tagName !== 'BUTTON') return;
    if (!a.done) a.step();
  } else if (key === 'r') a.reset();
  else return;
  e.preventDefault();
}
