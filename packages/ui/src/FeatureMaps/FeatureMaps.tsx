import type { WasmPaths } from '@geolearn/algorithms/nn';
import { calibrationLine } from '../common/calibration';
import { HELD_OUT_LABELS } from '../common/mnistDigits';
import type { MnistModelSource } from '../common/mnistModels';
import { Tex } from '../common/Tex';
import { Button } from '../kit/buttons';
import { Explainer, type ExplainerLayout } from '../kit/Explainer';
import { explainerFrameProps, type ExplainerCommonProps, type ExplainerStateProps } from '../kit/explainerProps';
import { Select } from '../kit/Segmented';
import { EnlargedMap } from './EnlargedMap';
import { InkGrid } from './InkGrid';
import { slideLayerList } from './layers';
import { LayerMaps } from './LayerMaps';
import { FeatureMapsStyles } from './styles';
import { useFeatureMaps, type FeatureMapsModel, type FeatureMapsState } from './useFeatureMaps';

export type { FeatureMapsState } from './useFeatureMaps';

/** Props of {@link FeatureMaps}. Other attributes (`id`, `aria-*`, `data-*`) go to the root `<figure>`. */
export interface FeatureMapsProps extends ExplainerCommonProps, ExplainerStateProps<FeatureMapsState> {
  /** Width in px. Default 760 (shrinks to the container). */
  width?: number;
  /** Height of the digit picture in px. Default 140. */
  height?: number;
  /** The CNN: URLs or loaded model.json and weights. Default the shipped weights. Pass a stable object. */
  model?: MnistModelSource;
  /** Where the page serves TF.js's .wasm files; by default the copies shipped in this package's assets. */
  wasmPaths?: WasmPaths;
  /** Accessible name and title. Default "What the CNN sees". */
  label?: string;
  /** Accepted for a uniform API; nothing is timed here. Default false. */
  showPerformance?: boolean;
}

const DIGIT_OPTIONS = HELD_OUT_LABELS.map((d, i) => ({ value: String(i), label: `#${i + 1}: a ${d}` }));

/**
 * Inside the trained MNIST CNN: every layer's feature maps for a chosen held-out digit, from
 * the input through convolution (a cross-correlation), ReLU and max-pooling to the dense layer
 * and the ten labelled outputs. The first layer's learned 5 × 5 filters sit right above the
 * maps they make; each layer's maps share one diverging colour scale, with its key; click a
 * map (or use "Enlarge a map") to see it large.
 */
export function FeatureMaps({ width = 760, height = 140, value, defaultValue, onValueChange, model: source, wasmPaths, showPerformance: _perf, ...rest }: FeatureMapsProps) {
  const fm = useFeatureMaps({ value, defaultValue, onValueChange, model: source, wasmPaths });
  const { state, actions, layers } = fm;
  return (
    <Explainer
      {...explainerFrameProps(rest, { label: 'What the CNN sees', width, height })}
      state={fm.error ? 'error' : 'idle'}
      status={fm.status}
      statusProps={{ 'data-testid': 'status', 'data-guess': fm.best }}
      controls={
        <>
          <Select label="Digit" options={DIGIT_OPTIONS} value={String(state.sample)} onChange={(v) => actions.choose(Number(v))} />
          <Button onClick={actions.previous}>Previous</Button>
          <Button onClick={actions.next}>Next</Button>
          <Button onClick={() => actions.enlarge({ title: 'Convolution layer 1', k: 0 })} disabled={!layers}>
            Enlarge a map
          </Button>
        </>
      }
      caption={
        <>
          A CNN layer computes a cross-correlation: the kernel slides without the flip of the slides&apos; convolution ∗. Nothing is lost: the kernel it learns simply comes out flipped. Click a map to enlarge it.{' '}
          <span data-testid="calibration">{calibrationLine(fm.temperature)}</span>
        </>
      }
      maths={
        <>
          <Tex block>{String.raw`h_k[i,j]=\mathrm{ReLU}\Bigl(\sum_n\sum_m x[i+n,\,j+m]\,W_k[n,m]+b_k\Bigr)=\mathrm{ReLU}\bigl((x\star W_k)[i,j]+b_k\bigr)`}</Tex>
          <Tex block>{String.raw`\text{max-pool: } p_{ij}=\max_{(n,m)\in 2\times 2\ \text{block}} h_{nm}`}</Tex>
        </>
      }
    >
      {(layout: ExplainerLayout) => <FeatureMapsBody fm={fm} width={layout.plotWidth(width)} side={Math.min(height, layout.plotWidth(width))} />}
    </Explainer>
  );
}

/** The digit and the slides' layer list, the enlarged map, then every layer's maps. */
function FeatureMapsBody({ fm, width, side }: { fm: FeatureMapsModel; width: number; side: number }) {
  const { state, layers, filters, enlarged, actions } = fm;
  const list = slideLayerList(layers?.map((l) => l.title) ?? ['Input layer', 'Convolution layer 1', 'Downsampling layer 1', 'Convolution layer 2', 'Downsampling layer 2', 'Fully-connected layer 1', 'Output layer']);
  return (
    <>
      <FeatureMapsStyles />
      <div className="gl-panel" data-gl-panel="">
        <div className="gl-fm-digit-box" role="img" aria-label={`Held-out digit ${state.sample + 1}, a ${HELD_OUT_LABELS[state.sample]}`}>
          <InkGrid values={fm.digit} rows={28} cols={28} width={side} height={side} testId="digit" />
        </div>
      </div>
      <div className="gl-panel" data-gl-panel="">
        <div className="gl-fm-layer-title">The slides' 8 layers</div>
        <ol className="gl-fm-layers" data-testid="layer-list">
          {list.map((l) => (
            <li key={l.title} data-present={l.present}>
              {l.title}
              {l.present ? '' : ' — not in this smaller CNN (one dense hidden layer)'}
            </li>
          ))}
        </ol>
      </div>
      {enlarged && layers && <EnlargedMap layers={layers} choice={enlarged} filters={filters} size={Math.min(220, width)} onChoose={actions.enlarge} />}
      <div className="gl-panel" data-gl-panel="" data-testid="maps" data-layers={layers?.length ?? 0}>
        {layers
          ?.filter((l) => l.type !== 'input')
          .map((l) =>
            l.title === 'Convolution layer 1' ? (
              <div key={l.title} data-testid="filters" data-count={filters?.kernels.length ?? 0}>
                <div className="gl-fm-k">Filter k (5 × 5, learned) above map k</div>
                <LayerMaps layer={l} width={width} mapSize={44} filters={filters} onEnlarge={(title, k) => actions.enlarge({ title, k })} selected={enlarged?.title === l.title ? enlarged.k : null} />
              </div>
            ) : (
              <LayerMaps key={l.title} layer={l} width={width} mapSize={l.shape[0] > 20 ? 56 : 40} onEnlarge={(title, k) => actions.enlarge({ title, k })} selected={enlarged?.title === l.title ? enlarged.k : null} />
            ),
          )}
      </div>
    </>
  );
}
