import { useMemo, useRef } from 'react';
import { sampleField } from '../common/field';
import { sanitizeDefaultValue, useControllableState } from '../hooks/useControllableState';
import { usePlayback } from '../hooks/usePlayback';
import { bestOf, DEFAULT_STATE, frameState, runSearches, searchObjective, STATE_CHECKS, type SearchComparisonState } from './model';

/** What the hook needs from the props. */
export interface SearchInputs {
  seed: number;
  value?: SearchComparisonState;
  defaultValue?: Partial<SearchComparisonState>;
  onValueChange?: (state: SearchComparisonState) => void;
}

/** The state, the three searches cut to the evaluations shown, playback and actions. */
export function useSearchComparison({ seed, value, defaultValue, onValueChange }: SearchInputs) {
  const clean = useMemo(() => sanitizeDefaultValue<SearchComparisonState>('SearchComparison', defaultValue, STATE_CHECKS), [defaultValue]);
  const [state, setState] = useControllableState<SearchComparisonState>({ value, defaultValue: { ...DEFAULT_STATE, ...clean }, onChange: onValueChange });
  const objective = useMemo(() => searchObjective(seed), [seed]);
  const domain = objective.domain!;
  const field = useMemo(() => sampleField((t) => objective.loss(t), domain, 80, 80), [objective, domain]);
  const runs = useMemo(
    () => runSearches(objective, { ...DEFAULT_STATE, gridPoints: state.gridPoints, randomSamples: state.randomSamples, learningRate: state.learningRate }, seed),
    [objective, state.gridPoints, state.randomSamples, state.learningRate, seed],
  );
  const { total } = runs;
  const shown = state.shown === undefined ? total : Math.max(0, Math.min(total, state.shown));
  const done = shown >= total;
  const grid = runs.grid.slice(0, shown);
  const random = runs.random.slice(0, shown);
  const gd = runs.gd.slice(0, Math.max(1, shown));
  const optimum = objective.minimum!;

  const rootRef = useRef<HTMLElement | null>(null);
  const { playing, setPlaying, stats } = usePlayback({
    done,
    target: rootRef,
    interval: 40,
    onFrame: () => setState((s) => ({ ...s, shown: Math.min(total, (s.shown ?? total) + Math.max(1, Math.round(total / 80))) })),
  });
  const actions = {
    step: () => setState((s) => ({ ...s, shown: Math.min(total, (s.shown ?? total) >= total ? 1 : (s.shown ?? 0) + 1) })),
    togglePlay: () => {
      if (!playing && done) setState((s) => ({ ...s, shown: 0 }));
      setPlaying((p) => !p);
    },
    reset: () => {
      setPlaying(false);
      setState((s) => ({ ...s, shown: 0 }));
    },
    setGridPoints: (gridPoints: number) => setState((s) => ({ ...s, gridPoints, shown: undefined })),
    setRandomSamples: (randomSamples: number) => setState((s) => ({ ...s, randomSamples, shown: undefined })),
    update: setState,
  };
  return {
    state,
    field,
    domain,
    optimum,
    optLoss: objective.loss(optimum),
    grid,
    random,
    gd,
    gridBest: bestOf(grid),
    randomBest: bestOf(random),
    shown,
    done,
    playing,
    stats,
    rootRef,
    actions,
    frameState: frameState(playing, done, shown),
  };
}

/** Everything {@link useSearchComparison} returns. */
export type SearchModel = ReturnType<typeof useSearchComparison>;
