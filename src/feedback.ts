import { dimensionName, TitleOf } from './labels';
import {
  Dimension,
  IDiagnosis,
  IFeedbackRequest,
  IFeedbackResponse,
  IStoredFeedback
} from './types';

/** The labels a user can correct, in the order the form asks for them. */
export const CORRECTABLE: readonly Dimension[] = [
  'crash_type',
  'root_cause',
  'notebook_cause',
  'stage',
  'library'
];

/** The labels the user chose: an id per dimension ('' = none, for notebook_cause). */
export type ChosenLabels = { [D in Dimension]?: string };

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

/**
 * The labels a verdict chose instead of the diagnosis's, in the form's order. A label
 * cleared to none (a notebook cause) is not listed: the server also clears the notebook
 * cause by itself when the root cause is no longer "notebook", so listing it would say
 * different things before and after a reload.
 */
export function correctedLabels(
  feedback: IStoredFeedback,
  diagnosis: Pick<IDiagnosis, Dimension>
): { dimension: Dimension; id: string }[] {
  const out: { dimension: Dimension; id: string }[] = [];
  for (const dimension of CORRECTABLE) {
    const id = feedback.labels[dimension];
    if (typeof id === 'string' && id && id !== (diagnosis[dimension] ?? null)) {
      out.push({ dimension, id });
    }
  }
  return out;
}

/**
 * The user's verdict in one sentence, the same on the card and in the panel:
 * "You confirmed this diagnosis." or "You corrected it: stage → Training."
 */
export function feedbackSummary(
  feedback: IStoredFeedback,
  diagnosis: Pick<IDiagnosis, Dimension>,
  titleOf: TitleOf
): string {
  if (feedback.correct) {
    return 'You confirmed this diagnosis.';
  }
  const changes = correctedLabels(feedback, diagnosis).map(
    ({ dimension, id }) =>
      `${dimensionName(dimension).toLowerCase()} → ${titleOf(dimension, id)}`
  );
  return changes.length
    ? `You corrected it: ${changes.join(', ')}.`
    : 'You corrected it.';
}
