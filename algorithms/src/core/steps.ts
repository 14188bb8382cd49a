/**
 * Runs a step-by-step fit to its end and returns the generator's return value. Every
 * `fit()` is its `fitSteps()` drained this way, so each algorithm has one loop, not two.
 */
export function runToEnd<R>(steps: Iterator<unknown, R, undefined>): R {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
