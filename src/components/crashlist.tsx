import * as React from 'react';

import { crashIdOf, ICrashEntry } from '../crashlog';
import type { IFixer } from '../fixaction';
import { cellLabel, DIMENSION_NAMES, firstLine, notebookName } from '../labels';
import { ICellLocation } from '../navigate';
import { Taxonomy } from '../taxonomy';
import { CopyMarkdownButton, FixButton, GoToCellButton } from './actions';
import { FeedbackSummary } from './feedbacksummary';
import { FixResultBadge } from './fixresult';
import { DiagnosisHint } from './hint';
import { CauseTitle, LabelTitle } from './labeltitle';

/** What the panel's list and its entries need besides the crashes. */
export interface ICrashViewProps {
  taxonomy: Taxonomy;
  /** Bring a cell into view. */
  onReveal: (where: ICellLocation) => void;
  /** The user's minimum confidence for a hint (0..1). */
  minConfidence: number;
  /** Below this confidence (0..1) a label is shown as "A or b — not sure". */
  confidenceThreshold: number;
  /** Copy a diagnosis as Markdown. */
  onCopy?: (entry: ICrashEntry) => void;
  /** Applies one-click fixes (none: no fix button). */
  fixer?: IFixer;
}

/** One crash of the panel: the error, its cell, the labels, the hint and the verdict. */
export function CrashEntryView(
  props: ICrashViewProps & { entry: ICrashEntry; selected?: boolean }
): JSX.Element {
  const { entry, taxonomy, onReveal, onCopy } = props;
  const d = entry.diagnosis;
  return (
    <li
      className={
        'jp-nbcrash-entry' + (props.selected ? ' jp-nbcrash-selected' : '')
      }
      data-status={entry.status}
      data-key={entry.key}
      data-crash-id={crashIdOf(entry) ?? undefined}
      data-root-cause={d?.root_cause}
    >
      <div className="jp-nbcrash-entry-header">
        {d ? (
          <LabelTitle
            className="jp-nbcrash-crash-type"
            dimension="crash_type"
            id={d.crash_type}
            taxonomy={taxonomy}
            diagnosis={d}
            threshold={props.confidenceThreshold}
          />
        ) : (
          <span className="jp-nbcrash-crash-type">
            {entry.status === 'pending' ? 'Diagnosing…' : 'Not diagnosed'}
          </span>
        )}
        <span className="jp-nbcrash-entry-when">
          <FixResultBadge result={entry.fixResult} />
          <span className="jp-nbcrash-time">
            {new Date(entry.time).toLocaleTimeString()}
          </span>
        </span>
      </div>
      <div className="jp-nbcrash-error" title={entry.evalue}>
        {entry.ename}
        {entry.evalue ? `: ${firstLine(entry.evalue)}` : ''}
      </div>
      <button
        type="button"
        className="jp-nbcrash-source"
        title="Scroll to the cell that crashed"
        onClick={() =>
          onReveal({
            panelId: entry.panelId,
            notebookPath: entry.notebookPath,
            cellId: entry.cellId,
            cellIndex: entry.cellIndex
          })
        }
      >
        {notebookName(entry.notebookPath)} ·{' '}
        {cellLabel(entry.cellIndex, entry.executionCount)}
      </button>
      {d && (
        <dl className="jp-nbcrash-labels">
          <dt>Root cause</dt>
          <CauseTitle
            as="dd"
            className="jp-nbcrash-label jp-nbcrash-label-root_cause"
            diagnosis={d}
            taxonomy={taxonomy}
            threshold={props.confidenceThreshold}
          />
          {(['stage', 'library'] as const).map(dimension =>
            d[dimension] ? (
              <React.Fragment key={dimension}>
                <dt>{DIMENSION_NAMES[dimension]}</dt>
                <LabelTitle
                  as="dd"
                  className={`jp-nbcrash-label jp-nbcrash-label-${dimension}`}
                  dimension={dimension}
                  id={d[dimension]}
                  taxonomy={taxonomy}
                  diagnosis={d}
                  threshold={props.confidenceThreshold}
                />
              </React.Fragment>
            ) : null
          )}
        </dl>
      )}
      {d && (
        <DiagnosisHint
          diagnosis={d}
          minConfidence={props.minConfidence}
          className="jp-nbcrash-hint"
          lowConfidenceClassName="jp-nbcrash-lowconf"
        />
      )}
      {d && entry.feedback && (
        <FeedbackSummary
          className="jp-nbcrash-entry-feedback"
          feedback={entry.feedback}
          diagnosis={d}
          taxonomy={taxonomy}
        />
      )}
      {entry.status === 'failed' && (
        <p className="jp-nbcrash-failure">
          Could not diagnose this error: {entry.error}
        </p>
      )}
      {(d?.related_cell || d?.fix || (d && onCopy)) && (
        <div className="jp-nbcrash-actions">
          <FixButton
            className="jp-mod-styled jp-mod-accept"
            entry={entry}
            fixer={props.fixer}
          />
          <GoToCellButton
            className="jp-nbcrash-goto jp-mod-styled jp-mod-accept"
            entry={entry}
            onReveal={onReveal}
          />
          {d && onCopy && (
            <CopyMarkdownButton
              className="jp-nbcrash-copy jp-mod-styled"
              entry={entry}
              onCopy={onCopy}
            />
          )}
        </div>
      )}
    </li>
  );
}

/** The list of crashes, newest first; the selected one is scrolled into view. */
export function CrashList(
  props: ICrashViewProps & {
    entries: readonly ICrashEntry[];
    selectedKey?: string | null;
    /** Shown instead of the introduction when the list is empty because of a filter. */
    emptyText?: string;
  }
): JSX.Element {
  const listRef = React.useRef<HTMLUListElement>(null);
  React.useEffect(() => {
    if (props.selectedKey && listRef.current) {
      listRef.current
        .querySelector<HTMLElement>('.jp-nbcrash-selected')
        ?.scrollIntoView({ block: 'nearest' });
    }
  }, [props.selectedKey]);
  if (props.entries.length === 0) {
    return (
      <p className="jp-nbcrash-empty">
        {props.emptyText ??
          'No crash yet. When a notebook cell raises an exception, its diagnosis ' +
            'appears here: what kind of crash it is, why it most likely happened, ' +
            'where in the ML pipeline it sits, and what to do about it.'}
      </p>
    );
  }
  return (
    <ul className="jp-nbcrash-list" ref={listRef}>
      {props.entries.map(entry => (
        <CrashEntryView
          key={entry.key}
          entry={entry}
          taxonomy={props.taxonomy}
          onReveal={props.onReveal}
          minConfidence={props.minConfidence}
          confidenceThreshold={props.confidenceThreshold}
          onCopy={props.onCopy}
          fixer={props.fixer}
          selected={entry.key === props.selectedKey}
        />
      ))}
    </ul>
  );
}
