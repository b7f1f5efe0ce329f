import * as React from 'react';

import { feedbackSummary } from '../feedback';
import { Taxonomy } from '../taxonomy';
import { Dimension, IDiagnosis, IStoredFeedback } from '../types';

/**
 * The user's verdict on a diagnosis, the same sentence on the card and in the panel:
 * "✓ You confirmed this diagnosis." or "✗ You corrected it: stage → Training."
 */
export function FeedbackSummary(props: {
  feedback: IStoredFeedback;
  diagnosis: Pick<IDiagnosis, Dimension>;
  taxonomy: Taxonomy;
  /** Thank the user first (where the verdict was just given). */
  thanks?: boolean;
  as?: 'p' | 'span';
  className: string;
}): JSX.Element {
  const { as: Tag = 'p', feedback, taxonomy } = props;
  const text = feedbackSummary(feedback, props.diagnosis, (dim, id) =>
    taxonomy.title(dim, id)
  );
  return (
    <Tag className={props.className} data-correct={String(feedback.correct)}>
      <span className="jp-nbcrash-feedback-mark" aria-hidden="true">
        {feedback.correct ? '✓' : '✗'}
      </span>{' '}
      {props.thanks ? 'Thanks! ' : ''}
      {text}
    </Tag>
  );
}
