/**
 * Carry a diagnosis's fix out on the live notebook: check it (`applyfix.ts`), make its edits
 * in one shared-model transaction, run exactly the cells it names, report the outcome to the
 * server, and keep what "Undo fix" needs.
 *
 * Why an "Undo fix" of our own: JupyterLab 4 keeps one undo history per cell (document-wide
 * undo is off by default), so a fix that edits one cell and inserts another cannot be undone
 * in one step with the notebook's undo. "Undo fix" restores the sources the fix replaced and
 * removes the cells it inserted, in one step, and only while they still hold what the fix
 * wrote (it never throws away the user's later edits).
 */
import { Notification } from '@jupyterlab/apputils';
import { Cell } from '@jupyterlab/cells';
import {
  INotebookTracker,
  NotebookActions,
  NotebookPanel
} from '@jupyterlab/notebook';
import { ISignal, Signal } from '@lumino/signaling';

import { FixCheck, IFixCell, IFixPlan, planFix } from './applyfix';
import { crashIdOf, ICrashEntry } from './crashlog';
import { FixResult } from './fixresult';
import { IFeedbackResponse, IFix, IFixFeedbackRequest } from './types';

/** What a fix button shows for a crash. */
export type FixState =
  | { state: 'none' }
  | { state: 'ready'; fix: IFix; plan: IFixPlan }
  | { state: 'refused'; fix: IFix; reason: string }
  | { state: 'applying'; fix: IFix }
  | { state: 'applied'; fix: IFix };

/** What the views need of fixes (replaceable in tests). */
export interface IFixer {
  /** The fix of a crash, checked against its notebook as it is now. */
  stateOf(entry: ICrashEntry): FixState;
  /** Apply the fix; resolves to a sentence for the user when it could not. */
  apply(entry: ICrashEntry): Promise<string | null>;
  /** Revert an applied fix; a sentence for the user when it could not. */
  undo(entry: ICrashEntry): string | null;
  /** Emitted when a fix is applied or undone. */
  readonly changed: ISignal<IFixer, ICrashEntry>;
}

/** What "Undo fix" restores. */
interface IUndoRecord {
  panel: NotebookPanel;
  fix: IFix;
  /** The edited cells: their source before and after the fix. */
  changes: { cellId: string; before: string; after: string }[];
  /** The inserted cells and the source the fix gave them. */
  inserted: { cellId: string; source: string }[];
}

export class FixRunner implements IFixer {
  constructor(options: FixRunner.IOptions) {
    this._tracker = options.tracker;
    this._send = options.send;
    this._goTo = options.goTo;
    this._onResult = options.onResult;
  }

  get changed(): ISignal<this, ICrashEntry> {
    return this._changed;
  }

  stateOf(entry: ICrashEntry): FixState {
    const fix = entry.diagnosis?.fix;
    if (!fix) {
      return { state: 'none' };
    }
    if (this._applying.has(entry.key)) {
      return { state: 'applying', fix };
    }
    if (this._undo.has(entry.key)) {
      return { state: 'applied', fix };
    }
    const panel = this._panelOf(entry);
    if (!panel) {
      return {
        state: 'refused',
        fix,
        reason: `Open ${entry.notebookPath || 'the notebook'} to apply this fix.`
      };
    }
    const check = this._check(panel, fix, entry);
    return check.ok
      ? { state: 'ready', fix, plan: check.plan }
      : { state: 'refused', fix, reason: check.reason };
  }

  async apply(entry: ICrashEntry): Promise<string | null> {
    const fix = entry.diagnosis?.fix;
    const panel = this._panelOf(entry);
    if (!fix || !panel || this._applying.has(entry.key)) {
      return null;
    }
    // Checked again at the click: the cell may have changed since the button was drawn.
    const check = this._check(panel, fix, entry);
    if (!check.ok) {
      return check.reason;
    }
    const { plan } = check;
    const notebook = panel.content;
    const shared = notebook.model!.sharedModel;
    const record: IUndoRecord = {
      panel,
      fix,
      changes: plan.changes,
      inserted: []
    };
    shared.transact(() => {
      for (const change of plan.changes) {
        shared.cells.find(c => c.id === change.cellId)?.setSource(change.after);
      }
      for (const insert of plan.inserts) {
        const cell = shared.insertCell(insert.index, {
          cell_type: 'code',
          source: insert.source,
          metadata: {}
        });
        record.inserted.push({ cellId: cell.id, source: insert.source });
      }
    });
    // A fix that only shows or runs cells edits nothing: nothing to undo.
    if (record.changes.length || record.inserted.length) {
      this._undo.set(entry.key, record);
      this._offerUndo(entry, fix);
    }
    this._applying.add(entry.key);
    this._changed.emit(entry);
    try {
      if (plan.goTo) {
        await this._goTo(panel, plan.goTo);
      }
      const rerunOk = await this._run(panel, plan.run, fix.cell_id, fix.rerun);
      await this._report(entry, { applied: true, rerun_ok: rerunOk });
    } finally {
      this._applying.delete(entry.key);
      this._changed.emit(entry);
    }
    return null;
  }

  undo(entry: ICrashEntry): string | null {
    const record = this._undo.get(entry.key);
    if (!record) {
      return 'Nothing to undo: the fix was undone already.';
    }
    if (record.panel.isDisposed || !record.panel.content.model) {
      this._undo.delete(entry.key);
      return 'The notebook of this fix is closed; nothing to undo.';
    }
    const shared = record.panel.content.model.sharedModel;
    const cellOf = (id: string) => shared.cells.find(c => c.id === id);
    const edited = [
      ...record.changes.map(c => ({ id: c.cellId, expected: c.after })),
      ...record.inserted.map(c => ({ id: c.cellId, expected: c.source }))
    ].find(({ id, expected }) => {
      const cell = cellOf(id);
      return cell !== undefined && cell.getSource() !== expected;
    });
    if (edited) {
      return 'A cell the fix changed was edited since; undo by hand (Edit ▸ Undo in that cell).';
    }
    shared.transact(() => {
      for (const change of record.changes) {
        cellOf(change.cellId)?.setSource(change.before);
      }
      for (const inserted of record.inserted) {
        const index = shared.cells.findIndex(c => c.id === inserted.cellId);
        if (index >= 0) {
          shared.deleteCell(index);
        }
      }
    });
    this._undo.delete(entry.key);
    this._changed.emit(entry);
    // Kept as `applied: false`: the panel's list shows "fix undone" instead of "fixed ✓".
    void this._report(entry, { applied: false, rerun_ok: null });
    return null;
  }

  /**
   * A toast with "Undo fix": the card goes away when the re-run succeeds (its error output is
   * gone), the toast and the crash panel's entry stay.
   */
  private _offerUndo(entry: ICrashEntry, fix: IFix): void {
    Notification.success(`Fix applied: ${fix.title.replace(/`/g, '')}`, {
      autoClose: 8000,
      actions: [
        {
          label: 'Undo fix',
          caption: 'Restore the cells as they were before the fix',
          callback: () => {
            const problem = this.undo(entry);
            if (problem) {
              Notification.warning(problem, { autoClose: 8000 });
            }
          }
        }
      ]
    });
  }

  private _check(
    panel: NotebookPanel,
    fix: IFix,
    entry: ICrashEntry
  ): FixCheck {
    const cells: IFixCell[] = panel.content.model
      ? Array.from(panel.content.model.sharedModel.cells, c => ({
          id: c.id,
          source: c.getSource()
        }))
      : [];
    return planFix(fix, cells, entry.cellIndex);
  }

  /**
   * Run the cells in order, stopping at the first failure. Resolves to whether the crashing
   * cell's re-run succeeded (null when the fix does not re-run it).
   */
  private async _run(
    panel: NotebookPanel,
    ids: readonly string[],
    crashId: string,
    rerun: boolean
  ): Promise<boolean | null> {
    let ok = true;
    for (const id of ids) {
      const cell = panel.content.widgets.find(c => c.model.id === id);
      if (!cell) {
        ok = false;
        break;
      }
      ok = await NotebookActions.runCells(
        panel.content,
        [cell as Cell],
        panel.sessionContext
      );
      if (!ok) {
        break;
      }
    }
    return rerun ? ok && ids.includes(crashId) : null;
  }

  /** Show the outcome in the list at once, and keep it with the crash on the server. */
  private async _report(entry: ICrashEntry, result: FixResult): Promise<void> {
    this._onResult?.(entry, result);
    const crashId = crashIdOf(entry);
    if (crashId === null) {
      return;
    }
    try {
      await this._send({ crash_id: crashId, fix: result });
    } catch (reason) {
      // The fix is made; only its record in the history is missing.
      console.warn('nbcrash: could not record the fix.', reason);
    }
  }

  private _panelOf(entry: ICrashEntry): NotebookPanel | null {
    const panel =
      this._tracker.find(p => p.id === entry.panelId) ??
      this._tracker.find(p => p.context.path === entry.notebookPath) ??
      null;
    return panel && !panel.isDisposed && panel.content.model ? panel : null;
  }

  private _tracker: INotebookTracker;
  private _send: FixRunner.IOptions['send'];
  private _goTo: FixRunner.IOptions['goTo'];
  private _onResult: FixRunner.IOptions['onResult'];
  private _undo = new Map<string, IUndoRecord>();
  private _applying = new Set<string>();
  private _changed = new Signal<this, ICrashEntry>(this);
}

export namespace FixRunner {
  export interface IOptions {
    tracker: INotebookTracker;
    /** POST the fix's outcome (api.sendFixFeedback). */
    send: (request: IFixFeedbackRequest) => Promise<IFeedbackResponse>;
    /** Bring a cell of the notebook into view. */
    goTo: (panel: NotebookPanel, cellId: string) => Promise<unknown>;
    /** A fix's outcome (applied and re-run, or undone), as soon as it is known. */
    onResult?: (entry: ICrashEntry, result: FixResult) => void;
  }
}
