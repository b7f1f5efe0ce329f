import * as React from 'react';

import { describePlan } from '../applyfix';
import { ICrashEntry } from '../crashlog';
import type { IFixer } from '../fixaction';
import { cellLabel, splitCodeSpans } from '../labels';
import { ICellLocation } from '../navigate';
import { TextWithCode } from './textwithcode';

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

/**
 * The diagnosis's one-click fix: its title (code spans in code font) on a button whose
 * tooltip says what will run; disabled, with the reason as tooltip, when the fix no longer
 * fits the notebook; "Undo fix" once applied. Nothing when the diagnosis has no fix.
 */
export function FixButton(props: {
  entry: ICrashEntry;
  fixer?: IFixer;
  className: string;
}): JSX.Element | null {
  const { entry, fixer } = props;
  const [, redraw] = React.useReducer((n: number) => n + 1, 0);
  const [problem, setProblem] = React.useState<string | null>(null);
  React.useEffect(() => {
    if (!fixer) {
      return;
    }
    const onChanged = (_: IFixer, changed: ICrashEntry) => {
      if (changed.key === entry.key) {
        redraw();
      }
    };
    fixer.changed.connect(onChanged);
    return () => {
      fixer.changed.disconnect(onChanged);
    };
  }, [fixer, entry.key]);
  if (!fixer || !entry.diagnosis?.fix) {
    return null;
  }
  const state = fixer.stateOf(entry);
  if (state.state === 'none') {
    return null;
  }
  const title = splitCodeSpans(state.fix.title)
    .map(part => part.text)
    .join('');
  const className = `${props.className} jp-nbcrash-fix`;
  const status = problem ? (
    <span className="jp-nbcrash-fix-problem" role="status">
      {problem}
    </span>
  ) : null;
  if (state.state === 'applied') {
    return (
      <>
        <button
          type="button"
          className={`${className} jp-nbcrash-fix-undo`}
          title="Restore the cells as they were before the fix"
          aria-label={`Undo fix: ${title}`}
          onClick={() => setProblem(fixer.undo(entry))}
        >
          Undo fix
        </button>
        {status}
      </>
    );
  }
  if (state.state === 'refused') {
    // A disabled button shows no tooltip in every browser: its wrapper carries it. Refused
    // at the click (the cell changed meanwhile), the reason stays in view.
    return (
      <>
        <span className="jp-nbcrash-fix-wrapper" title={state.reason}>
          <button
            type="button"
            className={className}
            disabled
            aria-label={`Fix: ${title}. Unavailable: ${state.reason}`}
          >
            <TextWithCode text={state.fix.title} />
          </button>
        </span>
        {status}
      </>
    );
  }
  const applying = state.state === 'applying';
  return (
    <>
      <button
        type="button"
        className={className}
        disabled={applying}
        title={
          applying ? 'Applying the fix…' : describePlan(state.fix, state.plan)
        }
        aria-label={`Fix: ${title}`}
        onClick={() => {
          setProblem(null);
          void fixer
            .apply(entry)
            .then(setProblem, reason =>
              setProblem(`Could not apply the fix: ${String(reason)}`)
            );
        }}
      >
        <TextWithCode text={state.fix.title} />
      </button>
      {status}
    </>
  );
}
