import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fieldCheck, sanitizeDefaultValue, useControllableState } from '../src';

describe('useControllableState', () => {
  it('keeps its own state when uncontrolled and reports changes', () => {
    const onChange = vi.fn();
    const { result } = renderHook(() => useControllableState({ defaultValue: 1, onChange }));
    act(() => result.current[1](2));
    expect(result.current[0]).toBe(2);
    act(() => result.current[1]((v) => v + 1));
    expect(result.current[0]).toBe(3);
    expect(onChange).toHaveBeenLastCalledWith(3);
  });

  it('uncontrolled: two updaters in one event see each other (+2)', () => {
    const onChange = vi.fn();
    const { result } = renderHook(() => useControllableState({ defaultValue: 0, onChange }));
    act(() => {
      result.current[1]((v) => v + 1);
      result.current[1]((v) => v + 1);
    });
    expect(result.current[0]).toBe(2);
    expect(onChange.mock.calls.map((c) => c[0])).toEqual([1, 2]);
  });

  it('mirrors the value when controlled and only asks the parent to change', () => {
    const onChange = vi.fn();
    const { result, rerender } = renderHook(({ value }) => useControllableState({ value, defaultValue: 0, onChange }), { initialProps: { value: 5 } });
    act(() => result.current[1](6));
    expect(result.current[0]).toBe(5);
    expect(onChange).toHaveBeenCalledWith(6);
    rerender({ value: 6 });
    expect(result.current[0]).toBe(6);
  });

  it('never drifts when the parent rejects the change: two increments both report 1', () => {
    const onChange = vi.fn();
    const { result } = renderHook(() => useControllableState({ value: 0, defaultValue: 0, onChange }));
    act(() => result.current[1]((v) => v + 1));
    act(() => result.current[1]((v) => v + 1));
    expect(onChange.mock.calls.map((c) => c[0])).toEqual([1, 1]);
    // Also within one event.
    act(() => {
      result.current[1]((v) => v + 1);
      result.current[1]((v) => v + 1);
    });
    expect(onChange.mock.calls.map((c) => c[0])).toEqual([1, 1, 1, 1]);
    expect(result.current[0]).toBe(0);
  });

  it('follows the parent once it accepts', () => {
    const onChange = vi.fn();
    const { result, rerender } = renderHook(({ value }) => useControllableState({ value, defaultValue: 0, onChange }), { initialProps: { value: 0 } });
    act(() => result.current[1]((v) => v + 1));
    rerender({ value: 1 });
    act(() => result.current[1]((v) => v + 1));
    expect(onChange.mock.calls.map((c) => c[0])).toEqual([1, 2]);
  });
});

describe('sanitizeDefaultValue', () => {
  afterEach(() => vi.restoreAllMocks());
  interface S {
    rate: number;
    mode: 'a' | 'b';
    start: [number, number];
  }
  const checks = { rate: fieldCheck.number(0, 1), mode: fieldCheck.oneOf('a', 'b'), start: fieldCheck.tuple<[number, number]>(2) };

  it('keeps valid fields and drops unknown or invalid ones, warning once each', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const input = { rate: 2, mode: 'b', start: [1, 'x'], colour: 'red' };
    expect(sanitizeDefaultValue<S>('Demo1', input, checks)).toEqual({ mode: 'b' });
    expect(warn).toHaveBeenCalledTimes(3);
    expect(warn.mock.calls.join('\n')).toMatch(/unknown defaultValue field "colour"/);
    expect(warn.mock.calls.join('\n')).toMatch(/defaultValue.rate = 2 is not valid/);
    // The same problems again: no new warnings.
    sanitizeDefaultValue<S>('Demo1', input, checks);
    expect(warn).toHaveBeenCalledTimes(3);
  });

  it('never throws on junk', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(sanitizeDefaultValue<S>('Demo2', 42, checks)).toEqual({});
    expect(sanitizeDefaultValue<S>('Demo2', null, checks)).toEqual({});
    expect(sanitizeDefaultValue<S>('Demo2', [1, 2], checks)).toEqual({});
    expect(sanitizeDefaultValue<S>('Demo2', { start: [0.5, 2] }, checks)).toEqual({ start: [0.5, 2] });
    expect(warn).toHaveBeenCalledTimes(2);
  });
});
