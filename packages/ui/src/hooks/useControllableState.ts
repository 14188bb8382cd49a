import { useCallback, useRef, useState } from 'react';

/** Options of {@link useControllableState}. */
export interface ControllableStateOptions<T> {
  /** The controlled value; when defined, the component mirrors it and never changes it itself. */
  value?: T;
  /** The initial value when uncontrolled. */
  defaultValue: T;
  /** Called with every new value, controlled or not. */
  onChange?: (value: T) => void;
}

/**
 * State that a parent may control (`value` + `onValueChange`) or leave to the component
 * (`defaultValue`), as radix-ui does. The setter accepts a value or an updater.
 *
 * Uncontrolled, an updater sees the latest value even within one event (two `+1`s give
 * +2). Controlled, the value is the parent's alone: an updater always starts from the
 * last `value` the parent rendered, so when the parent ignores `onChange`, two `+1`s from
 * 0 both report 1, never 1 then 2 (no drift from an optimistic local copy).
 */
export function useControllableState<T>({ value, defaultValue, onChange }: ControllableStateOptions<T>): [T, (next: T | ((prev: T) => T)) => void] {
  const [inner, setInner] = useState<T>(defaultValue);
  const controlled = value !== undefined;
  const current = controlled ? (value as T) : inner;
  // The value the setter starts from: the rendered value, plus (uncontrolled only) the
  // changes made since that render and not yet rendered.
  const latest = useRef(current);
  const rendered = useRef(current);
  if (!Object.is(rendered.current, current)) {
    rendered.current = current;
    latest.current = current;
  }
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const set = useCallback(
    (next: T | ((prev: T) => T)) => {
      const base = controlled ? rendered.current : latest.current;
      const resolved = typeof next === 'function' ? (next as (prev: T) => T)(base) : next;
      if (Object.is(resolved, base)) return;
      if (!controlled) {
        latest.current = resolved;
        setInner(resolved);
      }
      onChangeRef.current?.(resolved);
    },
    [controlled],
  );
  return [current, set];
}

/** How {@link sanitizeDefaultValue} checks one field. */
export type FieldCheck<V> = (value: unknown) => value is V;

/** Checks per field of a state `T`, as used by {@link sanitizeDefaultValue}. */
export type FieldChecks<T> = { [K in keyof T]-?: FieldCheck<T[K]> };

const warned = new Set<string>();

/**
 * Cleans a user's `defaultValue` (or `value`) before a component uses it: a field the
 * state does not have, or a value its check rejects, is reported once in the console
 * (`console.warn`, once per component and message) and dropped, so the component's
 * default takes its place: bad input never throws a TypeError deep in render.
 * Returns a new object holding only the valid fields; `undefined` and non-objects give `{}`.
 */
export function sanitizeDefaultValue<T extends object>(component: string, input: unknown, checks: FieldChecks<T>): Partial<T> {
  if (input === undefined || input === null) return {};
  const warn = (msg: string) => {
    const key = `${component}: ${msg}`;
    if (warned.has(key)) return;
    warned.add(key);
    console.warn(`[@geolearn/ui] ${key}`);
  };
  if (typeof input !== 'object' || Array.isArray(input)) {
    warn(`defaultValue should be an object, got ${Array.isArray(input) ? 'an array' : typeof input}; using the defaults.`);
    return {};
  }
  const out: Partial<T> = {};
  for (const [key, v] of Object.entries(input as Record<string, unknown>)) {
    const check = (checks as Record<string, FieldCheck<unknown> | undefined>)[key];
    if (!check) {
      warn(`unknown defaultValue field "${key}" ignored.`);
      continue;
    }
    if (v === undefined) continue;
    if (!check(v)) {
      warn(`defaultValue.${key} = ${safeString(v)} is not valid; using the default.`);
      continue;
    }
    (out as Record<string, unknown>)[key] = v;
  }
  return out;
}

function safeString(v: unknown): string {
  try {
    return typeof v === 'string' ? JSON.stringify(v) : String(JSON.stringify(v) ?? v);
  } catch {
    return String(v);
  }
}

/** Ready-made field checks for {@link sanitizeDefaultValue}. */
export const fieldCheck = {
  /** A finite number, optionally within [min, max]. */
  number:
    (min = -Infinity, max = Infinity) =>
    (v: unknown): v is number =>
      typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max,
  /** A whole number within [min, max]. */
  integer:
    (min = -Infinity, max = Infinity) =>
    (v: unknown): v is number =>
      typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max,
  /** A boolean. */
  boolean: (v: unknown): v is boolean => typeof v === 'boolean',
  /** One of the listed strings (or values). */
  oneOf:
    <V extends string | number>(...options: readonly V[]) =>
    (v: unknown): v is V =>
      options.includes(v as V),
  /** A tuple of `n` finite numbers. */
  tuple:
    <V extends number[] = number[]>(n: number) =>
    (v: unknown): v is V =>
      Array.isArray(v) && v.length === n && v.every((x) => typeof x === 'number' && Number.isFinite(x)),
  /** An array whose items all pass `item`. */
  arrayOf:
    <V>(item: (x: unknown) => x is V) =>
    (v: unknown): v is V[] =>
      Array.isArray(v) && v.every(item),
  /** Anything (a field with no constraint). */
  any: <V>(_v: unknown): _v is V => true,
};
