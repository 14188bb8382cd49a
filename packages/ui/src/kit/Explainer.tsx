import {
  createContext,
  useCallback,
  useContext,
  useId,
  useRef,
  type ComponentPropsWithoutRef,
  type ReactNode,
  type Ref,
} from 'react';
import { useContainerWidth } from '../hooks/useContainerWidth';
import { BaseStyles } from './BaseStyles';

/** What an explainer is doing: the root's `data-state`. `error` is a bad size or input. */
export type ExplainerState = 'idle' | 'playing' | 'paused' | 'done' | 'diverged' | 'error';

/** Colour theme: follow the system (`auto`), or force one. */
export type Theme = 'light' | 'dark' | 'auto';

/** Below this container width (px) an explainer lays itself out in one column. */
export const COMPACT_BELOW = 640;

/** Largest size of a slide in `fit` mode, px. */
export const FIT_SIZE = { width: 960, height: 700 } as const;

/** The layout the frame measured, handed to its children. */
export interface ExplainerLayout {
  /** The frame's content width in px (0 until measured, and on a server). */
  width: number;
  /** Whether the width has been measured yet (false on a server and in the first render). */
  measured: boolean;
  /** Width below {@link COMPACT_BELOW}: stack the panels in one column. */
  compact: boolean;
  /** Slide mode: the whole explainer must fit {@link FIT_SIZE}. */
  fit: boolean;
  /** The `theme` prop (canvases redraw when it changes). */
  theme: Theme;
  /**
   * The width a main plot may take: the measured width (or `fallback` before measuring),
   * never more than `max`, and in `fit` mode never more than 960 px.
   */
  plotWidth: (fallback: number, max?: number) => number;
}

const LayoutContext = createContext<ExplainerLayout | null>(null);

/** The layout of the nearest {@link Explainer} (for parts deep inside one); null outside. */
export function useExplainerLayout(): ExplainerLayout | null {
  return useContext(LayoutContext);
}

/** Props of {@link Explainer}. Any other prop (`id`, `aria-*`, `data-*`, `style`…) goes to the root `<figure>`. */
export interface ExplainerProps extends Omit<ComponentPropsWithoutRef<'figure'>, 'title' | 'children'> {
  /** The visible title; it also names the figure (`aria-labelledby`). */
  title: ReactNode;
  /** The live status line (`aria-live="polite"`, class `gl-status`): step, loss, verdict. */
  status?: ReactNode;
  /** Extra attributes of the status `<output>` (`data-testid`, `data-loss`…). */
  statusProps?: ComponentPropsWithoutRef<'output'> & Record<`data-${string}`, string | number | boolean | undefined>;
  /** The caption under the picture (class `gl-caption`), a `<figcaption>`. */
  caption?: ReactNode;
  /** The maths (usually `<Tex block>`), in the caption's maths area (class `gl-maths`). */
  maths?: ReactNode;
  /** The controls row (class `gl-controls`, a labelled group). */
  controls?: ReactNode;
  /** Accessible name of the controls group. Default "Controls". */
  controlsLabel?: string;
  /** Legend of the picture (usually a {@link Legend}, class `gl-legend`), under the body. */
  legend?: ReactNode;
  /** Anything after the status (for example a {@link PerformanceReadout}). */
  footer?: ReactNode;
  /** The root's `data-state`. Default 'idle'. */
  state?: ExplainerState;
  /** Colour theme (`data-theme`). Default 'auto' (follows `prefers-color-scheme`). */
  theme?: Theme;
  /** Slide mode: at most 960 × 700 px (`data-fit`). Default false. */
  fit?: boolean;
  /** The explainer's requested width; 0, negative or NaN shows a message instead of the body. */
  width?: number;
  /** The explainer's requested height; checked like `width`. */
  height?: number;
  /** The body: the pictures (class `gl-body`), or a function of the measured layout. */
  children?: ReactNode | ((layout: ExplainerLayout) => ReactNode);
  /** The root element (React 19 ref as a prop). */
  ref?: Ref<HTMLElement>;
}

/** Why a size is unusable ("width must be a positive number of pixels, not NaN"), or null. */
export function sizeProblem(name: string, value: number | undefined): string | null {
  if (value === undefined) return null;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    return `${name} must be a positive number of pixels, not ${typeof value === 'number' ? String(value) : JSON.stringify(value)}.`;
  }
  return null;
}

function setRef<T>(ref: Ref<T> | undefined, value: T | null): void {
  if (typeof ref === 'function') ref(value);
  else if (ref) (ref as { current: T | null }).current = value;
}

/**
 * The frame every explainer shares: a `<figure class="gl-explainer">` with its title,
 * body, legend, controls, live status, and a caption with the maths. It renders the base
 * CSS once, measures its own width (ResizeObserver, in an effect: server-safe) and hands
 * the layout to its children, so an explainer switches to one column below 640 px
 * (`data-compact` on the root) and fits a 960 × 700 slide with `fit`.
 *
 * Public classes: `gl-explainer`, `gl-title`, `gl-body`, `gl-legend`, `gl-controls`,
 * `gl-status`, `gl-caption`, `gl-maths`, `gl-size-error`. Attributes on the root:
 * `data-state`, `data-theme`, `data-compact`, `data-fit`.
 */
export function Explainer({
  title,
  status,
  statusProps,
  caption,
  maths,
  controls,
  controlsLabel = 'Controls',
  legend,
  footer,
  state = 'idle',
  theme = 'auto',
  fit = false,
  width,
  height,
  children,
  className,
  ref,
  ...rest
}: ExplainerProps) {
  const id = useId();
  const inner = useRef<HTMLElement | null>(null);
  const setRoot = useCallback(
    (el: HTMLElement | null) => {
      inner.current = el;
      setRef(ref, el);
    },
    [ref],
  );
  const { width: measuredWidth, measured } = useContainerWidth(inner);
  const problem = sizeProblem('width', width) ?? sizeProblem('height', height);
  const compact = measured && measuredWidth < COMPACT_BELOW;
  const layout: ExplainerLayout = {
    width: measuredWidth,
    measured,
    compact,
    fit,
    theme,
    plotWidth: (fallback, max = Infinity) => {
      const avail = measured && measuredWidth > 0 ? measuredWidth : fallback;
      return Math.max(1, Math.floor(Math.min(avail, max, fallback, fit ? FIT_SIZE.width : Infinity)));
    },
  };
  const body = problem ? null : typeof children === 'function' ? children(layout) : children;
  const titleId = `${id}-title`;
  return (
    <figure
      aria-labelledby={titleId}
      {...rest}
      ref={setRoot}
      className={className ? `gl-explainer ${className}` : 'gl-explainer'}
      data-state={problem ? 'error' : state}
      data-theme={theme}
      data-compact={compact ? '' : undefined}
      data-fit={fit ? '' : undefined}
    >
      <BaseStyles />
      <div id={titleId} className="gl-title">
        {title}
      </div>
      {problem ? (
        <p className="gl-size-error" role="alert">
          Cannot draw this explainer: {problem}
        </p>
      ) : (
        <LayoutContext.Provider value={layout}>
          {body !== undefined && body !== null && <div className="gl-body">{body}</div>}
          {legend}
          {controls && (
            <div role="group" aria-label={controlsLabel} className="gl-controls">
              {controls}
            </div>
          )}
          {status !== undefined && (
            <output aria-live="polite" {...statusProps} className="gl-status">
              {status}
            </output>
          )}
          {footer}
          {(caption || maths) && (
            <figcaption className="gl-caption">
              {caption && <div>{caption}</div>}
              {maths && <div className="gl-maths">{maths}</div>}
            </figcaption>
          )}
        </LayoutContext.Provider>
      )}
    </figure>
  );
}
