import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ParameterCount } from '../src';
import { convCount, fcCount, grouped, megabytes, memory, short } from '../src/ParameterCount/model';

afterEach(cleanup);

describe('ParameterCount model', () => {
  it('counts the slide: 200×200×3 into 1,000 units ≈ 120 M', () => {
    const fc = fcCount({ height: 200, width: 200, channels: 3, units: 1000 });
    expect(fc.weights).toBe(120_000_000n);
    expect(fc.total).toBe(120_001_000n);
    expect(short(fc.total)).toBe('120 M');
    expect(memory(megabytes(fc.total))).toBe('480 MB');
  });

  it('counts a convolution by hand: 5·5·3·64 + 64 = 4,864', () => {
    expect(convCount({ kernel: 5, channels: 3, filters: 64 }).total).toBe(4864n);
    expect(grouped(4864n)).toBe('4,864');
  });

  it('stays exact past 2⁵³', () => {
    const fc = fcCount({ height: 4096, width: 4096, channels: 1024, units: 100_000 });
    expect(fc.total).toBe(4096n * 4096n * 1024n * 100_000n + 100_000n);
  });
});

describe('ParameterCount', () => {
  it('shows the slide numbers in the status and the formulas', () => {
    render(<ParameterCount />);
    const status = screen.getByTestId('status');
    expect(status.getAttribute('data-fc')).toBe('120001000');
    expect(status.getAttribute('data-conv')).toBe('4864');
    expect(status.textContent).toMatch(/needs about 24,700 times as many/);
    expect(document.querySelector('.gl-maths')!.textContent).toContain('120,001,000');
  });

  it('recounts when a field changes, and rejects bad text', () => {
    const onValueChange = vi.fn();
    render(<ParameterCount onValueChange={onValueChange} />);
    const units = screen.getByRole('textbox', { name: 'FC units N' });
    fireEvent.change(units, { target: { value: '10' } });
    fireEvent.blur(units);
    expect(onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ units: 10 }));
    expect(screen.getByTestId('status').getAttribute('data-fc')).toBe(String(200 * 200 * 3 * 10 + 10));
    const c = screen.getByRole('textbox', { name: 'Channels C' });
    fireEvent.change(c, { target: { value: 'abc' } });
    fireEvent.blur(c);
    expect(screen.getByTestId('status').getAttribute('data-conv')).toBe('4864');
  });

  it('says when the kernel is larger than the image', () => {
    render(<ParameterCount defaultValue={{ height: 4, width: 4, kernel: 5 }} />);
    expect(screen.getByTestId('status').textContent).toMatch(/kernel \(k = 5\) is larger than the image/);
    expect(screen.getByRole('figure').getAttribute('data-state')).toBe('error');
  });

  it('loads a preset and hides the memory', () => {
    render(<ParameterCount />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Example' }), { target: { value: 'mnist' } });
    expect(screen.getByTestId('status').getAttribute('data-fc')).toBe(String(28 * 28 * 128 + 128));
    expect(screen.getByTestId('count-table').textContent).toContain('MB');
    fireEvent.click(screen.getByRole('button', { name: 'Memory (float32)' }));
    expect(screen.getByTestId('count-table').textContent).not.toContain('MB');
  });
});
