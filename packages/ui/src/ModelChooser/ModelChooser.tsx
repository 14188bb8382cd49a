import { useMemo } from 'react';
import { Tex } from '../common/Tex';
import { sanitizeDefaultValue, useControllableState } from '../hooks/useControllableState';
import { Button } from '../kit/buttons';
import { Explainer, type ExplainerLayout } from '../kit/Explainer';
import { explainerFrameProps, type ExplainerCommonProps, type ExplainerStateProps } from '../kit/explainerProps';
import { Legend } from '../kit/Legend';
import { FlowChart } from './FlowChart';
import { answerText, areaColor, AREAS, DEFAULT_STATE, STATE_CHECKS, statusText, walk, type Answer, type ModelChooserState, type WalkStep } from './model';
import { QuestionPanel } from './QuestionPanel';
import { ModelChooserStyles } from './styles';

export { NODES, walk, type Answer, type ModelChooserState } from './model';

/** Props of {@link ModelChooser}. Other attributes (`id`, `aria-*`, `data-*`) go to the root `<figure>`. */
export interface ModelChooserProps extends Omit<ExplainerCommonProps, 'showPerformance'>, ExplainerStateProps<ModelChooserState> {
  /** Width of the flowchart in px. Default 960 (shrinks to the container; below 640 px the path is a list). */
  width?: number;
  /** Height hint in px (checked like `width`). Default 560. */
  height?: number;
  /** Accessible name and title. Default "Choosing a model: the scikit-learn cheat sheet". */
  label?: string;
}

/**
 * "Why so many regression algorithms?": scikit-learn's cheat sheet for choosing an estimator,
 * as a tree to walk. Answer each question with Yes or No; the path lights up and ends at model
 * suggestions, each linked to our explainer where there is one.
 */
export function ModelChooser({ width = 960, height = 560, value, defaultValue, onValueChange, ...rest }: ModelChooserProps) {
  const clean = useMemo(() => sanitizeDefaultValue<ModelChooserState>('ModelChooser', defaultValue, STATE_CHECKS), [defaultValue]);
  const [state, setState] = useControllableState<ModelChooserState>({ value, defaultValue: { ...DEFAULT_STATE, ...clean }, onChange: onValueChange });
  const { steps, valid } = walk(state.answers);
  const here = steps[steps.length - 1].node;
  const answer = (a: Answer) => setState((s) => ({ answers: [...s.answers.slice(0, walk(s.answers).valid), a] }));
  const goTo = (k: number) => setState((s) => ({ answers: s.answers.slice(0, k) }));
  return (
    <Explainer
      {...explainerFrameProps(rest, { label: 'Choosing a model: the scikit-learn cheat sheet', width, height })}
      state={here.kind === 'question' ? (valid ? 'paused' : 'idle') : 'done'}
      status={statusText(steps)}
      statusProps={{ 'data-testid': 'status', 'data-step': String(valid), 'data-node': here.id }}
      controls={
        <>
          <Button onClick={() => goTo(valid - 1)} disabled={valid === 0}>
            Back
          </Button>
          <Button onClick={() => goTo(0)} disabled={valid === 0}>
            Restart
          </Button>
        </>
      }
      legend={<Legend label="Areas" items={[...AREAS.map((a, k) => ({ label: a, color: areaColor(k), shape: 'dot' as const })), { label: 'your path', color: 'var(--gl-accent)', shape: 'line' as const }]} />}
      caption="The sheet is a rule of thumb from experience, not a law: model selection is trial and error. Follow it to a first model, then check it on held-out data (a test split, cross-validation) and go on down the sheet when it does not work."
      maths={<Tex block>{String.raw`\text{choose } f_\theta \text{ by } \min\ \mathcal{L}_{\text{test}}(f_\theta),\ \text{not } \mathcal{L}_{\text{train}}`}</Tex>}
    >
      {(layout: ExplainerLayout) => (
        <>
          <ModelChooserStyles />
          <div className="gl-panel" data-gl-panel="question">
            <QuestionPanel node={here} step={valid} onAnswer={answer} />
          </div>
          <div className="gl-panel" data-gl-panel="chart">
            {layout.compact ? <PathList steps={steps} onGoTo={goTo} /> : <FlowChart width={layout.plotWidth(width)} steps={steps} onGoTo={goTo} />}
          </div>
        </>
      )}
    </Explainer>
  );
}

/** The narrow layout: the path so far as a vertical list; earlier steps are buttons that go back. */
function PathList({ steps, onGoTo }: { steps: readonly WalkStep[]; onGoTo: (k: number) => void }) {
  return (
    <ol className="gl-mc-list" aria-label="Your path through the cheat sheet" data-testid="path-list">
      {steps.map((s, k) => {
        const text = s.node.kind === 'question' ? s.node.text : s.node.kind === 'models' ? s.node.models.map((m) => m.name).join(', ') : s.node.short;
        return (
          <li key={s.node.id} data-current={s.answer === null || undefined}>
            {s.answer === null ? (
              text
            ) : (
              <Button onClick={() => onGoTo(k)} aria-label={`${text} → ${answerText(s.answer)}. Go back to: ${text}`}>
                {text} <span className="gl-mc-answer">→ {answerText(s.answer)}</span>
              </Button>
            )}
          </li>
        );
      })}
    </ol>
  );
}
