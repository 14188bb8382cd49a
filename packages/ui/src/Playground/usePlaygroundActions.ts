import { useReducer, useRef } from 'react';
import { parsePointsCsv } from './csv';
import { classCount, DATASETS, FEATURE_NAMES, MAX_EDITS, MAX_POINTS, type FeatureName, type PlaygroundDataset, type PlaygroundEdit, type PlaygroundSettings, type PlaygroundState, type ProblemType } from './state';
import { effectiveSettings } from './trainer';

/** Most states the undo history keeps. */
export const HISTORY_LIMIT = 100;

type SetState = (next: PlaygroundState | ((prev: PlaygroundState) => PlaygroundState)) => void;

/** The point edits of a run, moved to epoch 0 (they survive a reset or a new network). */
function pointEditsAtZero(edits: readonly PlaygroundEdit[]): PlaygroundEdit[] {
  return edits.filter((e) => e.point).map((e) => ({ at: 0, point: e.point }));
}

/**
 * Every change the user can make, each one kept in the undo history (a new network for a
 * configuration change, an edit at the current epoch for a setting, a weight or a point:
 * adding a point keeps the weights). Training steps are not history entries.
 */
export function usePlaygroundActions(state: PlaygroundState, setState: SetState, stop: () => void) {
  const past = useRef<PlaygroundState[]>([]);
  const future = useRef<PlaygroundState[]>([]);
  const [, bump] = useReducer((x: number) => x + 1, 0);
  const commit = (next: PlaygroundState) => {
    if (next === state) return;
    past.current.push(state);
    if (past.current.length > HISTORY_LIMIT) past.current.shift();
    future.current = [];
    setState(next);
    bump();
  };
  /** A configuration change: a fresh network at epoch 0; points added by hand stay when the data set does. */
  const config = (patch: Partial<PlaygroundState>, dropPoints = false) => {
    stop();
    const keepPoints = !dropPoints && (patch.dataset === undefined || patch.dataset === state.dataset) && (patch.problem === undefined || patch.problem === state.problem);
    commit({ ...state, ...patch, epoch: 0, edits: keepPoints ? pointEditsAtZero(state.edits) : [] });
  };
  const addEdit = (e: Omit<PlaygroundEdit, 'at'>) => {
    if (state.edits.length >= MAX_EDITS) return;
    commit({ ...state, edits: [...state.edits, { at: state.epoch, ...e }] });
  };
  return {
    canUndo: past.current.length > 0,
    canRedo: future.current.length > 0,
    undo: () => {
      const prev = past.current.pop();
      if (!prev) return;
      stop();
      future.current.push(state);
      setState(prev);
      bump();
    },
    redo: () => {
      const next = future.current.pop();
      if (!next) return;
      stop();
      past.current.push(state);
      setState(next);
      bump();
    },
    config: (patch: Partial<PlaygroundState>) => config(patch),
    /** A training setting: before training it is part of the configuration; during training it is an edit at this epoch. */
    setting: (patch: Partial<PlaygroundSettings>) => {
      if (state.epoch === 0 && !state.edits.some((e) => e.set || e.weight)) commit({ ...state, ...patch });
      else addEdit({ set: patch });
    },
    weight: (layer: number, from: number, to: number, v: number) => {
      if (Number.isFinite(v)) addEdit({ weight: [layer, from, to, v] });
    },
    /** Adds a training point at this epoch: the network keeps its weights. */
    addPoint: (pt: [number, number, number]) => {
      if (state.problem === 'classification' && !(Number.isInteger(pt[2]) && pt[2] >= 0 && pt[2] < Math.max(2, classCount(state)))) return;
      if (state.edits.filter((e) => e.point).length + state.points.length >= MAX_POINTS) return;
      addEdit({ point: pt });
    },
    clearPoints: () => config({ points: [] }, true),
    view: (patch: Partial<Pick<PlaygroundState, 'showTestData' | 'discretize'>>) => commit({ ...state, ...patch }),
    /** Back to epoch 0 with the settings in force; points added by hand stay. */
    reset: () => {
      stop();
      const st = effectiveSettings(state);
      const next: PlaygroundState = { ...state, ...st, epoch: 0, edits: pointEditsAtZero(state.edits) };
      if (state.epoch !== 0 || state.edits.length !== next.edits.length) commit(next);
    },
    toggleFeature: (f: FeatureName) => {
      const on = state.features.includes(f);
      if (on && state.features.length === 1) return;
      config({ features: on ? state.features.filter((g) => g !== f) : FEATURE_NAMES.filter((g) => g === f || state.features.includes(g)) });
    },
    dataset: (d: PlaygroundDataset) => config({ dataset: d, problem: d === 'custom' ? state.problem : DATASETS[d].problem }),
    problem: (p: ProblemType) => {
      const fits = (d: PlaygroundDataset) => d === 'custom' || DATASETS[d].problem === p;
      config({ problem: p, dataset: fits(state.dataset) ? state.dataset : p === 'regression' ? 'plane' : 'circle', points: [] });
    },
    /** Reads a CSV into the user's points (the 'custom' set); returns the message to show. */
    csv: (text: string): { ok: boolean; text: string } => {
      let problem = state.problem;
      let r = parsePointsCsv(text, problem);
      // The header names the problem ("target": regression): read it as such.
      if (r.ok && r.headerProblem && r.headerProblem !== problem) {
        problem = r.headerProblem;
        r = parsePointsCsv(text, problem);
      }
      if (!r.ok) return { ok: false, text: r.error };
      config({ dataset: 'custom', problem, points: r.points });
      return { ok: true, text: `Loaded ${r.points.length} points.${r.split ? ' (Their split column is not used: the ratio slider splits them.)' : ''}` };
    },
  };
}
