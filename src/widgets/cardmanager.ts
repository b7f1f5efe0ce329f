import { CodeCell, ICodeCellModel } from '@jupyterlab/cells';
import { INotebookTracker, NotebookPanel } from '@jupyterlab/notebook';
import { PanelLayout } from '@lumino/widgets';

import { findEntry, hasError } from '../cellerrors';
import { CrashLog, ICrashEntry } from '../crashlog';
import { CrashCard } from './card';

/**
 * Puts cards under error outputs, takes them away when the error output goes (outputs
 * cleared, cell run again), and puts them back when a notebook is opened or reloaded.
 */
export class CardManager {
  constructor(options: CardManager.IOptions) {
    const { tracker, log, ...cardOptions } = options;
    this._cardOptions = cardOptions;
    this._tracker = tracker;
    this._log = log;
    tracker.forEach(notebook => this._watch(notebook));
    tracker.widgetAdded.connect((_, notebook) => this._watch(notebook));
  }

  /** Whether cards are shown at all (setting "showInlineCards"). */
  get enabled(): boolean {
    return this._enabled;
  }
  set enabled(value: boolean) {
    if (value === this._enabled) {
      return;
    }
    this._enabled = value;
    if (value) {
      this.restoreAll();
    } else {
      this.clear();
    }
  }

  /** Show (or replace) the card of a cell. */
  show(
    panel: NotebookPanel,
    cellModel: ICodeCellModel,
    entry: ICrashEntry
  ): void {
    const cell = panel.content.widgets.find(c => c.model === cellModel);
    if (
      !this._enabled ||
      !(cell instanceof CodeCell) ||
      cell.isDisposed ||
      !hasError(cellModel)
    ) {
      return;
    }
    const existing = this._cards.get(cellModel);
    if (existing && !existing.isDisposed) {
      existing.entry = entry;
      return;
    }
    const layout = cell.layout as PanelLayout;
    const outputWrapper = cell.outputArea?.parent;
    const at = outputWrapper ? layout.widgets.indexOf(outputWrapper) : -1;
    if (at < 0) {
      // A cell of a long notebook not rendered yet (a placeholder): wait until it is.
      if (cell.isPlaceholder() && !this._waiting.has(cellModel)) {
        this._waiting.add(cellModel);
        void cell.ready.then(() => {
          this._waiting.delete(cellModel);
          if (!cell.isDisposed && !cell.isPlaceholder()) {
            this.show(panel, cellModel, entry);
          }
        });
      }
      return;
    }
    const card = new CrashCard({ ...this._cardOptions, entry });
    layout.insertWidget(at + 1, card);
    this._cards.set(cellModel, card);

    const onOutputs = () => {
      if (!hasError(cellModel)) {
        card.dispose();
      }
    };
    cellModel.outputs.changed.connect(onOutputs);
    card.disposed.connect(() => {
      cellModel.outputs.changed.disconnect(onOutputs);
      if (this._cards.get(cellModel) === card) {
        this._cards.delete(cellModel);
      }
    });
  }

  /** The card of a cell, if it has one. */
  cardOf(cellModel: ICodeCellModel): CrashCard | undefined {
    const card = this._cards.get(cellModel);
    return card && !card.isDisposed ? card : undefined;
  }

  /** Give the cards showing this crash its new state (e.g. feedback given in the panel). */
  update(entry: ICrashEntry): void {
    for (const card of this._cards.values()) {
      if (!card.isDisposed && card.entry.key === entry.key) {
        card.entry = entry;
      }
    }
  }

  /** Draw every card again (settings or titles changed). */
  refresh(): void {
    for (const card of this._cards.values()) {
      if (!card.isDisposed) {
        card.update();
      }
    }
  }

  /** Remove every card. */
  clear(): void {
    for (const card of [...this._cards.values()]) {
      card.dispose();
    }
    this._cards.clear();
  }

  /**
   * Cards for the error outputs a notebook shows when it is opened or reloaded (from disk,
   * or after a page reload): the crash log knows their diagnosis by path, cell id and
   * execution count. Nothing is re-diagnosed and nothing is written into the notebook.
   */
  restore(notebook: NotebookPanel): void {
    if (!this._enabled || notebook.isDisposed) {
      return;
    }
    const path = notebook.context.path;
    for (const cell of notebook.content.widgets) {
      const model = cell.model as ICodeCellModel;
      if (model.type !== 'code' || !hasError(model) || this.cardOf(model)) {
        continue;
      }
      const entry = findEntry(this._log, path, model);
      if (entry) {
        this.show(notebook, model, entry);
      }
    }
  }

  /** `restore` every open notebook (e.g. once the server's history has loaded). */
  restoreAll(): void {
    this._tracker.forEach(notebook => this.restore(notebook));
  }

  private _watch(notebook: NotebookPanel): void {
    void notebook.context.ready.then(() => {
      this.restore(notebook);
      // "Reload from disk" replaces the cells (and their widgets).
      let pending = 0;
      notebook.content.model?.cells.changed.connect(() => {
        window.clearTimeout(pending);
        pending = window.setTimeout(() => this.restore(notebook), 100);
      });
    });
  }

  private _cards = new Map<ICodeCellModel, CrashCard>();
  private _waiting = new WeakSet<ICodeCellModel>();
  private _cardOptions: Omit<CrashCard.IOptions, 'entry'>;
  private _tracker: INotebookTracker;
  private _log: CrashLog;
  private _enabled = true;
}

export namespace CardManager {
  export interface IOptions extends Omit<CrashCard.IOptions, 'entry'> {
    tracker: INotebookTracker;
    /** Where restored cards find their diagnosis. */
    log: CrashLog;
  }
}
