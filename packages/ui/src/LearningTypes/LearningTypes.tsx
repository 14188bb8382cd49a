import { useRef } from 'react';
import { classColor, conceptColor } from '../common/colors';
import { Tex } from '../common/Tex';
import { Button, PlaybackButtons } from '../kit/buttons';
import { Explainer, type ExplainerLayout } from '../kit/Explainer';
import { useExplainerFrame, type ExplainerCommonProps, type ExplainerStateProps } from '../kit/explainerProps';
import { Legend, type LegendItem } from '../kit/Legend';
import { PerformanceReadout } from '../kit/PerformanceReadout';
import { Segmented } from '../kit/Segmented';
import { EtpPart } from './EtpPart';
import { frameState, statusText, type LearningTypesState, type Part } from './model';
import { LtStyles } from './styles';
import { TypesPart } from './TypesPart';
import { useLearningTypes } from './useLearningTypes';
import { VocabularyPart } from './VocabularyPart';

export type { LearningTypesState } from './model';

/** Props of {@link LearningTypes}. Other attributes (`id`, `aria-*`, `data-*`) go to the root `<figure>`. */
export interface LearningTypesProps extends ExplainerCommonProps, ExplainerStateProps<LearningTypesState> {
  /** Width in px. Default 960 (shrinks to the container). */
  width?: number;
  /** Height hint in px (validated; the parts size themselves from the width). Default 520. */
  height?: number;
  /** Seed of the points, of k-means and of the Q-learning exploration. Default 0. */
  seed?: number;
  /** Accessible name and title. Default "Definitions and types of learning". */
  label?: string;
}

const PART_OPTIONS = [
  { value: 'etp' as const, label: 'E, T, P' },
  { value: 'vocabulary' as const, label: 'Vocabulary' },
  { value: 'types' as const, label: 'Types of learning' },
];

const CAPTIONS: Record<Part, string> = {
  etp: 'Pick a task and read its experience E, task T and performance P. Switch one off: without it, "learning" has no meaning.',
  vocabulary: 'Hover or focus a symbol: its part of the table (N samples xᵢ with F features and a label yᵢ) or of the image lights up.',
  types: 'Supervised: labels given, a boundary learned. Unsupervised: no labels, groups found. Reinforcement: no labels, only rewards; the arrows are the learned policy.',
};

/**
 * Chapter 2's definitions in one explainer: Mitchell's experience–task–performance with the
 * three elements required, the vocabulary table (xᵢ, yᵢ, features, targets, N, F, T, 𝕏, 𝕐)
 * with an image x ∈ ℝ^{H×W×C}, and the three types of learning, each with a live example
 * (logistic regression, k-means with k = 2, Q-learning in a 4 × 4 grid world).
 */
export function LearningTypes({
  width = 960,
  height = 520,
  seed = 0,
  value,
  defaultValue,
  onValueChange,
  showPerformance = false,
  ...rest
}: LearningTypesProps) {
  const own = useRef<HTMLElement | null>(null);
  const m = useLearningTypes({ value, defaultValue, onValueChange, seed, target: own });
  const { state, actions } = m;
  const frame = useExplainerFrame(rest, { label: 'Definitions and types of learning', width, height }, { rootRef: own, frameState: frameState(state, m.playing), status: statusText(state, m.boundary, m.q) });
  return (
    <Explainer
      {...frame}
      statusProps={{ 'data-testid': 'status', 'data-part': state.part, 'data-episodes': state.episodes }}
      controls={<Controls m={m} />}
      legend={state.part === 'types' ? <Legend label="Key to the examples" items={TYPE_LEGEND} /> : undefined}
      footer={<PerformanceReadout show={showPerformance} fps={m.stats.fps} frameTime={m.stats.frameTime} />}
      caption={CAPTIONS[state.part]}
      maths={state.part === 'vocabulary' ? <Tex block>{String.raw`\mathcal{D}=\{(\mathbf{x}_i,\mathbf{y}_i)\}_{i=1}^{N}`}</Tex> : undefined}
    >
      {(layout: ExplainerLayout) => {
        const avail = layout.plotWidth(width);
        return (
          <>
            <LtStyles />
            {state.part === 'etp' && <EtpPart task={state.task} kept={state.kept} width={Math.min(avail, 760)} onTask={(t) => actions.set('task', t)} onKept={(k) => actions.set('kept', k)} />}
            {state.part === 'vocabulary' && (
              <VocabularyPart
                symbol={state.symbol}
                onSymbol={(s) => actions.set('symbol', s)}
                tableWidth={layout.compact ? avail : Math.max(300, Math.floor((avail - 12) * 0.58))}
                imageWidth={layout.compact ? avail : Math.min(400, Math.floor((avail - 12) * 0.42))}
              />
            )}
            {state.part === 'types' && (
              <TypesPart
                points={m.points}
                labels={m.labels}
                boundary={m.boundary}
                clusters={m.clusters}
                q={m.q}
                panelWidth={layout.compact ? avail : Math.floor((avail - 24) / 3)}
                onToggle={actions.toggleLabel}
                fit={layout.fit}
              />
            )}
          </>
        );
      }}
    </Explainer>
  );
}

const TYPE_LEGEND: LegendItem[] = [
  { label: 'class 0', color: classColor(0), shape: 'dot' },
  { label: 'class 1', color: classColor(1), shape: 'dot' },
  { label: 'learned boundary', color: 'var(--gl-fg)', shape: 'dashed' },
  { label: 'cluster A (k-means)', color: classColor(2), shape: 'dot' },
  { label: 'cluster B; × its centre', color: classColor(3), shape: 'dot' },
  { label: 'greedy policy argmaxₐ Q(s, a)', color: 'var(--gl-accent)', shape: 'arrow' },
  { label: 'last episode', color: conceptColor('data') },
];

/** The part picker, then the controls of the part shown. */
function Controls({ m }: { m: ReturnType<typeof useLearningTypes> }) {
  const { state, actions } = m;
  return (
    <>
      <Segmented<Part> label="Part" options={PART_OPTIONS} value={state.part} onChange={(p) => actions.set('part', p)} />
      {state.part === 'types' && (
        <>
          <PlaybackButtons playing={m.playing} onTogglePlay={actions.togglePlay} onStep={actions.step} onReset={actions.reset} done={m.done} stepLabel="Step: one episode" />
          <Button onClick={actions.resetLabels}>Reset labels</Button>
        </>
      )}
    </>
  );
}
