import { Cell, ICellModel, ICodeCellModel } from '@jupyterlab/cells';
import {
  INotebookTracker,
  Notebook,
  NotebookActions,
  NotebookPanel
} from '@jupyterlab/notebook';
import { IOutputAreaModel } from '@jupyterlab/outputarea';
import { IObservableList } from '@jupyterlab/observables';
import { IOutputModel } from '@jupyterlab/rendermime';
import { IDisposable } from '@lumino/disposable';
import { ISignal, Signal } from '@lumino/signaling';

import { diagnose } from './api';
import { lastError, savedCells } from './cellerrors';
import { CrashLog, ICrashEntry } from './crashlog';
import {
  DEFAULT_HISTORY_LIMIT,
  ExecutionHistory,
  watchKernelSessions
} from './history';
import { errorMessage } from './labels';
import { IKernelErrorInfo, ISavedCell, withoutSources } from './record';
import { errorRequest } from './request';
import { IDiagnoseRequest, IDiagnosis } from './types';

/** What `diagnosed` reports: the crash entry and where it happened. */
export interface IDiagnosedArgs {
  panel: NotebookPanel;
  cellModel: ICodeCellModel;
  entry: ICrashEntry;
}

/** Exceptions that are the user's own doing, not crashes: recorded, never diagnosed. */
const NOT_A_CRASH = new Set(['KeyboardInterrupt']);

/** The per-notebook state of the capture. */
class NotebookWatch implements IDisposable {
  constructor(
    readonly panel: NotebookPanel,
    historyLimit: number,
    onErrorOutput: (watch: NotebookWatch, cell: ICodeCellModel) => void
  ) {
    this.history = new ExecutionHistory(historyLimit);
    this._kernelWatch = watchKernelSessions(panel.sessionContext, this.history);
    // Execution counts start again after a restart: forget which ones were diagnosed.
    this.history.sessionReset.connect(() => this.seen.clear());
    this._onErrorOutput = onErrorOutput;
    void panel.context.ready.then(() => this._watchCells());
  }

  readonly history: ExecutionHistory;
  /** Errors already diagnosed in this kernel session, as "cellId:executionCount". */
  readonly seen = new Set<string>();
  /**
   * The code cells' execution counts and error outputs when the notebook was opened (its
   * saved file), by cell id: a restored error is judged from them, whatever ran since.
   */
  saved: ReadonlyMap<string, ISavedCell> = new Map();

  get isDisposed(): boolean {
    return this._disposed;
  }

  dispose(): void {
    if (this._disposed) {
      return;
    }
    this._disposed = true;
    this._kernelWatch.dispose();
    const cells = this.panel.content.model?.cells;
    if (cells) {
      cells.changed.disconnect(this._onCellsChanged, this);
      for (const model of cells) {
        if (model.type === 'code') {
          (model as ICodeCellModel).outputs.changed.disconnect(
            this._onOutputsChanged,
            this
          );
        }
      }
    }
    Signal.clearData(this);
  }

  private _watchCells(): void {
    const cells = this.panel.content.model?.cells;
    if (this._disposed || !cells) {
      return;
    }
    // The error outputs the file brought are not diagnosed now (a student's notebook may hold
    // dozens): "Diagnose This Error" asks for one, judged from this snapshot.
    this.saved = savedCells(cells);
    cells.changed.connect(this._onCellsChanged, this);
    for (const model of cells) {
      this._watchCell(model);
    }
  }

  private _watchCell(model: ICellModel): void {
    if (model.type === 'code') {
      const outputs = (model as ICodeCellModel).outputs;
      this._owners.set(outputs, model as ICodeCellModel);
      outputs.changed.connect(this._onOutputsChanged, this);
    }
  }

  private _onCellsChanged(
    _: unknown,
    change: IObservableList.IChangedArgs<ICellModel>
  ): void {
    if (change.type === 'add' || change.type === 'set') {
      change.newValues.forEach(m => this._watchCell(m));
    }
  }

  /**
   * Error outputs that do not come from a run of this frontend (a widget callback, another
   * client): a run of ours is reported by NotebookActions.executed instead.
   */
  private _onOutputsChanged(
    outputs: IOutputAreaModel,
    change: IObservableList.IChangedArgs<IOutputModel>
  ): void {
    if (change.type !== 'add' && change.type !== 'set') {
      return;
    }
    if (!change.newValues.some(o => o.type === 'error')) {
      return;
    }
    const cell = this._owners.get(outputs);
    if (!cell || cell.isDisposed || this._pending.has(cell)) {
      return;
    }
    // Wait until the run that produced the output is over: by then the executed signal has
    // diagnosed it (same cell id + execution count) if it came from a run of ours.
    this._pending.add(cell);
    void whenSettled(cell).then(() => {
      this._pending.delete(cell);
      if (!this._disposed && !cell.isDisposed) {
        this._onErrorOutput(this, cell);
      }
    });
  }

  private _disposed = false;
  private _kernelWatch: IDisposable;
  private _owners = new WeakMap<IOutputAreaModel, ICodeCellModel>();
  private _pending = new WeakSet<ICodeCellModel>();
  private _onErrorOutput: (watch: NotebookWatch, cell: ICodeCellModel) => void;
}

/**
 * Resolve once a cell is not running (its execution count is known) and the signals of the
 * end of its run have been emitted: a macrotask after the execution count is set, since
 * NotebookActions.executed follows it within the same chain of microtasks.
 */
function whenSettled(cell: ICodeCellModel): Promise<void> {
  const settled = () =>
    cell.isDisposed ||
    (cell.executionState !== 'running' && cell.executionCount !== null);
  return new Promise<void>(resolve => {
    const done = () => {
      cell.stateChanged.disconnect(onState);
      window.setTimeout(resolve, 0);
    };
    const onState = () => {
      if (settled()) {
        done();
      }
    };
    if (settled()) {
      done();
    } else {
      cell.stateChanged.connect(onState);
    }
  });
}

/** How the capture talks to the server (replaceable in tests). */
export type DiagnoseFunction = (body: IDiagnoseRequest) => Promise<IDiagnosis>;

/**
 * Sees every error of every open notebook, records each notebook's execution history and
 * asks the server for a diagnosis of each error, once.
 *
 * A cell that runs without error costs one map lookup and one push onto its notebook's
 * history; nothing is serialised until an error needs a diagnosis.
 */
export class CrashCapture implements IDisposable {
  constructor(options: CrashCapture.IOptions) {
    this._tracker = options.tracker;
    this._log = options.log;
    this._diagnose = options.diagnose ?? (body => diagnose(body));
    this._historyLimit = options.historyLimit ?? DEFAULT_HISTORY_LIMIT;
    this._beforeDiagnose = options.beforeDiagnose ?? (() => Promise.resolve());

    this._tracker.forEach(panel => this._watch(panel));
    this._tracker.widgetAdded.connect((_, panel) => this._watch(panel), this);
    NotebookActions.executed.connect(this._onExecuted, this);
  }

  /** Emitted when a diagnosis arrived. */
  get diagnosed(): ISignal<this, IDiagnosedArgs> {
    return this._diagnosed;
  }

  /** When false, nothing is recorded or diagnosed. */
  enabled = true;

  /** When false, no cell source (the failing cell's nor the others') is sent. */
  sendCellSource = true;

  /**
   * Diagnose a cell's (last) error output again, even if it was diagnosed already; the
   * new diagnosis is a new entry of the log. Resolves with it, or null when the cell has
   * no error output or its notebook is not watched. An error no run of this session (or the
   * one before the last restart) produced was restored from the saved file: it is sent as
   * `jupyter nbcrash scan` reads the file, without history.
   */
  async diagnoseCell(
    panel: NotebookPanel,
    model: ICodeCellModel
  ): Promise<ICrashEntry | null> {
    const watch = this._watches.get(panel.content);
    const error = lastError(model);
    if (!watch || !error) {
      return null;
    }
    const index = panel.content.widgets.findIndex(c => c.model === model);
    return this._handleError(watch, model, index, error, true);
  }

  /** Executions kept per notebook and kernel session. */
  get historyLimit(): number {
    return this._historyLimit;
  }
  set historyLimit(value: number) {
    this._historyLimit = value;
    this._watches.forEach(w => (w.history.limit = value));
  }

  /** The execution history of a notebook (undefined if it is not tracked). */
  historyOf(panel: NotebookPanel): ExecutionHistory | undefined {
    return this._watches.get(panel.content)?.history;
  }

  get isDisposed(): boolean {
    return this._disposed;
  }

  dispose(): void {
    if (this._disposed) {
      return;
    }
    this._disposed = true;
    NotebookActions.executed.disconnect(this._onExecuted, this);
    this._watches.forEach(w => w.dispose());
    this._watches.clear();
    Signal.clearData(this);
  }

  private _watch(panel: NotebookPanel): void {
    if (this._watches.has(panel.content)) {
      return;
    }
    const watch = new NotebookWatch(panel, this._historyLimit, (w, cell) =>
      this._onErrorOutput(w, cell)
    );
    this._watches.set(panel.content, watch);
    panel.disposed.connect(() => {
      watch.dispose();
      this._watches.delete(panel.content);
    });
  }

  private _onExecuted(
    _: unknown,
    args: {
      notebook: Notebook;
      cell: Cell;
      success: boolean;
      error?: {
        errorName: string;
        errorValue: string;
        traceback: string[];
      } | null;
    }
  ): void {
    if (!this.enabled || args.cell.model.type !== 'code') {
      return;
    }
    const watch = this._watches.get(args.notebook);
    if (!watch) {
      return;
    }
    const model = args.cell.model as ICodeCellModel;
    const { error } = args;
    if (!args.success && !error?.errorName) {
      return; // aborted (an earlier cell failed) or cancelled: it did not run
    }
    const index = args.notebook.widgets.indexOf(args.cell);
    watch.history.record({
      cellId: model.id,
      index,
      executionCount: model.executionCount,
      ok: args.success,
      ename: error?.errorName,
      evalue: error?.errorValue,
      time: Date.now()
    });
    if (error?.errorName) {
      void this._handleError(watch, model, index, {
        ename: error.errorName,
        evalue: error.errorValue ?? '',
        traceback: Array.isArray(error.traceback) ? error.traceback : []
      });
    }
  }

  private _onErrorOutput(watch: NotebookWatch, model: ICodeCellModel): void {
    if (!this.enabled) {
      return;
    }
    const error = lastError(model);
    if (error) {
      const index = watch.panel.content.widgets.findIndex(
        c => c.model === model
      );
      void this._handleError(watch, model, index, error);
    }
  }

  /**
   * Diagnose one error. `asked`: the user asked for it ("Diagnose This Error"), so it is
   * diagnosed even if it was already or is no crash, and judged from the saved file when no
   * run of this session produced it. An error output that arrives by itself is always live.
   */
  private async _handleError(
    watch: NotebookWatch,
    model: ICodeCellModel,
    index: number,
    error: IKernelErrorInfo,
    asked = false
  ): Promise<ICrashEntry | null> {
    if (NOT_A_CRASH.has(error.ename) && !asked) {
      return null;
    }
    const executionCount = model.executionCount;
    const seenKey = `${model.id}:${executionCount ?? '-'}`;
    if (watch.seen.has(seenKey) && !asked) {
      return null;
    }
    watch.seen.add(seenKey);

    const panel = watch.panel;
    const path = panel.context.path;
    const full = errorRequest({
      path,
      cells: panel.content.model?.cells ?? null,
      model,
      index,
      error,
      history: watch.history,
      opened: asked ? watch.saved : null
    });
    const body = this.sendCellSource ? full : withoutSources(full);
    const key = `${panel.id}:${seenKey}:${Date.now()}`;
    this._log.add({
      key,
      panelId: panel.id,
      notebookPath: path,
      cellId: model.id,
      cellIndex: index,
      executionCount,
      ename: error.ename,
      evalue: error.evalue,
      time: Date.now(),
      status: 'pending',
      diagnosis: null
    });
    try {
      const [diagnosis] = await Promise.all([
        this._diagnose(body),
        this._beforeDiagnose().catch(() => undefined)
      ]);
      const entry = this._log.update(key, { status: 'done', diagnosis });
      if (entry && !panel.isDisposed && !model.isDisposed) {
        this._diagnosed.emit({ panel, cellModel: model, entry });
      }
      return entry ?? null;
    } catch (reason) {
      const message = errorMessage(reason);
      console.warn('nbcrash: could not diagnose the error', reason);
      return (
        this._log.update(key, { status: 'failed', error: message }) ?? null
      );
    }
  }

  private _tracker: INotebookTracker;
  private _log: CrashLog;
  private _diagnose: DiagnoseFunction;
  private _beforeDiagnose: () => Promise<void>;
  private _historyLimit: number;
  private _watches = new Map<Notebook, NotebookWatch>();
  private _diagnosed = new Signal<this, IDiagnosedArgs>(this);
  private _disposed = false;
}

export namespace CrashCapture {
  export interface IOptions {
    tracker: INotebookTracker;
    log: CrashLog;
    /** Defaults to POST /nbcrash/diagnose. */
    diagnose?: DiagnoseFunction;
    /** Awaited alongside each request, e.g. loading the taxonomy titles. */
    beforeDiagnose?: () => Promise<void>;
    historyLimit?: number;
  }
}
