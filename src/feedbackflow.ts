/**
 * The feedback part of a card ("Is this diagnosis right?") as a state machine, without any
 * DOM or React, so that every path can be tested alone:
 *
 *     ask ──Right──────────────────────▶ sending ──stored──▶ done ──Change──▶ ask
 *      │                                   │  ▲
 *      └──Wrong…──▶ form ──Send (changed)──┘  │ failed: error (ask again, saying why)
 *                    ├──Send (unchanged)──▶ form, asking to change a label
 *                    └──Cancel──▶ done if a verdict is stored, else ask
 *
 * The component dispatches the events; `sendVerdict` runs a request through them.
 */
import { storedFeedback } from './feedback';
import { errorMessage } from './labels';
import {
  IDiagnosis,
  IFeedbackRequest,
  IFeedbackResponse,
  IStoredFeedback
} from './types';

/** Where the feedback part of a card is. */
export type FeedbackPhase = 'ask' | 'form' | 'sending' | 'done' | 'error';

export interface IFeedbackState {
  phase: FeedbackPhase;
  /** The verdict the server keeps for this crash (shown in 'done'), if any. */
  feedback: IStoredFeedback | null;
  /** Why the last attempt failed ('error'). */
  error: string;
  /** What the form asks of the user before it can be sent ('' when nothing). */
  formMessage: string;
}

export type FeedbackEvent =
  /** "Wrong…", once the labels to choose from are at hand. */
  | { type: 'open-form' }
  /** "Wrong…", but the labels to choose from could not be loaded. */
  | { type: 'labels-failed'; reason: string }
  /** "Cancel" in the form. */
  | { type: 'cancel' }
  /** "Send correction" with every label as the diagnosis has it. */
  | { type: 'unchanged' }
  /** A verdict goes to the server ("Right", or a correction). */
  | { type: 'send' }
  /** The server stored it. */
  | { type: 'sent'; feedback: IStoredFeedback }
  /** The server refused it or could not be reached. */
  | { type: 'send-failed'; reason: string }
  /** "Change" after a verdict. */
  | { type: 'change' }
  /** The crash log has a verdict for this crash (from the server's history, another view). */
  | { type: 'stored'; feedback: IStoredFeedback | null };

/** What the form says when "Send correction" would change nothing. */
export const UNCHANGED_MESSAGE =
  'Change at least one label to the right one (or press "Right" if the diagnosis is right).';

/** The state of a crash the user has (or has not yet) given a verdict on. */
export function initialFeedbackState(
  feedback: IStoredFeedback | null | undefined
): IFeedbackState {
  return {
    phase: feedback ? 'done' : 'ask',
    feedback: feedback ?? null,
    error: '',
    formMessage: ''
  };
}

/** The state after an event; an event that does not apply leaves the state as it is. */
export function nextFeedbackState(
  state: IFeedbackState,
  event: FeedbackEvent
): IFeedbackState {
  const { phase } = state;
  const asking = phase === 'ask' || phase === 'error';
  switch (event.type) {
    case 'open-form':
      return asking
        ? { ...state, phase: 'form', error: '', formMessage: '' }
        : state;
    case 'labels-failed':
      return asking || phase === 'form'
        ? {
            ...state,
            phase: 'error',
            error: `the labels could not be loaded (${event.reason})`
          }
        : state;
    case 'cancel':
      return phase === 'form'
        ? { ...state, phase: state.feedback ? 'done' : 'ask', formMessage: '' }
        : state;
    case 'unchanged':
      return phase === 'form'
        ? { ...state, formMessage: UNCHANGED_MESSAGE }
        : state;
    case 'send':
      return asking || phase === 'form'
        ? { ...state, phase: 'sending', error: '', formMessage: '' }
        : state;
    case 'sent':
      return phase === 'sending'
        ? { ...state, phase: 'done', feedback: event.feedback }
        : state;
    case 'send-failed':
      return phase === 'sending'
        ? { ...state, phase: 'error', error: event.reason }
        : state;
    case 'change':
      return phase === 'done' ? { ...state, phase: 'ask' } : state;
    case 'stored':
      // The form and a request under way are the user's: a verdict arriving meanwhile
      // is kept, and shown once they are over.
      if (!event.feedback || phase === 'form' || phase === 'sending') {
        return event.feedback ? { ...state, feedback: event.feedback } : state;
      }
      return { ...state, phase: 'done', feedback: event.feedback, error: '' };
  }
}

/**
 * Send a verdict through the machine: 'send', then 'sent' or 'send-failed'. Resolves with
 * what the crash log should keep, or null when the server did not store it.
 */
export async function sendVerdict(
  request: IFeedbackRequest,
  diagnosis: IDiagnosis,
  send: (request: IFeedbackRequest) => Promise<IFeedbackResponse>,
  dispatch: (event: FeedbackEvent) => void
): Promise<IStoredFeedback | null> {
  dispatch({ type: 'send' });
  let response: IFeedbackResponse;
  try {
    response = await send(request);
  } catch (reason) {
    dispatch({ type: 'send-failed', reason: errorMessage(reason) });
    return null;
  }
  const feedback = storedFeedback(request, response, diagnosis);
  dispatch({ type: 'sent', feedback });
  return feedback;
}
