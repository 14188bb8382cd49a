import { useMemo } from 'react';
import { IMG_C, IMG_H, IMG_W, tinyImage, type SymbolId } from './model';

const CHANNELS = ['red', 'green', 'blue'] as const;

/**
 * The generated H × W × C image: the colour picture, then its C = 3 channels as grey grids
 * (each an H × W matrix of numbers 0…255). The symbols H, W and C light their dimension.
 * The pixel colours are the image's data, not theme colours.
 */
export function TinyImage({ symbol, width }: { symbol: SymbolId | null; width: number }) {
  const img = useMemo(tinyImage, []);
  const left = 44;
  const top = 24;
  const cell = Math.max(8, Math.min(22, Math.floor((width - left - 8) / IMG_W)));
  const small = Math.max(3, Math.floor((width - left - 8 - 2 * 10) / (IMG_C * IMG_W)));
  const rowY = top + IMG_H * cell + 34;
  const height = rowY + IMG_H * small + 22;
  const lit = (s: SymbolId) => (symbol === s ? 'on' : undefined);
  return (
    <svg className="gl-lt-img" width={width} height={height} role="img" aria-label={`A ${IMG_H} by ${IMG_W} pixel colour image with ${IMG_C} channels`} data-testid="tiny-image">
      <g className="gl-lt-dim" data-lit={lit('W')} data-testid="dim-W">
        <line x1={left} x2={left + IMG_W * cell} y1={top - 8} y2={top - 8} />
        <text x={left + (IMG_W * cell) / 2} y={top - 12} textAnchor="middle">
          W = {IMG_W}
        </text>
      </g>
      <g className="gl-lt-dim" data-lit={lit('H')} data-testid="dim-H">
        <line x1={left - 8} x2={left - 8} y1={top} y2={top + IMG_H * cell} />
        <text x={left - 12} y={top + (IMG_H * cell) / 2} textAnchor="end" dominantBaseline="middle">
          H = {IMG_H}
        </text>
      </g>
      {img.map((row, r) =>
        row.map(([R, G, B], c) => <rect key={`${r}-${c}`} x={left + c * cell} y={top + r * cell} width={cell} height={cell} fill={`rgb(${R},${G},${B})`} className="gl-lt-pixel" />),
      )}
      <g className="gl-lt-dim" data-lit={lit('C')} data-testid="dim-C">
        <line x1={left} x2={left + IMG_C * IMG_W * small + 2 * 10} y1={rowY - 8} y2={rowY - 8} />
        <text x={left - 12} y={rowY + (IMG_H * small) / 2} textAnchor="end" dominantBaseline="middle">
          C = {IMG_C}
        </text>
      </g>
      {CHANNELS.map((name, k) => {
        const x0 = left + k * (IMG_W * small + 10);
        return (
          <g key={name} className="gl-lt-channel">
            {img.map((row, r) =>
              row.map((px, c) => {
                const v = px[k];
                return <rect key={`${r}-${c}`} x={x0 + c * small} y={rowY + r * small} width={small} height={small} fill={`rgb(${v},${v},${v})`} />;
              }),
            )}
            <text x={x0 + (IMG_W * small) / 2} y={rowY + IMG_H * small + 14} textAnchor="middle">
              {name}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
