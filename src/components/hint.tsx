import * as React from 'react';

import { firstLine, percent } from '../labels';
import { hintConfidence, showHint } from '../settings';
import { IDiagnosis } from '../types';
import { TextWithCode } from './textwithcode';

/** Characters of a hint shown by a folded card (the whole hint is in its tooltip). */
const SHORT_HINT_MAX = 400;

/**
 * The hint of a diagnosis, or, when the diagnosis is less sure of it than the user's
 * minimum, a note saying so (the labels are still shown). Nothing when there is no hint.
 */
export function DiagnosisHint(props: {
  diagnosis: Pick<IDiagnosis, 'hint' | 'notebook_cause' | 'confidence'>;
  /** The user's minimum confidence for a hint (0..1). */
  minConfidence: number;
  /** Only the first line (a folded card); the whole hint is in the tooltip. */
  short?: boolean;
  /** Class of the hint's paragraph. */
  className: string;
  /** Class of the "No hint" note. */
  lowConfidenceClassName: string;
}): JSX.Element | null {
  const { diagnosis: d, minConfidence } = props;
  if (!d.hint) {
    return null;
  }
  if (!showHint(d, minConfidence)) {
    return (
      <p className={props.lowConfidenceClassName}>
        {lowConfidenceText(hintConfidence(d), minConfidence)}
      </p>
    );
  }
  return (
    <p className={props.className} title={props.short ? d.hint : undefined}>
      <TextWithCode
        text={props.short ? firstLine(d.hint, SHORT_HINT_MAX) : d.hint}
      />
    </p>
  );
}

/**
 * Why a hint is not shown. The confidence is rounded down, so that it never reads as high
 * as the minimum it missed.
 */
function lowConfidenceText(confidence: number, minConfidence: number): string {
  return (
    `No hint: the diagnosis is only ${Math.floor(confidence * 100)}% sure ` +
    `(your minimum is ${percent(minConfidence)}).`
  );
}
