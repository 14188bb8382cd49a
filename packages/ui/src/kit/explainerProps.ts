import type { ComponentPropsWithoutRef, CSSProperties, ReactNode, Ref } from 'react';
import { useMergedRef } from '../hooks/useMergedRef';
import type { ExplainerState, Theme } from './Explainer';

/**
 * The props every explainer shares, documented once. Other attributes (`id`, `aria-*`,
 * `data-*`) go to the root `<figure>` through the {@link Explainer} frame.
 *
 * An explainer's props interface `extends` this one (or `Omit<ExplainerCommonProps,
 * 'showPerformance'>` when it times nothing) and re-declares `label` with its own default.
 */
export interface ExplainerCommonProps extends Omit<ComponentPropsWithoutRef<'figure'>, 'title' | 'children' | 'defaultValue' | 'onChange'> {
  /** Accessible name and title; each explainer documents its default. */
  label?: string;
  /** Colour theme (`data-theme`). Default 'auto' (follows the system). */
  theme?: Theme;
  /** Slide mode: fits 960 × 700 (`data-fit`). Default false. */
  fit?: boolean;
  /** Show frame rate and frame time while playing (developer telemetry). Default false. */
  showPerformance?: boolean;
  /** Class of the root element (added to `gl-explainer`). */
  className?: string;
  /** Style of the root element (set `--gl-*` variables here to theme it). */
  style?: CSSProperties;
  /** The root `<figure>` (React 19 ref as a prop). */
  ref?: Ref<HTMLElement>;
}

/**
 * Controlled / uncontrolled state of an explainer (see `useControllableState`). An explainer
 * may re-declare a member to say more (what `defaultValue` merges over, what changes fire).
 */
export interface ExplainerStateProps<S> {
  /** Controlled state. */
  value?: S;
  /** Initial state when uncontrolled (unknown fields or bad values are reported once and ignored). */
  defaultValue?: Partial<S>;
  /** Called with every new state. */
  onValueChange?: (state: S) => void;
}

/** What an explainer fixes of its frame: its default title and its (defaulted) size. */
export interface ExplainerFrameDefaults {
  /** The title when the `label` prop is absent. */
  label: string;
  /** The explainer's width prop after its default. */
  width: number;
  /** The explainer's height prop after its default. */
  height: number;
}

/**
 * The {@link Explainer} props that come straight from an explainer's own: every remaining
 * attribute (`theme`, `fit`, `className`, `style`, `ref`, `id`, `aria-*`, `data-*`), `label`
 * as the title (else `defaults.label`) and the size. `showPerformance` is dropped (the
 * explainer reads it itself; it is no attribute of the `<figure>`).
 *
 * `<Explainer {...explainerFrameProps(rest, { label: 'Backpropagation', width, height })} state={…} …>`
 */
export function explainerFrameProps<P extends ExplainerCommonProps>(
  { label, showPerformance: _showPerformance, ...rest }: P,
  defaults: ExplainerFrameDefaults,
): Omit<P, 'label' | 'showPerformance'> & { title: string; width: number; height: number } {
  return { ...rest, title: label ?? defaults.label, width: defaults.width, height: defaults.height };
}

/** What {@link useExplainerFrame} reads of an explainer's model hook. */
export interface ExplainerFrameModel {
  /** The model's own root ref (playback pauses when the root leaves the screen). */
  rootRef: Ref<HTMLElement>;
  /** The root's `data-state`. */
  frameState: ExplainerState;
  /** The live status line. */
  status: ReactNode;
}

/**
 * {@link explainerFrameProps} plus what a model hook gives the frame: its `state`, its
 * `status`, and one ref that sets both the model's root ref and the user's `ref`.
 *
 * `<Explainer {...useExplainerFrame(rest, { label: 'Backpropagation', width, height }, model)} statusProps={…} …>`
 */
export function useExplainerFrame<P extends ExplainerCommonProps>(props: P, defaults: ExplainerFrameDefaults, model: ExplainerFrameModel) {
  const { ref, ...frame } = explainerFrameProps(props, defaults);
  const merged = useMergedRef<HTMLElement>(model.rootRef, ref as Ref<HTMLElement> | undefined);
  return { ...frame, ref: merged, state: model.frameState, status: model.status };
}
