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
