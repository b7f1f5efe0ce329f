/**
 * Keeps the panel's model line current. The model changes outside the page: `jupyter nbcrash
 * train --with-feedback` or `train --reset` runs in a terminal (JupyterLab's own or another),
 * and the server picks the new files up without a restart, so no action of this page and no
 * signal says when. So the status is read again whenever the panel is shown, when the browser
 * tab comes back into view, and every `intervalMs` while the panel is visible: one small GET
 * (the model's metadata and the corrections count, not the model) that a hidden panel or a
 * background tab never makes. No React here.
 */
import { IDisposable } from '@lumino/disposable';

import { IModelStatus } from './types';

/** How often a visible panel reads the status again (ms). */
export const MODEL_POLL_MS = 30_000;

export class ModelWatch implements IDisposable {
  constructor(options: ModelWatch.IOptions) {
    this._read = options.read;
    this._onChange = options.onChange;
    this._isVisible = options.isVisible;
    this._document = options.document ?? document;
    this._timer = setInterval(
      () => void this.refreshIfVisible(),
      options.intervalMs ?? MODEL_POLL_MS
    );
    this._document.addEventListener('visibilitychange', this._onVisibility);
  }

  get isDisposed(): boolean {
    return this._disposed;
  }

  /**
   * Read the status now; `onChange` is called when it differs from the last one read. One
   * read at a time: a call while one is under way waits for it. A failed read keeps the line
   * as it was (the panel works without it).
   */
  refresh(): Promise<void> {
    if (this._disposed) {
      return Promise.resolve();
    }
    if (!this._pending) {
      this._pending = this._read()
        .then(model => {
          const key = JSON.stringify(model ?? null);
          if (key !== this._last && !this._disposed) {
            this._last = key;
            this._onChange(model);
          }
        })
        .catch(reason =>
          console.warn('nbcrash: could not read the status.', reason)
        )
        .finally(() => (this._pending = null));
    }
    return this._pending;
  }

  /** Read the status if anyone can see the line: the panel shown, the tab in view. */
  refreshIfVisible(): Promise<void> {
    return this._isVisible() && this._document.visibilityState !== 'hidden'
      ? this.refresh()
      : Promise.resolve();
  }

  dispose(): void {
    if (this._disposed) {
      return;
    }
    this._disposed = true;
    clearInterval(this._timer);
    this._document.removeEventListener('visibilitychange', this._onVisibility);
  }

  private _onVisibility = () => void this.refreshIfVisible();
  private _read: () => Promise<IModelStatus>;
  private _onChange: (model: IModelStatus) => void;
  private _isVisible: () => boolean;
  private _document: Document;
  private _timer: ReturnType<typeof setInterval>;
  private _pending: Promise<void> | null = null;
  private _last: string | undefined = undefined;
  private _disposed = false;
}

export namespace ModelWatch {
  export interface IOptions {
    /** GET /nbcrash/status's `model` (api.getStatus). */
    read: () => Promise<IModelStatus>;
    /** Called with the model status whenever it differs from the one read before. */
    onChange: (model: IModelStatus) => void;
    /** Whether the model line can be seen (the panel is visible). */
    isVisible: () => boolean;
    intervalMs?: number;
    /** The page (a test's own). */
    document?: Document;
  }
}
