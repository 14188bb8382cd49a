import { MNIST_SIZE } from '@geolearn/algorithms/nn';
import { useEffect, useRef } from 'react';
import { readThemeColors } from '../common/colors';
import { prepareCanvas } from '../common/canvas';
import { useColorScheme } from '../hooks/useColorScheme';
import { InkGrid } from '../FeatureMaps/InkGrid';
import { useExplainerLayout } from '../kit/Explainer';
import { pct } from '../FeatureMaps/layers';
import { PEN_RADIUS } from './model';
import type { PadModel } from './usePad';

const rgb = (c: readonly number[]) => `rgb(${c[0]},${c[1]},${c[2]})`;

/** The drawing surface (ink and paper from the theme), or the held-out digit in its place. */
export function DrawingSurface({ pad, side, labelId, statusId }: { pad: PadModel; side: number; labelId: string; statusId: string }) {
  const { state, pen } = pad;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const scheme = useColorScheme();
  const theme = useExplainerLayout()?.theme ?? 'auto';
  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = prepareCanvas(canvas, side, side);
    if (!ctx) return;
    const c = readThemeColors(canvas);
    ctx.fillStyle = rgb(c.bg);
    ctx.fillRect(0, 0, side, side);
    ctx.strokeStyle = rgb(c.fg);
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.lineWidth = 2 * PEN_RADIUS[pen] * side;
    for (const s of state.strokes) {
      if (!s.length) continue;
      ctx.beginPath();
      ctx.moveTo(s[0][0] * side, s[0][1] * side);
      for (const [x, y] of s.length === 1 ? [s[0], s[0]] : s.slice(1)) ctx.lineTo(x * side + (s.length === 1 ? 0.01 : 0), y * side);
      ctx.stroke();
    }
  }, [state.strokes, side, pen, scheme, theme]);
  return (
    <div className="gl-panel" data-gl-panel="">
      <div className="gl-pad-label" id={labelId}>
        Draw your number here
      </div>
      {state.sample !== null && (
        <div className="gl-fm-digit-box">
          <InkGrid values={pad.digitAt(state.sample)} rows={MNIST_SIZE} cols={MNIST_SIZE} width={side} height={side} testId="sample" />
        </div>
      )}
      <canvas
        ref={canvasRef}
        aria-labelledby={labelId}
        aria-describedby={statusId}
        role="img"
        data-testid="pad"
        data-strokes={state.strokes.length}
        data-pen={pen}
        hidden={state.sample !== null}
        className="gl-pad-surface"
        style={{ width: side, height: side }}
        {...pad.pointer}
      />
    </div>
  );
}

/** The 28 × 28 input the network sees, the first and second guesses, and the ten probabilities as labelled bars. */
export function GuessPanel({ pad, barWidth }: { pad: PadModel; barWidth: number }) {
  const { input, order, result } = pad;
  const top = order[0]?.[0];
  const inner = Math.max(40, barWidth - 84);
  return (
    <div className="gl-panel" data-gl-panel="">
      <div className="gl-pad-label">Downsampled drawing</div>
      <div className="gl-fm-digit-box" role="img" aria-label={input ? 'The 28 × 28 input the network sees' : 'No input yet'}>
        <InkGrid values={input ?? new Float32Array(784)} rows={MNIST_SIZE} cols={MNIST_SIZE} width={140} height={140} testId="downsampled" />
      </div>
      <div data-testid="guesses" className="gl-pad-guesses">
        <div>
          First guess: <strong data-testid="first-guess">{order.length ? order[0][0] : '–'}</strong>
          {order.length ? ` (${pct(order[0][1])})` : ''}
        </div>
        <div>
          Second guess: <strong data-testid="second-guess">{order.length ? order[1][0] : '–'}</strong>
          {order.length ? ` (${pct(order[1][1])})` : ''}
        </div>
      </div>
      <svg
        width={barWidth}
        height={10 * 22 + 8}
        className="gl-pad-bars"
        role="img"
        aria-label={result ? `Probabilities of the ten digits: ${order.slice(0, 3).map(([d, p]) => `${d}: ${pct(p)}`).join(', ')}…` : 'Probabilities of the ten digits: none yet'}
        data-testid="probabilities"
      >
        {Array.from({ length: 10 }, (_, d) => {
          const p = result ? result.probs[d] : 0;
          return (
            <g key={d} transform={`translate(0,${4 + d * 22})`}>
              <text x={10} y={14} textAnchor="middle" className="gl-pad-text">
                {d}
              </text>
              <rect x={24} y={3} width={inner} height={14} className="gl-pad-bar-bg" />
              <rect x={24} y={3} width={inner * p} height={14} className="gl-pad-bar" data-top={top === d || undefined} />
              <text x={barWidth - 4} y={14} textAnchor="end" className="gl-pad-text">
                {result ? pct(p) : ''}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
