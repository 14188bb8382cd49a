/** Shared by the trace-preparation tests. */
import { expect } from 'vitest';
import { TraceError } from '@geolearn/algorithms/seismic';
import { ValidationError } from '../../src/core/errors';

/** Runs f and returns the TraceError (a ValidationError) it throws; fails if it throws nothing or something else. */
export function traceError(f: () => unknown): TraceError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(TraceError);
    expect(e).toBeInstanceOf(ValidationError);
    return e as TraceError;
  }
  throw new Error('expected a TraceError');
}
