import { ReactWidget } from '@jupyterlab/ui-components';
import * as React from 'react';

import { CrashLog, ICrashEntry } from './crashlog';
import { crashIcon } from './icon';
import { cellLabel, firstLine, notebookName, splitCodeSpans } from './labels';
import { ICellLocation } from './navigate';
import { Dimension, Taxonomy } from './taxonomy';

/** The DOM id of the crash panel (also used to open it). */
export const PANEL_ID = 'jp-nbcrash-panel';

/** Props shared by the panel's components. */
export interface ICrashViewProps {
  taxonomy: Taxonomy;
  /** Bring a cell into view. */
  onReveal: (where: ICellLocation) => void;
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
      {d?.hint && (
        <p className="jp-nbcrash-hint">
          <HintText text={d.hint} />
        </p>
      )}
      {entry.status === 'failed' && (
        <p className="jp-nbcrash-failure">
          Could not diagnose this error: {entry.error}
        </p>
      )}
      {related && (
        <div className="jp-nbcrash-actions">
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
    this.update();
  }

  protected render(): JSX.Element {
    return (
      <div className="jp-nbcrash-panel-content">
        <header className="jp-nbcrash-panel-header">
          <h2>Crash diagnosis</h2>
        </header>
        <CrashList
          entries={this._log.entries}
          taxonomy={this._taxonomy}
          onReveal={this._onReveal}
          selectedKey={this._selected}
        />
      </div>
    );
  }

  private _log: CrashLog;
  private _taxonomy: Taxonomy;
  private _onReveal: (where: ICellLocation) => void;
  private _selected: string | null = null;
}

export namespace CrashPanel {
  export interface IOptions {
    log: CrashLog;
    taxonomy: Taxonomy;
    onReveal: (where: ICellLocation) => void;
  }
}
