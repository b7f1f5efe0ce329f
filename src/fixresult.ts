/**
 * What became of a crash's one-click fix, in the words the panel's list shows beside the crash
 * (the `fix_result` the server keeps with it: `{applied, rerun_ok}`). An undone fix is kept as
 * `applied: false`: the fix was made and taken back, so the crash stands as it was. No React here.
 */
import { IFixFeedbackRequest } from './types';

/** A fix's outcome as the server keeps it. */
export type FixResult = IFixFeedbackRequest['fix'];

/** How the list marks an outcome: a few words, a sentence for the tooltip, and its tone. */
export interface IFixResultNote {
  text: string;
  title: string;
  tone: 'ok' | 'warn' | 'neutral';
}

/** The notes, by outcome: undone; applied and re-run fine, re-run failing, not re-run. */
const NOTES: { [outcome: string]: IFixResultNote } = {
  undone: {
    text: 'fix undone',
    title:
      'The one-click fix was applied, then undone: the cells are as before.',
    tone: 'neutral'
  },
  true: {
    text: 'fixed ✓',
    title:
      'The one-click fix was applied and the cell ran again without an error.',
    tone: 'ok'
  },
  false: {
    text: 'fix applied, still fails',
    title:
      'The one-click fix was applied, but the cell failed again when re-run.',
    tone: 'warn'
  },
  null: {
    text: 'fix applied',
    title: 'The one-click fix was applied; the cell was not run again.',
    tone: 'ok'
  }
};

/** The note for an outcome, or null when there is none (or it is malformed). */
export function fixResultNote(
  result: FixResult | null | undefined
): IFixResultNote | null {
  if (!result || typeof result.applied !== 'boolean') {
    return null;
  }
  return result.applied
    ? NOTES[
        String(
          result.rerun_ok === true || result.rerun_ok === false
            ? result.rerun_ok
            : null
        )
      ]
    : NOTES.undone;
}
