import { ISessionContext } from '@jupyterlab/apputils';
import { Kernel } from '@jupyterlab/services';
import { IDisposable } from '@lumino/disposable';
import { ISignal, Signal } from '@lumino/signaling';

import { IWireExecution } from './types';

/** One execution of a cell in a kernel session. */
export interface IExecutionEntry {
  /** The cell's id (stable across moves and saves). */
  cellId: string;
  /** The cell's position in the notebook when it ran (0-based). */
  index: number;
  /** The kernel's execution count for this run, if it gave one. */
  executionCount: number | null;
  /** Whether the cell finished without an exception. */
  ok: boolean;
  /** Exception class name, for a failed run. */
  ename?: string;
  /** Exception message, for a failed run (shortened). */
  evalue?: string;
  /** When it finished (ms since the epoch). */
  time: number;
}

/** Longest evalue kept in a history entry: the full error travels with its own request. */
const MAX_EVALUE = 500;

/** Default number of executions kept per kernel session. */
export const DEFAULT_HISTORY_LIMIT = 1000;

/**
 * The executions of one notebook in its current kernel session, and those of the session
 * before the last restart (to tell "this ran, but before the restart").
 *
 * Recording is a push onto an array: cheap enough for every successful cell. Once the
 * record exceeds its limit, the oldest runs of cells that ran again later are dropped first,
 * so that the latest run of every cell survives as long as possible.
 */
export class ExecutionHistory {
  constructor(limit: number = DEFAULT_HISTORY_LIMIT) {
    this._limit = Math.max(1, Math.floor(limit));
  }

  /** Maximum number of executions kept per session. */
  get limit(): number {
    return this._limit;
  }
  set limit(value: number) {
    this._limit = Math.max(1, Math.floor(value));
    this._trim();
  }

  /** Executions of the current kernel session, oldest first. */
  get current(): readonly IExecutionEntry[] {
    return this._current;
  }

  /** Executions of the session before the last restart, oldest first. */
  get previous(): readonly IExecutionEntry[] {
    return this._previous;
  }

  /** Emitted when a new kernel session starts (restart or kernel change). */
  get sessionReset(): ISignal<this, void> {
    return this._sessionReset;
  }

  /** Record one finished execution. */
  record(entry: IExecutionEntry): void {
    if (entry.evalue && entry.evalue.length > MAX_EVALUE) {
      entry = { ...entry, evalue: entry.evalue.slice(0, MAX_EVALUE) + '…' };
    }
    this._current.push(entry);
    // Trim in batches so that a long session does not pay a splice on every run.
    if (this._current.length > this._limit + Math.ceil(this._limit / 4)) {
      this._trim();
    }
  }

  /**
   * Start a new kernel session: the current record becomes the previous one.
   * A session in which nothing ran does not overwrite the one before it.
   */
  reset(): void {
    if (this._current.length > 0) {
      this._previous = this._current;
      this._current = [];
      this._trimList(this._previous);
    }
    this._sessionReset.emit();
  }

  /**
   * Whether this session or the one before the last restart ran the cell with this execution
   * count. An error output of a run it does not know was restored from the saved file (or
   * came from another client): it is judged from the notebook's cells alone.
   */
  hasRun(cellId: string, executionCount: number | null): boolean {
    const ran = (e: IExecutionEntry) =>
      e.cellId === cellId && e.executionCount === executionCount;
    return this._current.some(ran) || this._previous.some(ran);
  }

  /** The record in the wire format of POST /nbcrash/diagnose. */
  toWire(): { history: IWireExecution[]; previous_history: IWireExecution[] } {
    this._trim();
    return {
      history: this._current.map(toWireExecution),
      previous_history: this._previous.map(toWireExecution)
    };
  }

  private _trim(): void {
    this._trimList(this._current);
  }

  private _trimList(list: IExecutionEntry[]): void {
    let excess = list.length - this._limit;
    if (excess <= 0) {
      return;
    }
    // First drop superseded runs (the cell ran again later), oldest first.
    const lastRun = new Map<string, number>();
    list.forEach((entry, i) => lastRun.set(entry.cellId, i));
    const kept: IExecutionEntry[] = [];
    list.forEach((entry, i) => {
      if (excess > 0 && lastRun.get(entry.cellId) !== i) {
        excess--;
      } else {
        kept.push(entry);
      }
    });
    // Then, if every remaining run is some cell's latest, drop the oldest ones.
    const result = excess > 0 ? kept.slice(excess) : kept;
    list.splice(0, list.length, ...result);
  }

  private _limit: number;
  private _current: IExecutionEntry[] = [];
  private _previous: IExecutionEntry[] = [];
  private _sessionReset = new Signal<this, void>(this);
}

function toWireExecution(entry: IExecutionEntry): IWireExecution {
  const wire: IWireExecution = {
    cell_id: entry.cellId,
    execution_count: entry.executionCount,
    ok: entry.ok
  };
  if (!entry.ok) {
    wire.ename = entry.ename ?? '';
    wire.evalue = entry.evalue ?? '';
  }
  return wire;
}

/**
 * Reset a history whenever its notebook's kernel restarts or is replaced.
 * Returns a disposable that stops watching.
 */
export function watchKernelSessions(
  sessionContext: ISessionContext,
  history: ExecutionHistory
): IDisposable {
  const onStatus = (_: ISessionContext, status: Kernel.Status) => {
    if (status === 'restarting' || status === 'autorestarting') {
      history.reset();
    }
  };
  const onKernel = (
    _: ISessionContext,
    change: {
      oldValue: Kernel.IKernelConnection | null;
      newValue: Kernel.IKernelConnection | null;
    }
  ) => {
    if (change.oldValue?.id !== change.newValue?.id) {
      history.reset();
    }
  };
  sessionContext.statusChanged.connect(onStatus);
  sessionContext.kernelChanged.connect(onKernel);
  let disposed = false;
  return {
    get isDisposed() {
      return disposed;
    },
    dispose() {
      if (!disposed) {
        disposed = true;
        sessionContext.statusChanged.disconnect(onStatus);
        sessionContext.kernelChanged.disconnect(onKernel);
      }
    }
  };
}
