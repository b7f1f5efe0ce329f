import * as React from 'react';

import { ICrashEntry } from '../crashlog';
import type { IFixer } from '../fixaction';
import { crashIcon } from '../icon';
import { ICellLocation } from '../navigate';
import { Taxonomy } from '../taxonomy';
import { IFeedbackRequest, IFeedbackResponse, IStoredFeedback } from '../types';
import { FixButton, GoToCellButton } from './actions';
import { FeedbackBox } from './feedbackbox';
import { DiagnosisHint } from './hint';
import { CauseTitle, LabelTitle } from './labeltitle';
import { WhyDetails } from './why';

/** What a card needs besides its crash (the same for every card). */
export interface ICardProps {
  taxonomy: Taxonomy;
  /** Open the crash panel on this crash. */
  onDetails: (entry: ICrashEntry) => void;
  /** Bring a cell into view ("Go to cell"). */
  onReveal: (where: ICellLocation) => void;
  /** The user's minimum confidence for a hint (0..1). */
  minConfidence: number;
  /** Below this confidence (0..1) a label is shown as "A or b — not sure". */
  confidenceThreshold: number;
  /** A verdict was stored: update the crash log. */
  onFeedback: (entry: ICrashEntry, feedback: IStoredFeedback) => void;
  /** POST the feedback (replaceable in tests). */
  send: (request: IFeedbackRequest) => Promise<IFeedbackResponse>;
  /** Copy the diagnosis as Markdown. */
  onCopy?: (entry: ICrashEntry) => void;
  /** Applies one-click fixes (none: no fix button). */
  fixer?: IFixer;
}

/**
 * The card under an error output: crash type and stage, the cause (its colour is the root
 * cause's family, set by the card widget), "Go to cell", "Why?", "Details", the hint, the
 * evidence with the confidence of each label, and the feedback.
 */
export function CrashCardView(
  props: ICardProps & { entry: ICrashEntry }
): JSX.Element | null {
  const { entry, taxonomy } = props;
  const d = entry.diagnosis;
  const [expanded, setExpanded] = React.useState(false);
  const whyId = `jp-nbcrash-why-${React.useId().replace(/:/g, '')}`;
  if (!d) {
    return null;
  }
  return (
    <>
      <div className="jp-nbcrash-card-header">
        <span className="jp-nbcrash-card-icon" aria-hidden="true">
          <crashIcon.react tag={null} />
        </span>
        <span className="jp-nbcrash-card-titles">
          <LabelTitle
            className="jp-nbcrash-card-type"
            dimension="crash_type"
            id={d.crash_type}
            taxonomy={taxonomy}
            diagnosis={d}
            threshold={props.confidenceThreshold}
          />
          <span className="jp-nbcrash-card-sep">·</span>
          <LabelTitle
            className="jp-nbcrash-card-stage"
            dimension="stage"
            id={d.stage}
            taxonomy={taxonomy}
            tooltipPrefix="Pipeline stage: "
            diagnosis={d}
            threshold={props.confidenceThreshold}
          />
        </span>
        <CauseTitle
          className="jp-nbcrash-card-cause"
          diagnosis={d}
          taxonomy={taxonomy}
          threshold={props.confidenceThreshold}
        />
        <span className="jp-nbcrash-card-actions">
          <FixButton
            className="jp-nbcrash-button jp-mod-accept"
            entry={entry}
            fixer={props.fixer}
          />
          <GoToCellButton
            className="jp-nbcrash-button jp-nbcrash-card-goto jp-mod-accept"
            entry={entry}
            onReveal={props.onReveal}
          />
          <button
            type="button"
            className="jp-nbcrash-button jp-nbcrash-card-why-toggle"
            title="Show the evidence and the confidence of the diagnosis"
            aria-expanded={expanded}
            aria-controls={whyId}
            onClick={() => setExpanded(!expanded)}
          >
            Why?
          </button>
          <button
            type="button"
            className="jp-nbcrash-button jp-nbcrash-card-details"
            title="Show this crash in the crash panel"
            onClick={() => props.onDetails(entry)}
          >
            Details
          </button>
        </span>
      </div>
      <DiagnosisHint
        diagnosis={d}
        minConfidence={props.minConfidence}
        short={!expanded}
        className={
          'jp-nbcrash-card-hint' +
          (expanded ? '' : ' jp-nbcrash-card-hint-short')
        }
        lowConfidenceClassName="jp-nbcrash-card-lowconf"
      />
      <WhyDetails
        id={whyId}
        hidden={!expanded}
        entry={entry}
        diagnosis={d}
        taxonomy={taxonomy}
        onCopy={props.onCopy}
      />
      <FeedbackBox
        key={entry.key}
        entry={entry}
        diagnosis={d}
        taxonomy={taxonomy}
        idPrefix={whyId}
        threshold={props.confidenceThreshold}
        send={props.send}
        onFeedback={props.onFeedback}
      />
    </>
  );
}
