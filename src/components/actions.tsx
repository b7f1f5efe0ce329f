import * as React from 'react';

import { ICrashEntry } from '../crashlog';
import { cellLabel } from '../labels';
import { ICellLocation } from '../navigate';

/**
 * "Go to cell k": bring the cell the cause lies in into view. Nothing when the diagnosis
 * points at no other cell.
 */
export function GoToCellButton(props: {
  entry: ICrashEntry;
  onReveal: (where: ICellLocation) => void;
  className: string;
}): JSX.Element | null {
  const { entry } = props;
  const related = entry.diagnosis?.related_cell;
  if (!related) {
    return null;
  }
  const label = cellLabel(related.index, related.execution_count);
  return (
    <button
      type="button"
      className={props.className}
      title={`Scroll to ${label}, where the cause lies`}
      onClick={() =>
        props.onReveal({
          panelId: entry.panelId,
          notebookPath: entry.notebookPath,
          cellId: related.id,
          cellIndex: related.index
        })
      }
    >
      Go to {label}
    </button>
  );
}

/** "Copy as Markdown": the diagnosis for a forum question or a bug report. */
export function CopyMarkdownButton(props: {
  entry: ICrashEntry;
  onCopy: (entry: ICrashEntry) => void;
  className: string;
}): JSX.Element {
  return (
    <button
      type="button"
      className={props.className}
      title="Copy the diagnosis and the end of the traceback as Markdown, for a forum question or a bug report"
      onClick={() => props.onCopy(props.entry)}
    >
      Copy as Markdown
    </button>
  );
}
