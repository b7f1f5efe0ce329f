import { ISignal, Signal } from '@lumino/signaling';

import { FixResult } from './fixresult';
import { IDiagnosis, IStoredCrash, IStoredFeedback } from './types';

/** One crash seen in this JupyterLab session and what the server made of it. */
export interface ICrashEntry {
  /** Unique per notebook widget, cell and execution. */
  key: string;
  /** Id of the notebook widget the crash happened in (to find it again). */
  panelId: string;
  /** The notebook's path when the crash happened. */
  notebookPath: string;
  cellId: string;
  /** The cell's position (0-based) when it crashed. */
  cellIndex: number;
  executionCount: number | null;
  ename: string;
  evalue: string;
  /** When the crash was seen (ms since the epoch). */
  time: number;
  status: 'pending' | 'done' | 'failed';
  diagnosis: IDiagnosis | null;
  /** Why the diagnosis failed, for status 'failed'. */
  error?: string;
  /** The user's verdict on the diagnosis, once given. */
  feedback?: IStoredFeedback | null;
  /** What became of its one-click fix (applied, re-run, undone), once known. */
  fixResult?: FixResult | null;
  /**
   * Diagnosed in an earlier server session (loaded from the history on request): the panel
   * lists and counts it only while "Earlier" is chosen.
   */
  earlier?: boolean;
}

/** Whether an entry belongs to this server session (every crash seen live does). */
export function inThisSession(entry: ICrashEntry): boolean {
  return !entry.earlier;
}

/** The crash id the server keeps the entry under (null when not kept). */
export function crashIdOf(entry: ICrashEntry): number | null {
  const id = entry.diagnosis?.crash_id;
  return typeof id === 'number' ? id : null;
}

/** An entry for a crash of the server's history (one seen before the page was loaded). */
export function entryFromServer(crash: IStoredCrash): ICrashEntry {
  const time = Date.parse(crash.created);
  return {
    key: `stored:${crash.crash_id}`,
    panelId: '',
    notebookPath: crash.notebook_path,
    cellId: crash.cell_id,
    cellIndex: crash.cell_index ?? -1,
    executionCount: crash.execution_count,
    ename: crash.ename,
    evalue: crash.evalue,
    time: Number.isFinite(time) ? time : 0,
    status: 'done',
    diagnosis: {
      ...crash.diagnosis,
      crash_id: crash.crash_id,
      created: crash.created
    },
    // A fix's outcome alone is stored as feedback without a verdict: no verdict to show.
    feedback:
      typeof crash.feedback?.correct === 'boolean' ? crash.feedback : null,
    fixResult: crash.fix_result ?? null,
    earlier: crash.this_session === false
  };
}

/** Most crashes kept in the list; older ones drop off. */
const MAX_ENTRIES = 500;

/**
 * The crashes of this session, newest first. The panel and any other view render from it
 * and re-render on `changed`.
 */
export class CrashLog {
  /** Newest first. */
  get entries(): readonly ICrashEntry[] {
    return this._entries;
  }

  /** Emitted with the entry that was added or updated (null after `clear`). */
  get changed(): ISignal<this, ICrashEntry | null> {
    return this._changed;
  }

  /** Find an entry by key. */
  get(key: string): ICrashEntry | undefined {
    return this._entries.find(e => e.key === key);
  }

  /** Add a crash at the top of the list (replacing an entry with the same key). */
  add(entry: ICrashEntry): ICrashEntry {
    this._entries = [entry, ...this._entries.filter(e => e.key !== entry.key)];
    if (this._entries.length > MAX_ENTRIES) {
      this._entries = this._entries.slice(0, MAX_ENTRIES);
    }
    this._changed.emit(entry);
    return entry;
  }

  /** Update an entry in place of the list; returns the new entry or undefined. */
  update(key: string, patch: Partial<ICrashEntry>): ICrashEntry | undefined {
    const i = this._entries.findIndex(e => e.key === key);
    if (i < 0) {
      return undefined;
    }
    const entry = { ...this._entries[i], ...patch, key };
    this._entries = [
      ...this._entries.slice(0, i),
      entry,
      ...this._entries.slice(i + 1)
    ];
    // The history loaded at start may already hold this crash (it was stored meanwhile).
    const id = crashIdOf(entry);
    if (id !== null) {
      this._entries = this._entries.filter(
        e => e === entry || crashIdOf(e) !== id
      );
    }
    this._changed.emit(entry);
    return entry;
  }

  /**
   * Add crashes of the server's history (newest first) that the log does not hold yet,
   * keeping the list newest first. Returns how many were added.
   */
  merge(crashes: readonly IStoredCrash[]): number {
    const known = new Set(
      this._entries.map(crashIdOf).filter((id): id is number => id !== null)
    );
    const fresh = crashes
      .filter(c => !known.has(c.crash_id))
      .map(entryFromServer);
    if (!fresh.length) {
      return 0;
    }
    this._entries = [...this._entries, ...fresh]
      .sort((a, b) => b.time - a.time)
      .slice(0, MAX_ENTRIES);
    this._changed.emit(null);
    return fresh.length;
  }

  /** Forget every entry. */
  clear(): void {
    this._entries = [];
    this._changed.emit(null);
  }

  private _entries: ICrashEntry[] = [];
  private _changed = new Signal<this, ICrashEntry | null>(this);
}
