import { scaleLinear } from 'd3-scale';
import { useRef, type KeyboardEvent } from 'react';
import { useMovable } from '../hooks/useMovable';
import { Heatmap } from '../kit/Heatmap';
import { padding, windowOrigin } from './convolve';
import { IMAGES } from './model';
import type { ConvolutionModel } from './useConvolution';

/**
 * The input A inside its zero padding (the ring of 0s the window reaches into at the
 * edges), with the kernel window: drag it, click anywhere to put it there, or focus it
 * and use the arrow keys (Shift ×10, Home/End the first and last pixel).
 */
export function InputPanel({ model, side }: { model: ConvolutionModel; side: number }) {
  const { image, kernel, pi, pj, state, actions, total } = model;
  const pad = padding(kernel);
  const cellsX = image.cols + pad.left + pad.right;
  const cellsY = image.rows + pad.top + pad.bottom;
  const cell = side / Math.max(cellsX, cellsY);
  const W = cellsX * cell;
  const H = cellsY * cell;
  const area = useRef<SVGRectElement>(null);
  // Window centre in data units: x = column j, y = rows − 1 − i (up is +y, as the hook expects).
  const xs = scaleLinear().domain([0, image.cols - 1]).range([(pad.left + 0.5) * cell, (pad.left + image.cols - 0.5) * cell]);
  const ys = scaleLinear().domain([0, image.rows - 1]).range([(pad.top + image.rows - 0.5) * cell, (pad.top + 0.5) * cell]);
  const movable = useMovable({
    point: [pj, image.rows - 1 - pi],
    x: xs,
    y: ys,
    area,
    step: [1, 1],
    constrain: ([x, y]) => [Math.max(0, Math.min(image.cols - 1, Math.round(x))), Math.max(0, Math.min(image.rows - 1, Math.round(y)))],
    onMove: ([x, y]) => actions.moveToCell(image.rows - 1 - y, x),
  });
  const onKeyDown = (e: KeyboardEvent<SVGGElement>) => {
    if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      actions.moveTo(e.key === 'Home' ? 0 : total - 1);
      return;
    }
    movable.handleProps.onKeyDown(e);
  };
  const [n0, m0] = windowOrigin(kernel, pi, pj);
  const win = { x: (pad.left + m0) * cell, y: (pad.top + n0) * cell, w: kernel.cols * cell, h: kernel.rows * cell };
  const imgBox = { x: pad.left * cell, y: pad.top * cell, w: image.cols * cell, h: image.rows * cell };
  const zeros = cell >= 11;
  return (
    <div className="gl-panel" data-gl-panel="">
      <div className="gl-conv-title">Input A, zero-padded</div>
      <div className="gl-stack gl-conv-input" style={{ width: W, height: H }}>
        <svg width={W} height={H} aria-hidden="true">
          <rect width={W} height={H} className="gl-conv-pad" />
          {zeros &&
            Array.from({ length: cellsY }, (_, r) =>
              Array.from({ length: cellsX }, (_, c) => {
                const inside = r >= pad.top && r < pad.top + image.rows && c >= pad.left && c < pad.left + image.cols;
                return inside ? null : (
                  <text key={`${r}-${c}`} x={(c + 0.5) * cell} y={(r + 0.5) * cell} dy="0.35em" textAnchor="middle" className="gl-conv-zero">
                    0
                  </text>
                );
              }),
            )}
        </svg>
        <div className="gl-conv-image" style={{ left: imgBox.x, top: imgBox.y, width: imgBox.w, height: imgBox.h }}>
          <Heatmap values={image.data} rows={image.rows} cols={image.cols} width={imgBox.w} height={imgBox.h} kind={state.image === 'digit' ? 'sequential' : 'diverging'} domain={[0, 1]} testId="input-image" label={`Input image A: ${IMAGES[state.image]}, ${image.rows} × ${image.cols} pixels`} />
        </div>
        <svg width={W} height={H} role="group" aria-label={`Input image A: ${IMAGES[state.image]}, ${image.rows} × ${image.cols} pixels, with ${pad.left}-pixel zero padding`} className="gl-conv-overlay">
          <rect ref={area} width={W} height={H} className="gl-conv-area" {...movable.areaProps} />
          <rect x={imgBox.x} y={imgBox.y} width={imgBox.w} height={imgBox.h} className="gl-conv-image-edge" />
          <g
            {...movable.handleProps}
            onKeyDown={onKeyDown}
            role="button"
            aria-roledescription="kernel window"
            aria-label={`Kernel window over output pixel row ${pi}, column ${pj}. Drag it or use the arrow keys; Home and End jump to the first and last pixel.`}
            className="gl-handle gl-conv-window"
            data-testid="kernel-window"
            data-i={pi}
            data-j={pj}
          >
            <rect x={win.x - 3} y={win.y - 3} width={win.w + 6} height={win.h + 6} className="gl-handle-ring" />
            <rect x={win.x} y={win.y} width={win.w} height={win.h} className="gl-conv-window-box" />
            <circle cx={xs(pj)} cy={ys(image.rows - 1 - pi)} r={Math.max(2, cell / 3)} className="gl-conv-window-dot" />
          </g>
        </svg>
      </div>
    </div>
  );
}
