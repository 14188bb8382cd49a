import { cleanup, render, screen } from '@testing-library/react';
import { stubResizeObserver } from './helpers';
import { createRef } from 'react';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BASE_CSS_HREF, COMPACT_BELOW, Explainer, PerformanceReadout, type ExplainerLayout } from '../src';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('Explainer frame', () => {
  it('renders title, body, controls, live status and caption with maths', () => {
    render(
      <Explainer title="Demo" status="Step 0" caption="What to notice" maths={<span>x²</span>} controls={<button type="button">Go</button>} state="paused">
        <svg data-testid="pic" />
      </Explainer>,
    );
    const fig = screen.getByRole('figure', { name: 'Demo' });
    expect(fig.className).toBe('gl-explainer');
    expect(fig.getAttribute('data-state')).toBe('paused');
    expect(fig.getAttribute('data-theme')).toBe('auto');
    const status = fig.querySelector('.gl-status')!;
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.textContent).toBe('Step 0');
    expect(screen.getByRole('group', { name: 'Controls' }).className).toBe('gl-controls');
    expect(fig.querySelector('figcaption.gl-caption .gl-maths')!.textContent).toBe('x²');
    expect(fig.querySelector('.gl-body [data-testid="pic"]')).toBeTruthy();
  });

  it('passes ref, id, aria-*, data-*, style and className to the root', () => {
    const ref = createRef<HTMLElement>();
    render(<Explainer ref={ref} title="T" id="x1" aria-describedby="d" data-foo="bar" className="mine" style={{ maxWidth: 300 }} theme="dark" />);
    const fig = ref.current!;
    expect(fig.tagName).toBe('FIGURE');
    expect(fig.id).toBe('x1');
    expect(fig.getAttribute('aria-describedby')).toBe('d');
    expect(fig.getAttribute('data-foo')).toBe('bar');
    expect(fig.className).toBe('gl-explainer mine');
    expect(fig.style.maxWidth).toBe('300px');
    expect(fig.getAttribute('data-theme')).toBe('dark');
  });

  it.each([0, -5, NaN, Infinity])('shows a clear message for width %s instead of drawing', (w) => {
    const body = vi.fn(() => <svg />);
    render(<Explainer title="T" width={w}>{body}</Explainer>);
    const alert = screen.getByRole('alert');
    expect(alert.className).toBe('gl-size-error');
    expect(alert.textContent).toMatch(/width must be a positive number of pixels/);
    expect(body).not.toHaveBeenCalled();
    expect(document.body.innerHTML).not.toMatch(/NaNpx/);
    expect(screen.getByRole('figure').getAttribute('data-state')).toBe('error');
  });

  it('renders the base CSS once in the head, however many frames', () => {
    render(
      <>
        <Explainer title="A" />
        <Explainer title="B" />
      </>,
    );
    const styles = document.head.querySelectorAll(`style[data-href="${BASE_CSS_HREF}"]`);
    expect(styles).toHaveLength(1);
    expect(styles[0].textContent).toMatch(/\.gl-handle:focus-visible/);
  });

  it('server-renders with its CSS and the wide layout', () => {
    const html = renderToString(<Explainer title="SSR">{(l: ExplainerLayout) => <span>{l.compact ? 'compact' : 'wide'}</span>}</Explainer>);
    expect(html).toContain('data-href="gl-base"');
    expect(html).toContain('wide');
    expect(html.slice(html.indexOf('<figure'))).not.toContain('data-compact');
  });

  it('measures its container and turns compact below 640 px', () => {
    const resize = stubResizeObserver();
    render(<Explainer title="R">{(l: ExplainerLayout) => <span data-testid="l">{`${l.compact} ${l.plotWidth(560)}`}</span>}</Explainer>);
    resize(390);
    expect(screen.getByTestId('l').textContent).toBe('true 390');
    expect(screen.getByRole('figure').hasAttribute('data-compact')).toBe(true);
    resize(COMPACT_BELOW + 300);
    expect(screen.getByTestId('l').textContent).toBe('false 560');
    expect(screen.getByRole('figure').hasAttribute('data-compact')).toBe(false);
  });

  it('fit mode caps the plot width at 960 px', () => {
    render(<Explainer title="F" fit>{(l: ExplainerLayout) => <span data-testid="l">{l.plotWidth(1400)}</span>}</Explainer>);
    expect(screen.getByTestId('l').textContent).toBe('960');
    expect(screen.getByRole('figure').hasAttribute('data-fit')).toBe(true);
  });
});

describe('PerformanceReadout', () => {
  it('shows telemetry only when asked', () => {
    const { container, rerender } = render(<PerformanceReadout fps={60} frameTime={2.3} stepsPerSecond={83333} />);
    expect(container.textContent).toBe('');
    rerender(<PerformanceReadout show fps={60} frameTime={2.3} stepsPerSecond={83333} />);
    expect(screen.getByTestId('fps').textContent).toBe('60 FPS · 2.3 ms per frame · 83,333 steps/s');
  });
});
