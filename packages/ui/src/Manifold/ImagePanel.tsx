import { HELD_OUT_LABELS } from '../common/mnistDigits';
import { InkGrid } from '../FeatureMaps/InkGrid';
import { Button, ToggleButton } from '../kit/buttons';
import { Select } from '../kit/Segmented';
import { N_DIGITS, SIDE } from './model';
import type { ManifoldModel } from './useManifold';

const DIGIT_OPTIONS = Array.from({ length: N_DIGITS }, (_, i) => ({ value: String(i), label: `${HELD_OUT_LABELS[i]} (#${(i % 3) + 1})` }));

/**
 * Images as points of [0, 1]⁷⁸⁴: six images of uniform random pixels (none is a digit,
 * however often they are drawn) against a real held-out digit, which "Shuffle the pixels"
 * permutes: the same 784 values, no longer a digit. Under each, the mean difference between
 * neighbouring pixels, the smoothness a random point of the cube lacks.
 */
export function ImagePanel({ model, size }: { model: ManifoldModel; size: number }) {
  const { state, actions, random, shown, loaded, smooth } = model;
  const small = Math.max(40, Math.round(size / 3.4));
  return (
    <div className="gl-mf-images" style={{ width: Math.max(size, 190) }}>
      <h3 className="gl-mf-heading">Random points of [0, 1]⁷⁸⁴</h3>
      <div className="gl-mf-random" data-testid="random-images" data-draw={state.draw}>
        {random.map((img, k) => (
          <InkGrid key={k} values={img} rows={SIDE} cols={SIDE} width={small} height={small} />
        ))}
      </div>
      <p className="gl-mf-note">neighbour difference ≈ {smooth.random.toFixed(2)} (uniform noise: 1/3)</p>
      <Button onClick={actions.resample} data-testid="resample">
        Sample again
      </Button>
      <h3 className="gl-mf-heading">A real digit</h3>
      <div className="gl-mf-digit" data-testid="digit" data-shuffled={state.shuffled ? '' : undefined} data-loaded={loaded ? '' : undefined}>
        <InkGrid values={shown} rows={SIDE} cols={SIDE} width={size} height={size} />
      </div>
      <p className="gl-mf-note" data-testid="digit-roughness">
        neighbour difference {smooth.shown.toFixed(2)}
        {state.shuffled ? ` (unshuffled ${smooth.digit.toFixed(2)}): the same pixel values, in other places` : ''}
      </p>
      <div className="gl-mf-col">
        <Select label="Digit" options={DIGIT_OPTIONS} value={String(state.digit)} onChange={(v) => actions.setDigit(Number(v))} testId="digit-select" />
        <ToggleButton pressed={state.shuffled} onPressedChange={actions.toggleShuffle} data-testid="shuffle">
          Shuffle the pixels
        </ToggleButton>
      </div>
    </div>
  );
}
