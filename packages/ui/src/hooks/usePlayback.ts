import { useEffect, useState, type Dispatch, type RefObject, type SetStateAction } from 'react';
import { useAnimationLoop, type FrameStats } from './useAnimationLoop';
import { useReducedMotion } from './useReducedMotion';

/** Options of {@link usePlayback}. */
export interface PlaybackOptions {
  /** Whether the run has ended (last step reached, diverged…): playing stops by itself then. */
  done: boolean;
  /** Advances the state by one frame; gets whether the user asked for less motion. Return false to stop. */
  onFrame: (now: number, reducedMotion: boolean) => boolean | void;
  /** Pause while this element is scrolled off-screen. */
  target?: RefObject<Element | null>;
  /** Least time between frames, ms, with full motion. Default 0 (every frame). */
  interval?: number;
  /** Least time between frames under prefers-reduced-motion, ms. Default 250. */
  reducedInterval?: number;
}

/** What {@link usePlayback} returns. */
export interface Playback {
  /** Whether the animation runs. */
  playing: boolean;
  /** Starts, pauses or toggles it. */
  setPlaying: Dispatch<SetStateAction<boolean>>;
  /** Frame statistics, for an FPS readout while playing. */
  stats: FrameStats;
  /** Whether the user asked for less motion. */
  reducedMotion: boolean;
}

/**
 * The Play/Pause wiring every stepping explainer shares: a `playing` flag, an animation
 * loop that runs while playing and not `done` (slower under prefers-reduced-motion, paused
 * off-screen, stopped on unmount), and a stop once the run is done.
 */
export function usePlayback({ done, onFrame, target, interval = 0, reducedInterval = 250 }: PlaybackOptions): Playback {
  const [playing, setPlaying] = useState(false);
  const reducedMotion = useReducedMotion();
  const stats = useAnimationLoop({
    running: playing && !done,
    target,
    minInterval: reducedMotion ? reducedInterval : interval,
    onFrame: (now) => onFrame(now, reducedMotion),
  });
  useEffect(() => {
    if (done && playing) setPlaying(false);
  }, [done, playing]);
  return { playing, setPlaying, stats, reducedMotion };
}
