import { classAttr } from '../common/colors';
import { Tex } from '../common/Tex';
import { Explainer } from '../kit/Explainer';
import { useExplainerFrame, type ExplainerCommonProps, type ExplainerStateProps } from '../kit/explainerProps';
import { AblationPanel } from './AblationPanel';
import { Controls } from './Controls';
import { MatrixPair } from './MatrixPair';
import { CLASS_NAMES, type SeismicClassifierState } from './model';
import { ScStyles } from './styles';
import { useSeismicClassifier } from './useSeismicClassifier';

export type { SeismicClassifierState, ClassifierKind, Balance } from './model';
export type { SeismicCnnPayload, SeismicCnnResult, SeismicCnnSnapshot } from './cnnTask';

/** Props of {@link SeismicClassifier}. Other attributes (`id`, `aria-*`, `data-*`) go to the root `<figure>`. */
export interface SeismicClassifierProps extends Omit<ExplainerCommonProps, 'showPerformance'>, ExplainerStateProps<SeismicClassifierState> {
  /** Width of the explainer in px. Default 960 (shrinks to the container; one column below 640 px). */
  width?: number;
  /** Height hint in px (checked like `width`). Default 760. */
  height?: number;
  /** Number of generated events (30 … 600). Default 240. */
  nSamples?: number;
  /** Seed of the events, the split, the forest and the CNN's initial weights. Default 0. */
  seed?: number;
  /** Epochs of CNN training (1 … 200). Default 20. */
  epochs?: number;
  /** Accessible name and title. Default "Volcano-seismic classification: hand-made or learned features?". */
  label?: string;
}

const clampInt = (v: number, lo: number, hi: number, fallback: number) => (Number.isFinite(v) ? Math.min(hi, Math.max(lo, Math.round(v))) : fallback);

/**
 * The course's volcano-seismic case end to end: events of six classes (LP, TR, VT, EXP,
 * HYB, TOR) → Table 1's 102 hand-made features → standardised → a classifier the student
 * picks → the held-out confusion matrix with per-class precision and recall as in Table 3,
 * an ablation by feature group, and beside it a small 1-D CNN trained on the raw traces in
 * a Web Worker: "hand-designed or learned features?".
 */
export function SeismicClassifier({ width = 960, height = 760, nSamples = 240, seed = 0, epochs = 20, value, defaultValue, onValueChange, ...rest }: SeismicClassifierProps) {
  const model = useSeismicClassifier({
    nSamples: clampInt(nSamples, 30, 600, 240),
    seed: clampInt(seed, 0, 2 ** 31 - 1, 0),
    epochs: clampInt(epochs, 1, 200, 20),
    value,
    defaultValue,
    onValueChange,
  });
  const frame = useExplainerFrame(rest, { label: 'Volcano-seismic classification: hand-made or learned features?', width, height }, model);
  return (
    <Explainer
      {...frame}
      aria-busy={model.busy ? true : undefined}
      statusProps={{ 'data-testid': 'status', 'data-features-accuracy': model.features.result?.accuracy, 'data-cnn-accuracy': model.cnn.result?.accuracy }}
      controls={<Controls model={model} />}
      legend={
        <p className="gl-sc-note">
          Classes: {CLASS_NAMES.map((c, k) => (
            <span key={c} {...classAttr(k)}>
              {c}{k < CLASS_NAMES.length - 1 ? ', ' : ''}
            </span>
          ))}
          . Cells tint green on the diagonal (right) and red off it (wrong), by their share of the true class.
        </p>
      }
      caption="Which representation of x works best? The same events are classified twice: from the 102 descriptors of Table 1 (temporal, spectral, cepstral), standardised, by the classifier you pick; and by a small 1-D CNN that learns its own filters from the raw traces. Lower the SNR, switch to Table 3's imbalance (accuracy then mostly measures LP), or drop a feature group to see what each representation is worth on held-out events."
      maths={
        // Short lines that wrap side by side: each fits a 390 px phone without scrolling.
        <div className="gl-maths-flow">
          <Tex block>{String.raw`\mathbf{x}_i\in\mathbb{R}^{N}\ \xrightarrow{\ \text{Table 1}\ }\ \boldsymbol{\phi}(\mathbf{x}_i)\in\mathbb{R}^{102}`}</Tex>
          <Tex block>{String.raw`\tilde{\phi}_j=\frac{\phi_j-\mu_j}{\sigma_j},\quad y_i\in\{0,\dots,5\}`}</Tex>
          <Tex block>{String.raw`\text{precision}_k=\frac{\mathrm{TP}_k}{\mathrm{TP}_k+\mathrm{FP}_k}`}</Tex>
          <Tex block>{String.raw`\text{recall}_k=\frac{\mathrm{TP}_k}{\mathrm{TP}_k+\mathrm{FN}_k}`}</Tex>
          <Tex block>{String.raw`\begin{gathered}\text{CNN layers }\ell=1,2,3:\\ \mathbf{h}^{(\ell)}=\operatorname{maxpool}\big(\varphi(\mathbf{W}^{(\ell)}*\mathbf{h}^{(\ell-1)}+\mathbf{b}^{(\ell)})\big)\end{gathered}`}</Tex>
        </div>
      }
    >
      <ScStyles />
      <div className="gl-panel gl-sc-wide" data-gl-panel="matrices">
        <MatrixPair model={model} />
      </div>
      <div className="gl-panel gl-sc-wide" data-gl-panel="ablation">
        <AblationPanel model={model} />
      </div>
    </Explainer>
  );
}
