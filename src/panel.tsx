import { Dialog, showDialog } from '@jupyterlab/apputils';
import { ReactWidget } from '@jupyterlab/ui-components';
import * as React from 'react';

import { CrashLog, crashIdOf, ICrashEntry } from './crashlog';
import { filterEntries, ICrashFilter, isFiltering, NO_FILTER } from './filters';
import { crashIcon } from './icon';
import { cellLabel, firstLine, notebookName, splitCodeSpans } from './labels';
import { ICellLocation } from './navigate';
import { BarChart, FeedbackBadge, FilterBar } from './panelparts';
import { hintConfidence } from './settings';
import { Dimension, Taxonomy } from './taxonomy';

/** The DOM id of the crash panel (also used to open it). */
export const PANEL_ID = 'jp-nbcrash-panel';

/** Props shared by the panel's components. */
export interface ICrashViewProps {
  taxonomy: Taxonomy;
  /** Bring a cell into view. */
  onReveal: (where: ICellLocation) => void;
  /** Hints of diagnoses less sure than this are not shown (0..1). */
  minConfidence?: number;
  /** Copy a diagnosis as Markdown. */
  onCopy?: (entry: ICrashEntry) => void;
}

/** Text with its `code spans` set in code font, as React text (never HTML). */
export function HintText(props: { text: string }): JSX.Element {
  return (
    <>
      {splitCodeSpans(props.text).map((part, i) =>
        part.code ? <code key={i}>{part.text}</code> : part.text
      )}
    </>
  );
}

/** One labelled dimension of a diagnosis, e.g. "Stage: Training". */
function LabelRow(props: {
  name: string;
  dimension: Dimension;
  id: string | null | undefined;
  taxonomy: Taxonomy;
}): JSX.Element | null {
  const { id, dimension, taxonomy } = props;
  if (!id) {
    return null;
  }
  return (
    <>
      <dt>{props.name}</dt>
      <dd
        className={`jp-nbcrash-label jp-nbcrash-label-${dimension}`}
        title={taxonomy.description(dimension, id)}
      >
        {taxonomy.title(dimension, id)}
      </dd>
    </>
  );
}

/** One crash in the list. */
export function CrashEntryView(
  props: ICrashViewProps & { entry: ICrashEntry; selected?: boolean }
): JSX.Element {
  const { entry, taxonomy, onReveal } = props;
  const d = entry.diagnosis;
  const where = {
    panelId: entry.panelId,
    notebookPath: entry.notebookPath
  };
  const rootCause =
    d &&
    (d.notebook_cause
      ? `${taxonomy.title('notebook_cause', d.notebook_cause)} (${taxonomy.title('root_cause', d.root_cause)})`
      : taxonomy.title('root_cause', d.root_cause));
  const related = d?.related_cell;
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
        <span
          className="jp-nbcrash-crash-type"
          title={d ? taxonomy.description('crash_type', d.crash_type) : ''}
        >
          {d
            ? taxonomy.title('crash_type', d.crash_type)
            : entry.status === 'pending'
              ? 'Diagnosing…'
              : 'Not diagnosed'}
        </span>
        <span className="jp-nbcrash-time">
          {new Date(entry.time).toLocaleTimeString()}
        </span>
      </div>
      <div className="jp-nbcrash-error" title={entry.evalue}>
        {entry.ename}
        {entry.evalue ? `: ${firstLine(entry.evalue)}` : ''}
      </div>
      <button
        className="jp-nbcrash-source"
        title="Scroll to the cell that crashed"
        onClick={() =>
          onReveal({
            ...where,
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
          <dd
            className="jp-nbcrash-label jp-nbcrash-label-root_cause"
            title={taxonomy.description('root_cause', d.root_cause)}
          >
            {rootCause}
          </dd>
          <LabelRow
            name="Stage"
            dimension="stage"
            id={d.stage}
            taxonomy={taxonomy}
          />
          <LabelRow
            name="Library"
            dimension="library"
            id={d.library}
            taxonomy={taxonomy}
          />
        </dl>
      )}
      {d?.hint &&
        (hintConfidence(d) >= (props.minConfidence ?? 0) ? (
          <p className="jp-nbcrash-hint">
            <HintText text={d.hint} />
          </p>
        ) : (
          <p className="jp-nbcrash-lowconf">
            No hint: the diagnosis is only {Math.floor(hintConfidence(d) * 100)}
            % sure.
          </p>
        ))}
      {d && (
        <FeedbackBadge
          feedback={entry.feedback}
          predicted={d as any}
          taxonomy={taxonomy}
        />
      )}
      {entry.status === 'failed' && (
        <p className="jp-nbcrash-failure">
          Could not diagnose this error: {entry.error}
        </p>
      )}
      {(related || (d && props.onCopy)) && (
        <div className="jp-nbcrash-actions">
          {related && (
            <button
              className="jp-nbcrash-goto jp-mod-styled jp-mod-accept"
              title="Scroll to the cell the cause lies in"
              onClick={() =>
                onReveal({
                  ...where,
                  cellId: related.id,
                  cellIndex: related.index
                })
              }
            >
              Go to {cellLabel(related.index, related.execution_count)}
            </button>
          )}
          {d && props.onCopy && (
            <button
              className="jp-nbcrash-copy jp-mod-styled"
              title="Copy the diagnosis as Markdown, for a forum question or a bug report"
              onClick={() => props.onCopy!(entry)}
            >
              Copy as Markdown
            </button>
          )}
        </div>
      )}
    </li>
  );
}

/** The list of crashes, newest first. */
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
      const items = listRef.current.querySelectorAll<HTMLElement>(
        '.jp-nbcrash-selected'
      );
      items[0]?.scrollIntoView({ block: 'nearest' });
    }
  }, [props.selectedKey]);
  if (props.entries.length === 0 && props.emptyText) {
    return <p className="jp-nbcrash-empty">{props.emptyText}</p>;
  }
  if (props.entries.length === 0) {
    return (
      <p className="jp-nbcrash-empty">
        No crash yet. When a notebook cell raises an exception, its diagnosis
        appears here: what kind of crash it is, why it most likely happened,
        where in the ML pipeline it sits, and what to do about it.
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
          onCopy={props.onCopy}
          selected={entry.key === props.selectedKey}
        />
      ))}
    </ul>
  );
}

/**
 * The right side panel "Crash diagnosis": every crash of the session, newest first.
 */
export class CrashPanel extends ReactWidget {
  constructor(options: CrashPanel.IOptions) {
    super();
    this._log = options.log;
    this._taxonomy = options.taxonomy;
    this._onReveal = options.onReveal;
    this._onCopy = options.onCopy;
    this._clearHistory = options.clearHistory;
    this.id = PANEL_ID;
    this.addClass('jp-nbcrash-panel');
    this.title.icon = crashIcon;
    this.title.caption = 'Crash diagnosis';
    this.node.setAttribute('role', 'region');
    this.node.setAttribute('aria-label', 'Crash diagnosis');
    this._log.changed.connect(() => this.update(), this);
    // Titles may arrive after the first crash: render again once they do.
    void this._taxonomy.load().then(
      () => this.update(),
      () => undefined
    );
  }

  /** The crash log shown. */
  get log(): CrashLog {
    return this._log;
  }

  /** Highlight one entry and scroll it into view. */
  select(key: string | null): void {
    this._selected = key;
    // The entry must be visible: drop a filter that hides it.
    const entry = key ? this._log.get(key) : undefined;
    if (entry && !filterEntries([entry], this._filter).length) {
      this._filter = { ...NO_FILTER };
    }
    this.update();
  }

  /** The filter of the list (crash type, stage, library ids; '' = any). */
  get filter(): ICrashFilter {
    return this._filter;
  }
  set filter(filter: ICrashFilter) {
    this._filter = { ...filter };
    this.update();
  }

  /** Hints of diagnoses less sure than this are not shown (0..1). */
  get minConfidence(): number {
    return this._minConfidence;
  }
  set minConfidence(value: number) {
    this._minConfidence = value;
    this.update();
  }

  /** A message about the crash history (e.g. it could not be loaded); '' for none. */
  get status(): string {
    return this._status;
  }
  set status(value: string) {
    this._status = value;
    this.update();
  }

  /** Ask, then forget every crash of the history (server and panel). */
  async clear(): Promise<boolean> {
    const count = this._log.entries.length;
    const result = await showDialog({
      title: 'Clear the crash history?',
      body:
        `This removes ${count === 1 ? 'the crash' : `all ${count} crashes`} from the panel ` +
        'and from the history the server keeps. Your feedback on diagnoses is kept.',
      buttons: [
        Dialog.cancelButton(),
        Dialog.warnButton({
          label: 'Clear',
          ariaLabel: 'Clear the crash history'
        })
      ]
    });
    if (!result.button.accept) {
      return false;
    }
    try {
      await this._clearHistory();
    } catch (reason) {
      this.status = `Could not clear the history: ${reason instanceof Error ? reason.message : String(reason)}`;
      return false;
    }
    this._status = '';
    this._selected = null;
    this._filter = { ...NO_FILTER };
    this._log.clear();
    return true;
  }

  protected render(): JSX.Element {
    const all = this._log.entries;
    const shown = filterEntries(all, this._filter);
    const filtering = isFiltering(this._filter);
    return (
      <div className="jp-nbcrash-panel-content">
        <header className="jp-nbcrash-panel-header">
          <h2>Crash diagnosis</h2>
          {all.length > 0 && (
            <span className="jp-nbcrash-count" aria-live="polite">
              {filtering ? `${shown.length} of ` : ''}
              {all.length === 1 ? '1 crash' : `${all.length} crashes`}
            </span>
          )}
          {all.length > 0 && (
            <button
              type="button"
              className="jp-nbcrash-button jp-nbcrash-clear"
              title="Remove every crash from the panel and the server's history"
              onClick={() => void this.clear()}
            >
              Clear
            </button>
          )}
        </header>
        {this._status && (
          <p className="jp-nbcrash-status" role="status">
            {this._status}
          </p>
        )}
        {all.length > 0 && (
          <>
            <FilterBar
              entries={all}
              filter={this._filter}
              taxonomy={this._taxonomy}
              onChange={filter => (this.filter = filter)}
            />
            <details className="jp-nbcrash-charts" open>
              <summary>Crashes by stage and type</summary>
              <BarChart
                title="By stage"
                dimension="stage"
                entries={shown}
                taxonomy={this._taxonomy}
              />
              <BarChart
                title="By crash type"
                dimension="crash_type"
                entries={shown}
                taxonomy={this._taxonomy}
              />
            </details>
          </>
        )}
        <CrashList
          entries={shown}
          taxonomy={this._taxonomy}
          onReveal={this._onReveal}
          selectedKey={this._selected}
          minConfidence={this._minConfidence}
          onCopy={this._onCopy}
          emptyText={filtering ? 'No crash matches the filter.' : undefined}
        />
      </div>
    );
  }

  private _log: CrashLog;
  private _taxonomy: Taxonomy;
  private _onReveal: (where: ICellLocation) => void;
  private _onCopy?: (entry: ICrashEntry) => void;
  private _clearHistory: () => Promise<void>;
  private _selected: string | null = null;
  private _filter: ICrashFilter = { ...NO_FILTER };
  private _minConfidence = 0;
  private _status = '';
}

export namespace CrashPanel {
  export interface IOptions {
    log: CrashLog;
    taxonomy: Taxonomy;
    onReveal: (where: ICellLocation) => void;
    /** Forget the server's crash history (DELETE /nbcrash/crashes). */
    clearHistory: () => Promise<void>;
    /** Copy a diagnosis as Markdown. */
    onCopy?: (entry: ICrashEntry) => void;
  }
}
