import { MLP } from '@geolearn/algorithms/mlp';
import { useEffect, useRef, useState } from 'react';
import { X, Y, type TrainingSnapshot, type XorWeights } from './model';

/** The trained MLP's configuration. */
export interface TrainingConfig {
  /** Hidden units. */
  hidden: 2 | 3;
  /** Adam's learning rate η. */
  learningRate: number;
  /** Seed of the initial weights. */
  seed: number;
}

interface Trainer {
  key: string;
  mlp: MLP;
  losses: [number, number][];
  divergedAt: number | null;
}

/** The configuration as a string key: a new key means a fresh network. */
export function configKey(c: TrainingConfig): string {
  return `${c.seed}|${c.hidden}|${c.learningRate}`;
}

function weightsOf(mlp: MLP): XorWeights {
  const l0 = mlp.getWeights(0);
  const l1 = mlp.getWeights(1);
  return { W1: l0.weights, b1: l0.bias, W2: l1.weights.map((r) => r[0]), b2: l1.bias[0] };
}

function create(c: TrainingConfig): Trainer {
  const mlp = new MLP({ layerSizes: [2, c.hidden, 1], activation: 'tanh', loss: 'binaryCrossentropy', optimizer: 'adam', learningRate: c.learningRate, batchSize: 4, engine: 'plain', randomState: c.seed });
  mlp.setData(X as [number, number][], Y as number[]);
  return { key: configKey(c), mlp, losses: [], divergedAt: null };
}

/**
 * The trained MLP, kept out of render: an effect rebuilds it when the configuration changes
 * or the state goes back in time, steps it forward to `target` (the weights are a pure
 * function of seed and step), and publishes a snapshot (weights, losses, divergence) that
 * render reads. `config` null (another mode) keeps nothing. The network is disposed on unmount.
 */
export function useXorTraining(config: TrainingConfig | null, target: number): TrainingSnapshot | null {
  const trainer = useRef<Trainer | null>(null);
  const [snap, setSnap] = useState<TrainingSnapshot | null>(null);
  const key = config ? configKey(config) : null;
  useEffect(() => {
    if (!config || key === null) return;
    let t = trainer.current;
    if (!t || t.key !== key || t.mlp.stepCount > target) {
      t?.mlp.dispose();
      t = trainer.current = create(config);
    }
    while (t.mlp.stepCount < target && t.divergedAt === null) {
      const r = t.mlp.step();
      if (r.diverged) t.divergedAt = r.divergedAt;
      else t.losses.push([r.step, r.trainLoss]);
    }
    setSnap({ key, step: t.mlp.stepCount, losses: t.losses.slice(), divergedAt: t.divergedAt, weights: weightsOf(t.mlp) });
    // config is described by key.
  }, [key, target]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(
    () => () => {
      trainer.current?.mlp.dispose();
      trainer.current = null;
    },
    [],
  );
  return snap && snap.key === key ? snap : null;
}
