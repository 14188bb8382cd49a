import { useEffect, useState } from 'react';

/**
 * Whether the system prefers a dark colour scheme, updated live ('light' on a server).
 * Canvases use it, with the explainer's `theme`, as a redraw key: they resolve their
 * colours from the `--gl-*` tokens, which change with the scheme.
 */
export function useColorScheme(): 'light' | 'dark' {
  const [scheme, setScheme] = useState<'light' | 'dark'>('light');
  useEffect(() => {
    if (typeof window === 'undefined' || !window.matchMedia) return;
    const q = window.matchMedia('(prefers-color-scheme: dark)');
    const on = () => setScheme(q.matches ? 'dark' : 'light');
    on();
    q.addEventListener?.('change', on);
    return () => q.removeEventListener?.('change', on);
  }, []);
  return scheme;
}
