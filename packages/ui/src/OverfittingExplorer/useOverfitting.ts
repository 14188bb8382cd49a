import { learningCurve, validationCurve } from '@geolearn/algorithms';
import { useMemo } from 'react';
import { sanitizeDefaultValue, useControllableState } from '../hooks/useControllableState';
import { DEFAULT_STATE, learningSizes, mse, overfittingData, PolynomialRidge, STATE_CHECKS, statusText, type OverfittingExplorerState } from './model';

/** What the hook needs from the props. */
export interface OverfittingInputs {
  seed: number;
  nSamples: number;
  noise: number;
  testSize: number;
  maxDegree: number;
  value?: OverfittingExplorerState;
  defaultValue?: Partial<OverfittingExplorerState>;
  onValueChange?: (state: OverfittingExplorerState) => void;
}

/** The state, the fitted polynomial, both errors, the model-complexity and learning curves. */
export function useOverfitting({ seed, nSamples, noise, testSize, maxDegree, value, defaultValue, onValueChange }: OverfittingInputs) {
  const clean = useMemo(() => sanitizeDefaultValue<OverfittingExplorerState>('OverfittingExplorer', defaultValue, STATE_CHECKS), [defaultValue]);
  const [state, setState] = useControllableState<OverfittingExplorerState>({ value, defaultValue: { ...DEFAULT_STATE, ...clean }, onChange: onValueChange });
  const degree = Math.max(1, Math.min(maxDegree, Math.round(state.degree)));
  const lambda = Math.max(0, state.lambda);
  const data = useMemo(() => overfittingData(seed, nSamples, noise, testSize), [seed, nSamples, noise, testSize]);
  const nTrain = data.yTrain.length;
  const model = useMemo(() => new PolynomialRidge(degree, lambda).fit(data.XTrain, data.yTrain), [data, degree, lambda]);
  const trainError = mse(model, data.XTrain, data.yTrain);
  const testError = mse(model, data.XTest, data.yTest);
  const degrees = useMemo(() => Array.from({ length: maxDegree }, (_, k) => k + 1), [maxDegree]);
  const complexity = useMemo(
    () => validationCurve((d: number) => new PolynomialRidge(d, lambda), data.XTrain, data.yTrain, { paramRange: degrees, XTest: data.XTest, yTest: data.yTest }),
    [data, degrees, lambda],
  );
  const sizes = useMemo(() => learningSizes(nTrain), [nTrain]);
  const learning = useMemo(
    () => learningCurve(() => new PolynomialRidge(degree, lambda), data.XTrain, data.yTrain, { trainSizes: sizes, XTest: data.XTest, yTest: data.yTest }),
    [data, degree, lambda, sizes],
  );
  const points = useMemo(
    () => [
      ...data.XTrain.map((r, i) => ({ x: r[0], y: data.yTrain[i], kind: 'train' as const })),
      ...data.XTest.map((r, i) => ({ x: r[0], y: data.yTest[i], kind: 'test' as const })),
    ],
    [data],
  );
  return {
    state,
    degree,
    lambda,
    data,
    nTrain,
    model,
    trainError,
    testError,
    penalty: model.penalty(),
    complexity,
    learning,
    points,
    status: statusText(degree, lambda, trainError, testError),
    setDegree: (d: number) => setState((s) => ({ ...s, degree: d })),
    setLambda: (l: number) => setState((s) => ({ ...s, lambda: l })),
  };
}

/** Everything {@link useOverfitting} returns. */
export type OverfittingModel = ReturnType<typeof useOverfitting>;
