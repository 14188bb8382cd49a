import { useId, useMemo, useRef, type CSSProperties, type KeyboardEvent, type PointerEvent } from 'react';
import { diverging, greyInk, GridCanvas } from '../common/GridCanvas';
import { texNumber } from '../common/activations';
import { Tex } from '../common/Tex';
import { buttonStyle, cssVar, rootStyle } from '../common/theme';
import { useControllableState } from '../hooks/useControllableState';
import { usePlayback } from '../hooks/usePlayback';
import { convolve2d, convolveAt, digitImage, gridFrom, kernelCentre, KERNELS, seismicSection, type ExplorerImage, type Grid, type KernelPreset } from './convolve';

/** The explorer's state: plain JSON, so it can live in a permalink. */
export interface ConvolutionExplorerState {
  /** The input image A. */
  image: ExplorerImage;
  /** The preset the kernel came from, or 'custom' once edited. */
  preset: KernelPreset | 'custom';
  /** The kernel B, rows of numbers (odd sizes centre best). */
  kernel: number[][];
  /**
   * Where the window is: the row-major index of the output pixel being computed; every
   * pixel before it is already shown. rows × cols means the whole output is done.
   */
  position: number;
}

/** Props of {@link ConvolutionExplorer}. */
export interface ConvolutionExplorerProps {
  /** Width of the picture (input, kernel, output) in px. Default 680. */
  width?: number;
  /** Height of the picture in px. Default 280. */
  height?: number;
  /** Seed of the seismic section's noise. Default 0. */
  seed?: number;
  /** Controlled state. */
  value?: ConvolutionExplorerState;
  /** Initial state when uncontrolled. */
  defaultValue?: Partial<ConvolutionExplorerState>;
  /** Called with every new state. */
  onValueChange?: (state: ConvolutionExplorerState) => void;
  /** Output pixels computed per animation frame while playing. Default one row every 4 frames. */
  pixelsPerFrame?: number;
  /** Accessible name and title. Default "Convolution". */
  label?: string;
  /** Class of the root element. */
  className?: string;
  /** Style of the root element (set `--gl-*` variables here to theme it). */
  style?: CSSProperties;
}

const PRESETS = Object.keys(KERNELS) as KernelPreset[];
const IMAGES: Record<ExplorerImage, string> = { seismic: 'Seismic section', digit: 'Handwritten digit' };

/**
 * Discrete image convolution, (A ∗ B)ᵢⱼ = Σₙ Σₘ Aₙₘ Bᵢ₋ₙ,ⱼ₋ₘ: the kernel window slides over
 * the image one output pixel at a time (Step, Play, or click/arrow keys to put it anywhere),
 * each output pixel being the sum of the products under the window; the kernel is editable,
 * with the slides' 5×5 smoothing and 1×5 kernels as presets, plus edge and sharpen.
 */
export function ConvolutionExplorer({
  width = 680,
  height = 280,
  seed = 0,
  value,
  defaultValue,
  onValueChange,
  pixelsPerFrame,
  label = 'Convolution',
  className,
  style,
}: ConvolutionExplorerProps) {
  const id = useId();
  const initial: ConvolutionExplorerState = { image: 'seismic', preset: 'smooth5', kernel: KERNELS.smooth5.rows, position: 0, ...defaultValue };
  const [state, setState] = useControllableState<ConvolutionExplorerState>({ value, defaultValue: initial, onChange: onValueChange });

  const image: Grid = useMemo(() => (state.image === 'digit' ? digitImage() : seismicSection(40, seed)), [state.image, seed]);
  const kernel: Grid = useMemo(() => gridFrom(state.kernel), [state.kernel]);
  const output = useMemo(() => convolve2d(image, kernel), [image, kernel]);
  const total = image.rows * image.cols;
  const pos = Math.max(0, Math.min(total, Math.round(state.position)));
  const done = pos >= total;
  const ci = Math.min(total - 1, pos);
  const [pi, pj] = [Math.floor(ci / image.cols), ci % image.cols];
  const here = useMemo(() => convolveAt(image, kernel, pi, pj), [image, kernel, pi, pj]);

  const inColor = useMemo(() => greyInk(0, 1), []);
  const outColor = useMemo(() => {
    let lo = Infinity, hi = -Infinity;
    for (const v of output.data) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    return lo < -1e-9 ? diverging(Math.max(Math.abs(lo), Math.abs(hi))) : greyInk(0, Math.max(1, hi));
  }, [output]);
  const kernelMax = Math.max(1e-9, ...state.kernel.flat().map(Math.abs));
  const kernelColor = diverging(kernelMax);

  // Layout: input | ∗ kernel = | output.
  const gap = 40;
  const kernelBox = Math.min(140, Math.round(width * 0.2));
  const side = Math.max(60, Math.min(height - 24, Math.floor((width - kernelBox - 2 * gap) / 2)));
  const cell = side / image.cols;
  const [kci, kcj] = kernelCentre(kernel);
  const kCell = Math.min(kernelBox / kernel.cols, kernelBox / Math.max(kernel.rows, 3), 28);

  const figureRef = useRef<HTMLElement>(null);
  const perFrame = pixelsPerFrame ?? Math.max(1, Math.round(image.cols / 4));
  const { playing, setPlaying, stats } = usePlayback({
    done,
    target: figureRef,
    onFrame: (_now, reducedMotion) => {
      setState((s) => ({ ...s, position: Math.min(total, s.position + (reducedMotion ? image.cols : perFrame)) }));
    },
  });

  const moveTo = (p: number) => {
    setPlaying(false);
    setState((s) => ({ ...s, position: Math.max(0, Math.min(total - 1, p)) }));
  };
  const onPick = (e: PointerEvent<SVGRectElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const j = Math.floor(((e.clientX - r.left) / r.width) * image.cols);
    const i = Math.floor(((e.clientY - r.top) / r.height) * image.rows);
    if (i >= 0 && j >= 0 && i < image.rows && j < image.cols) moveTo(i * image.cols + j);
  };
  const onKey = (e: KeyboardEvent<SVGGElement>) => {
    const d: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -image.cols, ArrowDown: image.cols, Home: -ci, End: total - 1 - ci };
    if (!(e.key in d)) return;
    e.preventDefault();
    moveTo(ci + d[e.key]);
  };
  const setPreset = (p: KernelPreset) => setState((s) => ({ ...s, preset: p, kernel: KERNELS[p].rows, position: s.position }));
  const setCell = (r: number, c: number, v: number) =>
    setState((s) => ({ ...s, preset: 'custom', kernel: s.kernel.map((row, i) => (i === r ? row.map((old, j) => (j === c ? v : old)) : row)) }));

  const windowRect = {
    x: (pj - kcj) * cell,
    y: (pi - kci) * cell,
    w: kernel.cols * cell,
    h: kernel.rows * cell,
  };
  const shown = here.terms.slice(0, 3).map((t) => `(${texNumber(t.a)})(${texNumber(t.b, 3)})`).join('+');
  const status = done
    ? `Done: all ${total} output pixels computed.`
    : `Output pixel (i, j) = (${pi}, ${pj}): sum of ${here.terms.length} products = ${here.value.toFixed(3)}. ${pos} of ${total} pixels done.`;

  return (
    <figure ref={figureRef} className={className} aria-labelledby={`${id}-title`} style={rootStyle({ margin: 0, display: 'inline-flex', flexDirection: 'column', gap: 8, maxWidth: '100%', ...style })}>
      <div id={`${id}-title`} style={{ fontWeight: 600 }}>{label}</div>
      <div style={{ display: 'flex', alignItems: 'center', width, gap: 0, touchAction: 'none' }}>
        <div style={{ position: 'relative', width: side, height: side }}>
          <GridCanvas values={image.data} rows={image.rows} cols={image.cols} width={side} height={side} color={inColor} testId="input-image" />
          <svg width={side} height={side} role="group" aria-label={`Input image A: ${IMAGES[state.image]}, ${image.rows} × ${image.cols} pixels`} style={{ position: 'absolute', left: 0, top: 0, overflow: 'visible' }}>
            <rect width={side} height={side} fill="transparent" stroke={cssVar('--gl-border')} onPointerDown={onPick} style={{ cursor: 'crosshair' }} />
            <g
              role="button"
              tabIndex={0}
              aria-roledescription="kernel window"
              aria-label={`Kernel window over output pixel row ${pi}, column ${pj}. Arrow keys move it, Home and End jump to the first and last pixel.`}
              onKeyDown={onKey}
              className="gl-focus-ring"
              style={{ outline: 'none' }}
              data-testid="kernel-window"
              data-i={pi}
              data-j={pj}
            >
              <rect x={windowRect.x} y={windowRect.y} width={windowRect.w} height={windowRect.h} fill="rgba(207,34,46,0.12)" stroke={cssVar('--gl-path')} strokeWidth={2} pointerEvents="none" />
              <circle cx={(pj + 0.5) * cell} cy={(pi + 0.5) * cell} r={Math.max(2, cell / 3)} fill={cssVar('--gl-path')} pointerEvents="none" />
            </g>
          </svg>
        </div>
        <svg width={kernelBox + 2 * gap} height={side} role="img" aria-label={`Kernel B, ${kernel.rows} × ${kernel.cols}: ${state.kernel.map((r) => r.map((v) => v.toFixed(2)).join(' ')).join('; ')}`} data-testid="kernel">
          <text x={gap / 2} y={side / 2} dy="0.35em" textAnchor="middle" fontSize={22} fill={cssVar('--gl-fg')}>∗</text>
          <g transform={`translate(${gap + (kernelBox - kernel.cols * kCell) / 2},${(side - kernel.rows * kCell) / 2})`}>
            {state.kernel.map((row, r) =>
              row.map((v, c) => {
                const [R, G, B] = kernelColor(v);
                return <rect key={`${r}-${c}`} x={c * kCell} y={r * kCell} width={kCell} height={kCell} fill={`rgb(${R},${G},${B})`} stroke={cssVar('--gl-border')} />;
              }),
            )}
          </g>
          <text x={gap + kernelBox + gap / 2} y={side / 2} dy="0.35em" textAnchor="middle" fontSize={22} fill={cssVar('--gl-fg')}>=</text>
        </svg>
        <div style={{ position: 'relative', width: side, height: side }}>
          <GridCanvas values={output.data} rows={output.rows} cols={output.cols} width={side} height={side} color={outColor} reveal={pos} testId="output-image" />
          <svg width={side} height={side} role="img" aria-label={`Output image A ∗ B: ${pos} of ${total} pixels computed`} data-testid="output" data-revealed={pos} style={{ position: 'absolute', left: 0, top: 0 }}>
            <rect width={side} height={side} fill="none" stroke={cssVar('--gl-border')} />
            {!done && <rect x={pj * cell} y={pi * cell} width={cell} height={cell} fill="none" stroke={cssVar('--gl-path')} strokeWidth={2} />}
          </svg>
        </div>
      </div>
      <div role="group" aria-label="Controls" style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
        <button type="button" style={buttonStyle} onClick={() => setState((s) => ({ ...s, position: Math.min(total, s.position + 1) }))} disabled={done}>Step</button>
        <button type="button" style={buttonStyle} onClick={() => setPlaying((p) => !p)} disabled={done} aria-pressed={playing}>{playing ? 'Pause' : 'Play'}</button>
        <button type="button" style={buttonStyle} onClick={() => { setPlaying(false); setState((s) => ({ ...s, position: total })); }} disabled={done}>Finish</button>
        <button type="button" style={buttonStyle} onClick={() => { setPlaying(false); setState((s) => ({ ...s, position: 0 })); }}>Reset</button>
        <label style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
          Image
          <select value={state.image} onChange={(e) => setState((s) => ({ ...s, image: e.target.value as ExplorerImage, position: 0 }))} style={{ ...buttonStyle, padding: '0 8px' }}>
            {(Object.keys(IMAGES) as ExplorerImage[]).map((k) => <option key={k} value={k}>{IMAGES[k]}</option>)}
          </select>
        </label>
        <label style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
          Kernel
          <select value={state.preset} onChange={(e) => e.target.value !== 'custom' && setPreset(e.target.value as KernelPreset)} style={{ ...buttonStyle, padding: '0 8px' }}>
            {PRESETS.map((k) => <option key={k} value={k}>{KERNELS[k].label}</option>)}
            <option value="custom" disabled>Custom (edited)</option>
          </select>
        </label>
      </div>
      <fieldset style={{ border: `1px solid ${cssVar('--gl-border')}`, borderRadius: 6, padding: 8, margin: 0 }}>
        <legend>Kernel weights B (editable)</legend>
        <div style={{ display: 'grid', gridTemplateColumns: `repeat(${kernel.cols}, 64px)`, gap: 4 }}>
          {state.kernel.map((row, r) =>
            row.map((v, c) => (
              <input
                key={`${r}-${c}`}
                type="number"
                step={0.01}
                value={Number(v.toFixed(4))}
                aria-label={`Kernel row ${r + 1}, column ${c + 1}`}
                onChange={(e) => {
                  const x = Number(e.target.value);
                  if (e.target.value !== '' && Number.isFinite(x)) setCell(r, c, x);
                }}
                style={{ minHeight: 44, width: 64, boxSizing: 'border-box', font: 'inherit', color: cssVar('--gl-fg'), background: cssVar('--gl-bg'), border: `1px solid ${cssVar('--gl-border')}`, borderRadius: 4 }}
              />
            )),
          )}
        </div>
      </fieldset>
      <output aria-live="polite" data-testid="status" data-value={here.value} data-position={pos} style={{ fontVariantNumeric: 'tabular-nums' }}>{status}</output>
      {playing && (
        <small aria-hidden="true" style={{ color: cssVar('--gl-muted') }}>{stats.fps.toFixed(0)} FPS · {stats.frameTime.toFixed(1)} ms per frame</small>
      )}
      <figcaption style={{ display: 'grid', gap: 4 }}>
        <Tex block>{String.raw`(A\ast B)_{ij}=\sum_n\sum_m A_{nm}\,B_{i-n,\,j-m}`}</Tex>
        <Tex block>{String.raw`(A\ast B)_{${pi},${pj}}=${shown}+\dots\ (${here.terms.length}\ \text{terms})=${texNumber(here.value, 3)}`}</Tex>
      </figcaption>
    </figure>
  );
}
