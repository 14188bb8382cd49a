import { useEffect, useRef, useState, type RefObject } from 'react';

/** Options of {@link useAnimationLoop}. */
export interface AnimationLoopOptions {
  /** Whether the loop should run. */
  running: boolean;
  /** Called once per animation frame with the frame's timestamp; return false to stop. */
  onFrame: (now: number) => boolean | void;
  /** Pause while this element is scrolled off-screen (IntersectionObserver). */
  target?: RefObject<Element | null>;
  /** Least time between frames, ms (for example 250 under reduced motion). Default 0. */
  minInterval?: number;
}

/** Frame statistics measured by {@link useAnimationLoop}, for an FPS readout. */
export interface FrameStats {
  /** Frames per second over the last second. */
  fps: number;
  /** Mean time spent in onFrame, ms. */
  frameTime: number;
}

/**
 * Runs `onFrame` on requestAnimationFrame while `running`, pausing when `target` is
 * off-screen, and cancels the frame on unmount, so no callback outlives the component.
 * Training code yields to the browser between batches this way.
 */
export function useAnimationLoop({ running, onFrame, target, minInterval = 0 }: AnimationLoopOptions): FrameStats {
  const cb = useRef(onFrame);
  cb.current = onFrame;
  const [visible, setVisible] = useState(true);
  const [stats, setStats] = useState<FrameStats>({ fps: 0, frameTime: 0 });

  useEffect(() => {
    const el = target?.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => setVisible(entries.some((e) => e.isIntersecting)));
    io.observe(el);
    return () => io.disconnect();
  }, [target]);

  useEffect(() => {
    if (!running || !visible || typeof requestAnimationFrame === 'undefined') return;
    let id = 0;
    let last = -Infinity;
    let windowStart = performance.now();
    let frames = 0;
    let busy = 0;
    const tick = (now: number) => {
      if (now - last >= minInterval) {
        last = now;
        const t0 = performance.now();
        const more = cb.current(now);
        busy += performance.now() - t0;
        frames++;
        if (now - windowStart >= 1000) {
          setStats({ fps: (frames * 1000) / (now - windowStart), frameTime: busy / frames });
          windowStart = now;
          frames = 0;
          busy = 0;
        }
        if (more === false) return;
      }
      id = requestAnimationFrame(tick);
    };
    id = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(id);
  }, [running, visible, minInterval]);

  return stats;
}
