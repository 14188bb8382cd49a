import { Button, ToggleButton } from '../kit/buttons';
import { Select } from '../kit/Segmented';
import { Slider } from '../kit/Slider';
import { fmt } from './model';
import { ACTIVATION_NAMES, MAX_LAYERS, PLAYGROUND_RANGES, REGULARIZATION_NAMES, type PlaygroundActivation, type PlaygroundRegularization, type PlaygroundSettings, type PlaygroundState, type ProblemType } from './state';

const ACT_LABEL: Record<PlaygroundActivation, string> = { tanh: 'Tanh', relu: 'ReLU', sigmoid: 'Sigmoid', linear: 'Linear' };
const REG_LABEL: Record<PlaygroundRegularization, string> = { none: 'None', l1: 'L1', l2: 'L2' };
/** The keys of each playback button (aria-keyshortcuts), as the TensorFlow Playground. */
const SHORTCUTS = { play: 'Space', step: 'S ArrowRight', reset: 'R' } as const;

/** Props of {@link TrainingControls}. */
export interface TrainingControlsProps {
  state: PlaygroundState;
  /** Settings in force (edits included). */
  settings: PlaygroundSettings;
  /** The epoch the network is at. */
  epoch: number;
  playing: boolean;
  done: boolean;
  canUndo: boolean;
  canRedo: boolean;
  onTogglePlay: () => void;
  onStep: () => void;
  onReset: () => void;
  onUndo: () => void;
  onRedo: () => void;
  /** A setting that may change while training (an edit at this epoch). */
  onSetting: (patch: Partial<PlaygroundSettings>) => void;
  /** A configuration change (a fresh network). */
  onConfig: (patch: Partial<Pick<PlaygroundState, 'activation' | 'normalize' | 'hidden'>>) => void;
  onProblem: (p: ProblemType) => void;
}

/** The controls row: Play/Step/Reset, undo, the epoch, η, activation, penalty, λ, dropout, normalisation, problem, layers. */
export function TrainingControls(p: TrainingControlsProps) {
  const s = p.state;
  const st = p.settings;
  return (
    <>
      <span className="gl-pg-row">
        <PlaygroundPlayback playing={p.playing} done={p.done} onTogglePlay={p.onTogglePlay} onStep={p.onStep} onReset={p.onReset} />
        <Button onClick={p.onUndo} disabled={!p.canUndo} aria-keyshortcuts="Control+Z">
          Undo
        </Button>
        <Button onClick={p.onRedo} disabled={!p.canRedo} aria-keyshortcuts="Control+Shift+Z">
          Redo
        </Button>
        <span className="gl-pg-epoch" data-testid="epoch">
          Epoch {String(p.epoch).padStart(4, '0')}
        </span>
      </span>
      <Slider label="Learning rate η" scale="log" value={st.learningRate} {...PLAYGROUND_RANGES.learningRate} width={110} format={fmt} onChange={(v) => p.onSetting({ learningRate: v })} />
      <Select label="Activation" value={s.activation} options={ACTIVATION_NAMES.map((a) => ({ value: a, label: ACT_LABEL[a] }))} onChange={(a) => p.onConfig({ activation: a })} />
      <Select label="Regularization" value={st.regularization} options={REGULARIZATION_NAMES.map((r) => ({ value: r, label: REG_LABEL[r] }))} onChange={(r) => p.onSetting({ regularization: r })} />
      <Slider label="Rate λ" value={st.regularizationRate} {...PLAYGROUND_RANGES.regularizationRate} width={80} format={fmt} onChange={(v) => p.onSetting({ regularizationRate: v })} />
      <Slider label="Dropout" value={st.dropout} {...PLAYGROUND_RANGES.dropout} width={80} format={(v) => `${Math.round(v * 100)}%`} onChange={(v) => p.onSetting({ dropout: v })} />
      <ToggleButton pressed={s.normalize} onPressedChange={(on) => p.onConfig({ normalize: on })} aria-describedby={undefined}>
        Normalise inputs
      </ToggleButton>
      <Select label="Problem" value={s.problem} options={[{ value: 'classification', label: 'Classification' }, { value: 'regression', label: 'Regression' }]} onChange={p.onProblem} />
      <span className="gl-pg-row" role="group" aria-label="Hidden layers">
        <span>Hidden layers: {s.hidden.length}</span>
        <Button disabled={s.hidden.length >= MAX_LAYERS} onClick={() => p.onConfig({ hidden: [...s.hidden, 2] })}>
          Add layer
        </Button>
        <Button disabled={s.hidden.length === 0} onClick={() => p.onConfig({ hidden: s.hidden.slice(0, -1) })}>
          Remove layer
        </Button>
      </span>
    </>
  );
}

/**
 * Play/Pause, Step, Reset in the kit's order and look (`.gl-playback`, `data-action`), made of
 * kit buttons so that each names its keys in the markup (`aria-keyshortcuts`, also in a
 * server render): the kit's `PlaybackButtons` takes no shortcut prop, and setting the
 * attribute from an effect left it missing until after the first paint.
 */
function PlaygroundPlayback({ playing, done, onTogglePlay, onStep, onReset }: { playing: boolean; done: boolean; onTogglePlay: () => void; onStep: () => void; onReset: () => void }) {
  return (
    <span className="gl-playback" data-state={done ? 'done' : playing ? 'playing' : 'paused'}>
      <Button data-action="play" onClick={onTogglePlay} disabled={done} aria-pressed={playing} aria-keyshortcuts={SHORTCUTS.play}>
        {playing ? 'Pause' : 'Play'}
      </Button>
      <Button data-action="step" onClick={onStep} disabled={done} aria-keyshortcuts={SHORTCUTS.step}>
        Step
      </Button>
      <Button data-action="reset" onClick={onReset} aria-keyshortcuts={SHORTCUTS.reset}>
        Reset
      </Button>
    </span>
  );
}
