import { ISignal, Signal } from '@lumino/signaling';

import { IDiagnosis } from './types';

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
    this._changed.emit(entry);
    return entry;
  }

  /** Forget every entry. */
  clear(): void {
    this._entries = [];
    this._changed.emit(null);
  }

  private _entries: ICrashEntry[] = [];
  private _changed = new Signal<this, ICrashEntry | null>(this);
}
