import { useEffect, useId, useRef } from 'react';
import { Button } from '../kit/buttons';
import type { Answer, ChartNode } from './model';

/** Props of {@link QuestionPanel}. */
export interface QuestionPanelProps {
  node: ChartNode;
  /** How many answers so far (moves the focus to the new step when it changes). */
  step: number;
  onAnswer: (a: Answer) => void;
}

/**
 * The current step: a question with Yes/No (a labelled group), the suggested models with links to
 * our explainers and "Not working?", or a dead end. When the step changes while the focus is
 * inside, the focus moves to the new step's text, so that keyboard users hear it.
 */
export function QuestionPanel({ node, step, onAnswer }: QuestionPanelProps) {
  const id = useId();
  const text = useRef<HTMLParagraphElement>(null);
  const hadFocus = useRef(false);
  useEffect(() => {
    if (hadFocus.current) text.current?.focus();
    hadFocus.current = false;
  }, [step]);
  const answer = (a: Answer) => {
    hadFocus.current = true;
    onAnswer(a);
  };
  const title = node.kind === 'question' ? node.text : node.kind === 'models' ? (node.models.length > 1 ? 'Try one of these:' : 'Try this:') : 'End of the road';
  return (
    <div className="gl-mc-question" role="group" aria-labelledby={id} data-testid="question" data-node={node.id}>
      <p id={id} ref={text} className="gl-mc-q-text" tabIndex={-1}>
        {title}
      </p>
      {node.area && <p className="gl-mc-area">Area: {node.area}</p>}
      {node.kind === 'question' && (
        <div className="gl-mc-buttons">
          <Button onClick={() => answer('yes')}>Yes</Button>
          <Button onClick={() => answer('no')}>No</Button>
        </div>
      )}
      {node.kind === 'models' && (
        <>
          <ul className="gl-mc-models">
            {node.models.map((m) => (
              <li key={m.name}>
                {m.story ? (
                  <a href={`?path=/story/${m.story}`} data-story={m.story}>
                    {m.name}: open our explainer
                  </a>
                ) : (
                  <span>{m.name}</span>
                )}
              </li>
            ))}
          </ul>
          {node.next && (
            <div className="gl-mc-buttons">
              <Button onClick={() => answer('next')}>Not working? Go on</Button>
            </div>
          )}
        </>
      )}
      {node.kind === 'end' && <p className="gl-mc-area">{node.text}</p>}
    </div>
  );
}
