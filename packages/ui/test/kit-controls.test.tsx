import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Button, NumberField, PlaybackButtons, Segmented, Select, Slider, ToggleButton } from '../src';
import { LogSlider } from '../src/common/controls';
import { RangeField } from '../src/common/RangeField';

afterEach(cleanup);

describe('Button and ToggleButton', () => {
  it('Button is a typed, classed button that forwards props', () => {
    const onClick = vi.fn();
    render(<Button onClick={onClick} className="x" data-testid="b">Go</Button>);
    const b = screen.getByRole('button', { name: 'Go' });
    expect(b.getAttribute('type')).toBe('button');
    expect(b.className).toBe('gl-button x');
    expect(b.getAttribute('data-state')).toBe('enabled');
    fireEvent.click(b);
    expect(onClick).toHaveBeenCalledOnce();
  });

  it('ToggleButton reports aria-pressed and data-state and flips', () => {
    const Demo = () => {
      const [on, setOn] = useState(false);
      return <ToggleButton pressed={on} onPressedChange={setOn}>3-D</ToggleButton>;
    };
    render(<Demo />);
    const b = screen.getByRole('button', { name: '3-D' });
    expect(b.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(b);
    expect(b.getAttribute('aria-pressed')).toBe('true');
    expect(b.getAttribute('data-state')).toBe('on');
    expect(b.className).toContain('gl-toggle');
  });
});

describe('Segmented', () => {
  const options = [
    { value: 'a', label: 'Alpha' },
    { value: 'b', label: 'Beta', disabled: true },
    { value: 'c', label: 'Gamma' },
  ] as const;
  it('is a radio group moved by arrow keys (skipping disabled), Home/End', () => {
    const Demo = () => {
      const [v, setV] = useState<'a' | 'b' | 'c'>('a');
      return <Segmented label="Mode" options={options} value={v} onChange={setV} />;
    };
    render(<Demo />);
    const group = screen.getByRole('radiogroup', { name: 'Mode' });
    const a = screen.getByRole('radio', { name: 'Alpha' });
    expect(a.getAttribute('aria-checked')).toBe('true');
    expect(a.tabIndex).toBe(0);
    expect(screen.getByRole('radio', { name: 'Gamma' }).tabIndex).toBe(-1);
    fireEvent.keyDown(group, { key: 'ArrowRight' });
    expect(screen.getByRole('radio', { name: 'Gamma' }).getAttribute('aria-checked')).toBe('true');
    fireEvent.keyDown(group, { key: 'ArrowRight' });
    expect(a.getAttribute('aria-checked')).toBe('true');
    fireEvent.keyDown(group, { key: 'End' });
    expect(screen.getByRole('radio', { name: 'Gamma' }).getAttribute('data-state')).toBe('on');
    fireEvent.keyDown(group, { key: 'Home' });
    expect(a.getAttribute('aria-checked')).toBe('true');
  });
});

describe('Select', () => {
  it('is a labelled native select', () => {
    const onChange = vi.fn();
    render(<Select label="Objective" options={[{ value: 'x', label: 'X' }, { value: 'y', label: 'Y' }]} value="x" onChange={onChange} />);
    const s = screen.getByRole('combobox', { name: 'Objective' });
    expect(s.className).toBe('gl-select');
    fireEvent.change(s, { target: { value: 'y' } });
    expect(onChange).toHaveBeenCalledWith('y');
  });
});

describe('Slider', () => {
  function LogDemo({ onChange }: { onChange: (v: number) => void }) {
    const [v, setV] = useState(0.01);
    return (
      <Slider
        label="Learning rate η"
        scale="log"
        min={0.001}
        max={1}
        value={v}
        onChange={(x) => {
          setV(x);
          onChange(x);
        }}
      />
    );
  }
  it('log scale: arrow = one fine step (10 per decade), PageUp/Down = a decade, Home/End', () => {
    const seen: number[] = [];
    render(<LogDemo onChange={(v) => seen.push(v)} />);
    const s = screen.getByRole('slider', { name: 'Learning rate η' });
    expect(s.getAttribute('aria-valuetext')).toBe('0.01');
    fireEvent.keyDown(s, { key: 'ArrowRight' });
    fireEvent.keyDown(s, { key: 'ArrowLeft' });
    fireEvent.keyDown(s, { key: 'PageUp' });
    fireEvent.keyDown(s, { key: 'PageDown' });
    fireEvent.keyDown(s, { key: 'PageDown' });
    fireEvent.keyDown(s, { key: 'PageDown' }); // already at 10⁻³: nothing
    fireEvent.keyDown(s, { key: 'End' });
    fireEvent.keyDown(s, { key: 'Home' });
    expect(seen).toEqual([0.0126, 0.01, 0.1, 0.01, 0.001, 1, 0.001]);
  });

  it('log scale: dragging sets 10^position, 3 significant digits', () => {
    const seen: number[] = [];
    render(<LogDemo onChange={(v) => seen.push(v)} />);
    fireEvent.change(screen.getByRole('slider'), { target: { value: '-1.5' } });
    expect(seen).toEqual([0.0316]);
  });

  it('linear: steps, pages, clamps, formats and never emits NaN', () => {
    const onChange = vi.fn();
    render(<Slider label="w" min={-1} max={1} step={0.1} value={0.95} onChange={onChange} format={(v) => v.toFixed(1)} />);
    const s = screen.getByRole('slider', { name: 'w' });
    expect(s.getAttribute('aria-valuetext')).toBe((0.95).toFixed(1));
    fireEvent.keyDown(s, { key: 'ArrowUp' });
    expect(onChange).toHaveBeenLastCalledWith(1);
    fireEvent.keyDown(s, { key: 'PageDown' });
    expect(onChange).toHaveBeenLastCalledWith(-0.05);
    fireEvent.change(s, { target: { value: 'abc' } });
    for (const [v] of onChange.mock.calls) expect(Number.isFinite(v)).toBe(true);
  });

  it('keeps the old LogSlider and RangeField working as aliases', () => {
    const a = vi.fn();
    const b = vi.fn();
    render(
      <>
        <LogSlider label="Learning rate η" value={0.05} onChange={a} testId="eta" />
        <RangeField label="Bias b" value={0} min={-2} max={2} step={0.1} onChange={b} testId="bias" />
      </>,
    );
    expect(screen.getByTestId('eta').textContent).toBe('0.05');
    fireEvent.change(screen.getByRole('slider', { name: 'Learning rate η' }), { target: { value: '-2' } });
    expect(a).toHaveBeenCalledWith(0.01);
    fireEvent.change(screen.getByTestId('bias'), { target: { value: '0.5' } });
    expect(b).toHaveBeenCalledWith(0.5);
    expect(screen.getByTestId('bias').getAttribute('aria-valuetext')).toBe('0.00');
  });
});

describe('NumberField', () => {
  it('reports valid numbers only, shows why otherwise', () => {
    const onChange = vi.fn();
    render(<NumberField label="Clusters k" value={3} min={1} max={10} integer onChange={onChange} />);
    const input = screen.getByRole('textbox', { name: 'Clusters k' });
    const root = input.closest('.gl-number')!;
    for (const bad of ['', 'abc', '2.5', '0', '11', 'NaN']) {
      fireEvent.change(input, { target: { value: bad } });
      expect(input.getAttribute('aria-invalid')).toBe('true');
      expect(root.getAttribute('data-state')).toBe('invalid');
      expect(document.querySelector('.gl-number-error')!.textContent).not.toBe('');
    }
    expect(onChange).not.toHaveBeenCalled();
    fireEvent.change(input, { target: { value: '7' } });
    expect(onChange).toHaveBeenCalledWith(7);
    expect(input.hasAttribute('aria-invalid')).toBe(false);
  });

  it('steps with the arrow keys within its bounds', () => {
    const Demo = () => {
      const [v, setV] = useState(9);
      return <NumberField label="k" value={v} min={1} max={10} onChange={setV} />;
    };
    render(<Demo />);
    const input = screen.getByRole('textbox', { name: 'k' }) as HTMLInputElement;
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    expect(input.value).toBe('10');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(input.value).toBe('9');
  });
});

describe('PlaybackButtons', () => {
  it('always Play/Pause, Step, Reset, then speed', () => {
    const onSpeed = vi.fn();
    const { rerender } = render(<PlaybackButtons playing={false} onTogglePlay={() => {}} onStep={() => {}} onReset={() => {}} speed={1} onSpeedChange={onSpeed} />);
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Play', 'Step', 'Reset']);
    fireEvent.change(screen.getByRole('combobox', { name: 'Speed' }), { target: { value: '2' } });
    expect(onSpeed).toHaveBeenCalledWith(2);
    rerender(<PlaybackButtons playing onTogglePlay={() => {}} onStep={() => {}} onReset={() => {}} />);
    const pause = screen.getByRole('button', { name: 'Pause' });
    expect(pause.getAttribute('aria-pressed')).toBe('true');
    expect(pause.closest('.gl-playback')!.getAttribute('data-state')).toBe('playing');
    rerender(<PlaybackButtons playing={false} done onTogglePlay={() => {}} onStep={() => {}} onReset={() => {}} />);
    expect((screen.getByRole('button', { name: 'Step' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Reset' }) as HTMLButtonElement).disabled).toBe(false);
  });
});
