import { useMemo, useState, type RefObject } from 'react';
import { useAnimationLoop } from '../hooks/useAnimationLoop';
import { sanitizeDefaultValue, useControllableState } from '../hooks/useControllableState';
import { clusterPoints, defaultLabels, fitBoundary, makePoints, MAX_EPISODES, qLearn, STATE_CHECKS, type LearningTypesState } from './model';

/** Number of points in the supervised and unsupervised examples. */
export const N_POINTS = 10;

/** The default state: the definition, all three elements, no symbol, default labels, no episode. */
export function defaultState(): LearningTypesState {
  return { part: 'etp', task: 'detect', kept: ['E', 'T', 'P'], symbol: null, labels: defaultLabels(N_POINTS), episodes: 0 };
}

/** Options of {@link useLearningTypes}. */
export interface UseLearningTypesOptions {
  value?: LearningTypesState;
  defaultValue?: Partial<LearningTypesState>;
  onValueChange?: (s: LearningTypesState) => void;
  seed: number;
  target: RefObject<Element | null>;
}

/** The explainer's state, the derived fits and the Q-learning playback. */
export function useLearningTypes({ value, defaultValue, onValueChange, seed, target }: UseLearningTypesOptions) {
  // The initial state is read once, as useState does.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const initial = useMemo(() => ({ ...defaultState(), ...sanitizeDefaultValue('LearningTypes', defaultValue, STATE_CHECKS) }), []);
  const [state, setState] = useControllableState<LearningTypesState>({ value, defaultValue: initial, onChange: onValueChange });
  const points = useMemo(() => makePoints(seed, N_POINTS), [seed]);
  // A labels array of the wrong length (e.g. from an old permalink) is padded with the defaults.
  const labels = useMemo(() => points.map((_, i) => state.labels[i] ?? i % 2), [points, state.labels]);
  const boundary = useMemo(() => fitBoundary(points, labels), [points, labels]);
  const clusters = useMemo(() => clusterPoints(points, seed), [points, seed]);
  // Replaying ≤ 200 episodes of a 16-cell world from the seed takes well under a millisecond.
  const q = useMemo(() => qLearn(state.episodes, seed), [state.episodes, seed]);
  const [playing, setPlaying] = useState(false);
  const done = state.episodes >= MAX_EPISODES;
  const stats = useAnimationLoop({
    running: playing && state.part === 'types',
    target,
    minInterval: 60,
    onFrame: () => {
      setState((s) => ({ ...s, episodes: Math.min(MAX_EPISODES, s.episodes + 1) }));
      if (state.episodes + 1 >= MAX_EPISODES) {
        setPlaying(false);
        return false;
      }
    },
  });
  const actions = {
    set: <K extends keyof LearningTypesState>(k: K, v: LearningTypesState[K]) => setState((s) => ({ ...s, [k]: v })),
    toggleLabel: (i: number) => setState((s) => ({ ...s, labels: labels.map((l, j) => (j === i ? 1 - l : l)) })),
    resetLabels: () => setState((s) => ({ ...s, labels: defaultLabels(N_POINTS) })),
    step: () => setState((s) => ({ ...s, episodes: Math.min(MAX_EPISODES, s.episodes + 1) })),
    togglePlay: () => setPlaying((p) => !p && !done),
    reset: () => {
      setPlaying(false);
      setState((s) => ({ ...s, episodes: 0 }));
    },
  };
  return { state, points, labels, boundary, clusters, q, playing, done, stats, actions };
}
