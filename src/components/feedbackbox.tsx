import * as React from 'react';

import { crashIdOf, ICrashEntry } from '../crashlog';
import { wrongFeedback } from '../feedback';
import {
  FeedbackPhase,
  initialFeedbackState,
  nextFeedbackState,
  sendVerdict
} from '../feedbackflow';
import { errorMessage } from '../labels';
import { Taxonomy } from '../taxonomy';
import {
  IDiagnosis,
  IFeedbackRequest,
  IFeedbackResponse,
  IStoredFeedback
} from '../types';
import { FeedbackForm } from './feedbackform';
import { FeedbackSummary } from './feedbacksummary';

export interface IFeedbackBoxProps {
  entry: ICrashEntry;
  diagnosis: IDiagnosis;
  taxonomy: Taxonomy;
  /** Prefix of the form's ids (unique per card). */
  idPrefix: string;
  /** The confidence setting: labels less sure than this come first in the form (0..1). */
  threshold: number;
  /** POST the verdict (POST /nbcrash/feedback; replaceable in tests). */
  send: (request: IFeedbackRequest) => Promise<IFeedbackResponse>;
  /** The server stored a verdict: update the crash log. */
  onFeedback: (entry: ICrashEntry, feedback: IStoredFeedback) => void;
}

/**
 * "Is this diagnosis right?" → Right / Wrong… (pick the labels) → Thanks, with "Change".
 * The steps are `feedbackflow.ts`'s state machine; this component draws them. Nothing for
 * a crash the server does not keep: there is nothing to attach a verdict to.
 */
export function FeedbackBox(props: IFeedbackBoxProps): JSX.Element | null {
  const { entry, diagnosis: d, taxonomy } = props;
  const [state, dispatch] = React.useReducer(
    nextFeedbackState,
    entry.feedback,
    initialFeedbackState
  );
  React.useEffect(
    () => dispatch({ type: 'stored', feedback: entry.feedback ?? null }),
    [entry.feedback]
  );
  const box = React.useRef<HTMLDivElement>(null);
  useFocusAfter(state.phase, box);

  const crashId = crashIdOf(entry);
  if (crashId === null) {
    return null;
  }
  const send = (request: IFeedbackRequest) =>
    void sendVerdict(request, d, props.send, dispatch).then(feedback => {
      if (feedback) {
        props.onFeedback(entry, feedback);
      }
    });
  const openForm = () =>
    // The choices are the taxonomy's titles: load them if they are not here yet.
    void taxonomy.load().then(
      () => dispatch({ type: 'open-form' }),
      reason =>
        dispatch({ type: 'labels-failed', reason: errorMessage(reason) })
    );

  let content: React.ReactNode;
  switch (state.phase) {
    case 'ask':
    case 'error':
      content = (
        <>
          <span className="jp-nbcrash-feedback-question">
            Is this diagnosis right?
          </span>
          <button
            type="button"
            className="jp-nbcrash-button jp-nbcrash-feedback-right"
            title="The diagnosis is right: keep it as a training example"
            onClick={() => send({ crash_id: crashId, correct: true })}
          >
            Right
          </button>
          <button
            type="button"
            className="jp-nbcrash-button jp-nbcrash-feedback-wrong"
            title="The diagnosis is wrong: pick the right label(s)"
            onClick={openForm}
          >
            Wrong…
          </button>
          {state.phase === 'error' && (
            <span className="jp-nbcrash-feedback-error">
              Could not save the feedback: {state.error}
            </span>
          )}
        </>
      );
      break;
    case 'sending':
      content = <span className="jp-nbcrash-feedback-question">Saving…</span>;
      break;
    case 'done':
      content = (
        <>
          {state.feedback && (
            <FeedbackSummary
              as="span"
              className="jp-nbcrash-feedback-thanks"
              feedback={state.feedback}
              diagnosis={d}
              taxonomy={taxonomy}
              thanks
            />
          )}
          <button
            type="button"
            className="jp-nbcrash-button jp-nbcrash-feedback-change"
            title="Give a different verdict on this diagnosis"
            onClick={() => dispatch({ type: 'change' })}
          >
            Change
          </button>
        </>
      );
      break;
    case 'form':
      content = (
        <FeedbackForm
          diagnosis={d}
          taxonomy={taxonomy}
          idPrefix={props.idPrefix}
          threshold={props.threshold}
          message={state.formMessage}
          onCancel={() => dispatch({ type: 'cancel' })}
          onSubmit={chosen => {
            const request = wrongFeedback(crashId, d, chosen);
            if (request) {
              send(request);
            } else {
              dispatch({ type: 'unchanged' });
            }
          }}
        />
      );
      break;
  }
  return (
    <div
      ref={box}
      className="jp-nbcrash-card-feedback"
      data-state={state.phase}
      aria-live="polite"
    >
      {content}
    </div>
  );
}

/**
 * Keep the keyboard where the user is: after a verdict is stored, on "Change"; after
 * "Change", on "Right". (The form focuses its first select itself.)
 */
function useFocusAfter(
  phase: FeedbackPhase,
  box: React.RefObject<HTMLDivElement>
): void {
  const previous = React.useRef(phase);
  React.useEffect(() => {
    const before = previous.current;
    previous.current = phase;
    const target =
      phase === 'done' && before === 'sending'
        ? '.jp-nbcrash-feedback-change'
        : phase === 'ask' && before === 'done'
          ? '.jp-nbcrash-feedback-right'
          : null;
    if (target) {
      box.current?.querySelector<HTMLButtonElement>(target)?.focus();
    }
  }, [phase]);
}
