import { postAPI } from './request';
import {
  CorrectableDimension,
  IDiagnosis,
  IFeedbackRequest,
  IFeedbackResponse,
  IStoredFeedback
} from './types';

/** The labels a user can correct, in the order the form asks for them. */
export const CORRECTABLE: readonly CorrectableDimension[] = [
  'crash_type',
  'root_cause',
  'notebook_cause',
  'stage',
  'library'
];

/** The labels the user chose: an id per dimension ('' = none, for notebook_cause). */
export type ChosenLabels = { [D in CorrectableDimension]?: string };

/**
 * The body of POST /nbcrash/feedback for a "wrong" verdict: only the labels that differ
 * from the diagnosis. Null when nothing differs (the server refuses a "wrong" without a
 * corrected label; the form asks the user to change one).
 */
export function wrongFeedback(
  crashId: number,
  diagnosis: IDiagnosis,
  chosen: ChosenLabels
): IFeedbackRequest | null {
  const labels: IFeedbackRequest['labels'] = {};
  for (const dim of CORRECTABLE) {
    const value = chosen[dim];
    if (value === undefined) {
      continue;
    }
    const predicted = diagnosis[dim] ?? '';
    if (value !== predicted) {
      labels[dim] = dim === 'notebook_cause' && value === '' ? null : value;
    }
  }
  return Object.keys(labels).length
    ? { crash_id: crashId, correct: false, labels }
    : null;
}

/** What the log keeps once the server has stored a verdict (as GET /nbcrash/crashes has it). */
export function storedFeedback(
  request: IFeedbackRequest,
  response: IFeedbackResponse,
  diagnosis: IDiagnosis
): IStoredFeedback {
  const labels: IStoredFeedback['labels'] = {};
  for (const dim of CORRECTABLE) {
    labels[dim] = diagnosis[dim] ?? null;
  }
  Object.assign(labels, request.correct ? {} : request.labels);
  return {
    feedback_id: response.feedback_id,
    correct: request.correct,
    labels,
    created: new Date().toISOString()
  };
}

/** POST /nbcrash/feedback. */
export function sendFeedback(
  request: IFeedbackRequest
): Promise<IFeedbackResponse> {
  return postAPI<IFeedbackResponse>('feedback', request);
}
