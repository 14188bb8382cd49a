import { useMemo } from 'react';
import { Tex } from '../common/Tex';
import { sanitizeDefaultValue, useControllableState } from '../hooks/useControllableState';
import { ToggleButton } from '../kit/buttons';
import { Explainer, type ExplainerLayout } from '../kit/Explainer';
import { explainerFrameProps, type ExplainerCommonProps, type ExplainerStateProps } from '../kit/explainerProps';
import { NumberField } from '../kit/NumberField';
import { Select } from '../kit/Segmented';
import { CountBars, CountTable, type Bar } from './CountBars';
import {
  convCount,
  DEFAULT_STATE,
  fcCount,
  grouped,
  LIMITS,
  memory,
  megabytes,
  PRESETS,
  presetOf,
  problem,
  STATE_CHECKS,
  statusText,
  type ParameterCountState,
  type PresetName,
} from './model';
import { ParameterCountStyles } from './styles';

export { convCount, fcCount, type ParameterCountState } from './model';

/** Props of {@link ParameterCount}. Other attributes (`id`, `aria-*`, `data-*`) go to the root `<figure>`. */
export interface ParameterCountProps extends Omit<ExplainerCommonProps, 'showPerformance'>, ExplainerStateProps<ParameterCountState> {
  /** Width of the bar chart in px. Default 560 (shrinks to the container). */
  width?: number;
  /** Height hint in px (checked like `width`). Default 300. */
  height?: number;
  /** Accessible name and title. Default "Parameters: fully connected against convolution". */
  label?: string;
}

type Field = 'height' | 'width' | 'channels' | 'units' | 'kernel' | 'filters';
const FIELDS: { key: Field; label: string }[] = [
  { key: 'height', label: 'Height H' },
  { key: 'width', label: 'Width W' },
  { key: 'channels', label: 'Channels C' },
  { key: 'units', label: 'FC units N' },
  { key: 'kernel', label: 'Kernel k' },
  { key: 'filters', label: 'Filters F' },
];
const PRESET_OPTIONS = [
  ...(Object.entries(PRESETS) as [PresetName, (typeof PRESETS)[PresetName]][]).map(([value, p]) => ({ value: value as PresetName | 'custom', label: p.label })),
  { value: 'custom' as const, label: 'Your own numbers', disabled: true },
];

/**
 * A calculator of the slide's "limits of fully connected networks": a fully connected layer
 * from an H×W×C image to N units has H·W·C·N + N parameters (200×200×3×1000 ≈ 120 M), a
 * convolutional layer with F shared k×k×C filters only k·k·C·F + F. Both counts (and their
 * float32 memory) as bars on a log axis, in a table and in the typeset formulas.
 */
export function ParameterCount({ width = 560, height = 300, value, defaultValue, onValueChange, ...rest }: ParameterCountProps) {
  const clean = useMemo(() => sanitizeDefaultValue<ParameterCountState>('ParameterCount', defaultValue, STATE_CHECKS), [defaultValue]);
  const [state, setState] = useControllableState<ParameterCountState>({ value, defaultValue: { ...DEFAULT_STATE, ...clean }, onChange: onValueChange });
  const bad = problem(state);
  const fc = fcCount(state);
  const conv = convCount(state);
  const bars: Bar[] = [
    { name: `Fully connected, ${state.units.toLocaleString('en')} units`, short: 'Fully connected', count: fc, detail: `${grouped(fc.total)} parameters` },
    { name: `Convolution, ${state.filters} filters ${state.kernel}×${state.kernel}`, short: 'Convolution', count: conv, detail: `${grouped(conv.total)} parameters` },
  ];
  const preset = presetOf(state);
  return (
    <Explainer
      {...explainerFrameProps(rest, { label: 'Parameters: fully connected against convolution', width, height })}
      state={bad ? 'error' : 'idle'}
      status={statusText(state)}
      statusProps={{ 'data-testid': 'status', 'data-fc': String(fc.total), 'data-conv': String(conv.total) }}
      controls={
        <>
          <Select label="Example" options={PRESET_OPTIONS} value={preset} onChange={(p) => p !== 'custom' && setState((s) => ({ ...s, ...pick(PRESETS[p]) }))} />
          {FIELDS.map((f) => (
            <NumberField key={f.key} label={f.label} integer min={LIMITS[f.key][0]} max={LIMITS[f.key][1]} value={state[f.key]} onChange={(v) => setState((s) => ({ ...s, [f.key]: v }))} testId={`field-${f.key}`} />
          ))}
          <ToggleButton pressed={state.showMemory} onPressedChange={(showMemory) => setState((s) => ({ ...s, showMemory }))}>
            Memory (float32)
          </ToggleButton>
        </>
      }
      caption="Weight sharing: a filter is the same at every position, so the convolution's count does not grow with the image. Its output does (H·W·F values at stride 1, “same” padding): convolutions trade parameters for computation."
      maths={<CountMaths state={state} />}
    >
      {(layout: ExplainerLayout) => (
        <>
          <ParameterCountStyles />
          <CountBars bars={bars} width={layout.compact ? layout.plotWidth(width) : Math.min(layout.plotWidth(width), width)} showMemory={state.showMemory} />
          <CountTable bars={bars} showMemory={state.showMemory} />
        </>
      )}
    </Explainer>
  );
}

/** The preset's numbers (without its label). */
function pick(p: (typeof PRESETS)[PresetName]): Pick<ParameterCountState, Field> {
  return { height: p.height, width: p.width, channels: p.channels, units: p.units, kernel: p.kernel, filters: p.filters };
}

/** Thousands separators for TeX: 120{,}001{,}000. */
const texNum = (n: bigint | number) => grouped(n).replace(/,/g, '{,}');

/** Both formulas with the current numbers, and the memory at 4 bytes per parameter. */
function CountMaths({ state: s }: { state: ParameterCountState }) {
  const fc = fcCount(s);
  const conv = convCount(s);
  const mem = (n: bigint) => String.raw`\;\times 4\,\text{B}=${memory(megabytes(n)).replace(' ', String.raw`\,\text{`)}}`;
  return (
    <>
      <Tex block>{String.raw`N_{\text{FC}}=H\cdot W\cdot C\cdot N+N=${s.height}\cdot${s.width}\cdot${s.channels}\cdot${texNum(s.units)}+${texNum(s.units)}=${texNum(fc.total)}${s.showMemory ? mem(fc.total) : ''}`}</Tex>
      <Tex block>{String.raw`N_{\text{conv}}=k\cdot k\cdot C\cdot F+F=${s.kernel}\cdot${s.kernel}\cdot${s.channels}\cdot${s.filters}+${s.filters}=${texNum(conv.total)}${s.showMemory ? mem(conv.total) : ''}`}</Tex>
    </>
  );
}
