import { act, fireEvent, render, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { expect, vi } from 'vitest';

/**
 * Renders `ui`, presses its Play button, unmounts it, and checks that the animation frame
 * was cancelled (no rAF outlives the component).
 */
export function expectAnimationStopsOnUnmount(ui: ReactElement, play = 'Play'): void {
  const cancel = vi.spyOn(globalThis, 'cancelAnimationFrame');
  try {
    const { unmount } = render(ui);
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: play }));
    });
    unmount();
    expect(cancel).toHaveBeenCalled();
  } finally {
    cancel.mockRestore();
  }
}

/**
 * Replaces ResizeObserver by a stub and returns a function that "resizes" the observed
 * element to `width` px (inside act), for testing layouts that measure their container.
 * Undo with `vi.unstubAllGlobals()`.
 */
export function stubResizeObserver(): (width: number) => void {
  let cb: ResizeObserverCallback = () => {};
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(c: ResizeObserverCallback) {
        cb = c;
      }
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
  return (width: number) => act(() => cb([{ contentRect: { width } } as ResizeObserverEntry], {} as ResizeObserver));
}
