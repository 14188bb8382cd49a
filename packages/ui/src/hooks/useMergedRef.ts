import { useCallback, type Ref } from 'react';

/** One callback ref that sets every given ref (object or function): a component's own ref plus the user's. */
export function useMergedRef<T>(...refs: (Ref<T> | undefined)[]): (el: T | null) => void {
  return useCallback(
    (el: T | null) => {
      for (const ref of refs) {
        if (typeof ref === 'function') ref(el);
        else if (ref) (ref as { current: T | null }).current = el;
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    refs,
  );
}
