import { Tex } from '../common/Tex';
import { Select } from '../kit/Segmented';
import { ToggleButton } from '../kit/buttons';
import { ELEMENT_NAMES, ELEMENTS, TASK_IDS, TASKS, toggledElement, type Element, type TaskId } from './model';

/** Props of {@link EtpPart}. */
export interface EtpPartProps {
  /** The chosen example task. */
  task: TaskId;
  /** The elements kept. */
  kept: readonly Element[];
  /** Panel width, px. */
  width: number;
  /** Called with a new task. */
  onTask: (t: TaskId) => void;
  /** Called with the new kept list. */
  onKept: (k: Element[]) => void;
}

/** Mitchell's definition: pick a task, see E, T and P; switch one off to see why all three are required. */
export function EtpPart({ task, kept, width, onTask, onKept }: EtpPartProps) {
  const ex = TASKS[task];
  const all = kept.length === ELEMENTS.length;
  return (
    <div className="gl-panel gl-lt-etp" data-gl-panel="etp" style={{ width }}>
      <p className="gl-lt-definition">
        An algorithm learns from <strong>experience</strong> with respect to a <strong>task</strong> and <strong>performance</strong>, if its{' '}
        <strong>performance</strong> at solving the <strong>task</strong> improves with <strong>experience</strong>.
      </p>
      <Select<TaskId> label="Example task" value={task} onChange={onTask} options={TASK_IDS.map((t) => ({ value: t, label: TASKS[t].name }))} testId="task" />
      <ul className="gl-lt-cards" aria-label="The three elements">
        {ELEMENTS.map((e) => {
          const on = kept.includes(e);
          return (
            <li key={e} className="gl-lt-card" data-element={e} data-state={on ? 'on' : 'off'}>
              <ToggleButton pressed={on} onPressedChange={() => onKept(toggledElement(kept, e))} aria-label={`${e} ${ELEMENT_NAMES[e]}. Keep the ${ELEMENT_NAMES[e]}`}>
                <Tex>{e}</Tex>&nbsp;{ELEMENT_NAMES[e]}
              </ToggleButton>
              <span className="gl-lt-card-text" data-testid={`etp-${e}`}>
                {on ? ex[e] : `— no ${ELEMENT_NAMES[e]} —`}
              </span>
            </li>
          );
        })}
      </ul>
      <p className="gl-lt-verdict" data-state={all ? 'learning' : 'not-learning'} data-testid="verdict">
        {all ? `✓ Learning — ${ex.kind}.` : 'Not learning: all three elements are required.'}
      </p>
    </div>
  );
}
