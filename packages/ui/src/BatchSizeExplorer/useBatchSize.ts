import { useMemo, useRef } from 'react';
import { sampleField } from '../common/field';
import { sanitizeDefaultValue, useControllableState } from '../hooks/useControllableState';
import { usePlayback } from '../hooks/usePlayback';
import { batchObjective, DEFAULT_STATE, frameState, runBatches, startOf, STATE_CHECKS, statusText, type BatchSizeExplorerState } from './model';

/** What the hook needs from the props. */
export interface BatchInputs {
  seed: number;
  nSamples: number;
  maxEpochs: number;
  stepCost: number;
  sampleCost: number;
  value?: BatchSizeExplorerState;
  defaultValue?: Partial<BatchSizeExplorerState>;
  onValueChange?: (state: BatchSizeExplorerState) => void;
}

/** The state, the three runs, playback and actions. */
export function useBatchSize({ seed, nSamples, maxEpochs, stepCost, sampleCost, value, defaultValue, onValueChange }: BatchInputs) {
  const clean = useMemo(() => sanitizeDefaultValue<BatchSizeExplorerState>('BatchSizeExplorer', defaultValue, STATE_CHECKS), [defaultValue]);
  const [state, setState] = useControllableState<BatchSizeExplorerState>({ value, defaultValue: { ...DEFAULT_STATE, ...clean }, onChange: onValueChange });
  const objective = useMemo(() => batchObjective(nSamples, seed), [nSamples, seed]);
  const domain = objective.domain!;
  const epochs = Math.min(state.epochs, maxEpochs);
  const runs = useMemo(
    () => runBatches({ objective, nSamples, batchSize: state.batchSize, learningRate: state.learningRate, epochs, seed, stepCost, sampleCost }),
    [objective, nSamples, state.batchSize, state.learningRate, epochs, seed, stepCost, sampleCost],
  );
  const field = useMemo(() => sampleField((t) => objective.loss(t), domain, 100, 100), [objective, domain]);
  const done = epochs >= maxEpochs;
  const rootRef = useRef<HTMLElement | null>(null);
  const { playing, setPlaying, stats } = usePlayback({
    done,
    target: rootRef,
    interval: 150,
    onFrame: () => setState((s) => ({ ...s, epochs: Math.min(maxEpochs, s.epochs + 1) })),
  });
  const actions = {
    step: () => setState((s) => ({ ...s, epochs: Math.min(maxEpochs, s.epochs + 1) })),
    togglePlay: () => setPlaying((p) => !p),
    reset: () => {
      setPlaying(false);
      setState((s) => ({ ...s, epochs: 0 }));
    },
    setBatchSize: (batchSize: number) => setState((s) => ({ ...s, batchSize })),
    setLearningRate: (learningRate: number) => setState((s) => ({ ...s, learningRate })),
  };
  return {
    state,
    domain,
    field,
    start: startOf(objective),
    optimum: objective.minimum!,
    epochs,
    runs,
    done,
    playing,
    stats,
    rootRef,
    actions,
    status: statusText(runs, epochs, maxEpochs),
    frameState: frameState(runs, playing, done, epochs),
  };
}

/** Everything {@link useBatchSize} returns. */
export type BatchModel = ReturnType<typeof useBatchSize>;
