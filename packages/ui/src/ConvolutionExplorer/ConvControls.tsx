import { Button, PlaybackButtons } from '../kit/buttons';
import { Select } from '../kit/Segmented';
import { KERNELS, kernelText, type ExplorerImage, type KernelPreset } from './convolve';
import { IMAGES, SPEEDS } from './model';
import type { ConvolutionModel } from './useConvolution';

const IMAGE_OPTIONS = (Object.keys(IMAGES) as ExplorerImage[]).map((k) => ({ value: k, label: IMAGES[k] }));
const KERNEL_OPTIONS = [
  ...(Object.keys(KERNELS) as KernelPreset[]).map((k) => ({ value: k as KernelPreset | 'custom', label: KERNELS[k].label })),
  { value: 'custom' as const, label: 'Custom (edited)', disabled: true },
];

/** Play/Pause, Step, Reset with the speed, then Finish, the image and the kernel preset. */
export function ConvControls({ model }: { model: ConvolutionModel }) {
  const { state, actions, playing, done, speed } = model;
  return (
    <>
      <PlaybackButtons playing={playing} onTogglePlay={actions.togglePlay} onStep={actions.step} onReset={actions.reset} done={done} speed={speed} onSpeedChange={actions.setSpeed} speeds={SPEEDS}>
        <Button onClick={actions.finish} disabled={done}>
          Finish
        </Button>
      </PlaybackButtons>
      <Select label="Image" options={IMAGE_OPTIONS} value={state.image} onChange={actions.setImage} />
      <Select label="Kernel" options={KERNEL_OPTIONS} value={state.preset} onChange={(v) => v !== 'custom' && actions.setPreset(v)} />
    </>
  );
}

/** The kernel's weights as number fields (spin buttons), one per box, showing every digit that matters. */
export function KernelEditor({ model }: { model: ConvolutionModel }) {
  const { state, kernel, actions } = model;
  return (
    <fieldset className="gl-fieldset gl-conv-editor">
      <legend>Kernel weights B (editable)</legend>
      <div className="gl-conv-editor-grid" style={{ gridTemplateColumns: `repeat(${kernel.cols}, max-content)` }}>
        {state.kernel.map((row, r) =>
          row.map((v, c) => (
            <input
              key={`${r}-${c}`}
              type="number"
              step={0.01}
              value={Number(v.toPrecision(6))}
              title={kernelText(v)}
              aria-label={`Kernel row ${r + 1}, column ${c + 1}`}
              className="gl-number-input gl-conv-kernel-input"
              onChange={(e) => {
                const x = Number(e.target.value);
                if (e.target.value !== '' && Number.isFinite(x)) actions.setCell(r, c, x);
              }}
            />
          )),
        )}
      </div>
    </fieldset>
  );
}
