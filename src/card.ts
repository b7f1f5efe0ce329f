import { CodeCell, ICodeCellModel } from '@jupyterlab/cells';
import { NotebookPanel } from '@jupyterlab/notebook';
import { PanelLayout, Widget } from '@lumino/widgets';

import { ICrashEntry } from './crashlog';
import { crashIcon } from './icon';
import { firstLine, splitCodeSpans } from './labels';
import { Taxonomy } from './taxonomy';

/**
 * A one-line card under a cell's error output: the crash type and the hint's first line,
 * with a button to the full diagnosis. It sits beside the output area, so the traceback
 * itself is never hidden or re-rendered; it is UI only and never written into the notebook.
 */
export class CrashCard extends Widget {
  constructor(options: CrashCard.IOptions) {
    super();
    this.addClass('jp-nbcrash-card');
    this.node.setAttribute('role', 'note');
    this._taxonomy = options.taxonomy;
    this._onDetails = options.onDetails;
    this.entry = options.entry;
  }

  /** The crash shown. */
  get entry(): ICrashEntry {
    return this._entry!;
  }
  set entry(entry: ICrashEntry) {
    this._entry = entry;
    this._render();
  }

  private _render(): void {
    const entry = this._entry!;
    const d = entry.diagnosis;
    const node = this.node;
    node.replaceChildren();
    if (!d) {
      return;
    }
    const crashType = this._taxonomy.title('crash_type', d.crash_type);
    node.setAttribute('aria-label', `Crash diagnosis: ${crashType}`);
    node.dataset.rootCause = d.root_cause;

    const icon = crashIcon.element({
      className: 'jp-nbcrash-card-icon',
      tag: 'span'
    });
    const type = document.createElement('span');
    type.className = 'jp-nbcrash-card-type';
    type.textContent = crashType;
    type.title = this._taxonomy.description('crash_type', d.crash_type);

    const hint = document.createElement('span');
    hint.className = 'jp-nbcrash-card-hint';
    for (const part of splitCodeSpans(firstLine(d.hint, 240))) {
      if (part.code) {
        const code = document.createElement('code');
        code.textContent = part.text;
        hint.append(code);
      } else {
        hint.append(document.createTextNode(part.text));
      }
    }
    hint.title = d.hint;

    const details = document.createElement('button');
    details.className = 'jp-nbcrash-card-details jp-mod-styled';
    details.textContent = 'Details';
    details.title = 'Show the full diagnosis in the crash panel';
    details.addEventListener('click', () => this._onDetails(this.entry));

    node.append(icon, type, hint, details);
  }

  private _entry: ICrashEntry | null = null;
  private _taxonomy: Taxonomy;
  private _onDetails: (entry: ICrashEntry) => void;
}

export namespace CrashCard {
  export interface IOptions {
    entry: ICrashEntry;
    taxonomy: Taxonomy;
    onDetails: (entry: ICrashEntry) => void;
  }
}

/**
 * Puts cards under error outputs and takes them away when the error output goes
 * (outputs cleared, cell run again).
 */
export class CardManager {
  constructor(options: CardManager.IOptions) {
    this._taxonomy = options.taxonomy;
    this._onDetails = options.onDetails;
  }

  /** Show (or replace) the card of a cell. */
  show(
    panel: NotebookPanel,
    cellModel: ICodeCellModel,
    entry: ICrashEntry
  ): void {
    const cell = panel.content.widgets.find(c => c.model === cellModel);
    if (
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
    const outputWrapper = cell.outputArea.parent;
    const at = outputWrapper ? layout.widgets.indexOf(outputWrapper) : -1;
    if (at < 0) {
      return;
    }
    const card = new CrashCard({
      entry,
      taxonomy: this._taxonomy,
      onDetails: this._onDetails
    });
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

  /** Remove every card (e.g. when cards are switched off). */
  clear(): void {
    for (const card of [...this._cards.values()]) {
      card.dispose();
    }
    this._cards.clear();
  }

  private _cards = new Map<ICodeCellModel, CrashCard>();
  private _taxonomy: Taxonomy;
  private _onDetails: (entry: ICrashEntry) => void;
}

export namespace CardManager {
  export interface IOptions {
    taxonomy: Taxonomy;
    onDetails: (entry: ICrashEntry) => void;
  }
}

function hasError(model: ICodeCellModel): boolean {
  const outputs = model.outputs;
  for (let i = 0; i < outputs.length; i++) {
    if (outputs.get(i).type === 'error') {
      return true;
    }
  }
  return false;
}
