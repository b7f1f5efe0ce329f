import { CodeCell, ICodeCellModel } from '@jupyterlab/cells';
import { NotebookPanel } from '@jupyterlab/notebook';
import { PanelLayout, Widget } from '@lumino/widgets';

import { crashIdOf, ICrashEntry } from './crashlog';
import {
  ChosenLabels,
  CORRECTABLE,
  sendFeedback,
  storedFeedback,
  wrongFeedback
} from './feedback';
import { crashIcon } from './icon';
import { cellLabel, firstLine, splitCodeSpans } from './labels';
import { ICellLocation } from './navigate';
import { hintConfidence } from './settings';
import { Dimension, Taxonomy } from './taxonomy';
import { IFeedbackRequest, IFeedbackResponse, IStoredFeedback } from './types';

/** How the UI names the dimensions of a diagnosis. */
export const DIMENSION_NAMES: { [dimension: string]: string } = {
  crash_type: 'Crash type',
  root_cause: 'Root cause',
  notebook_cause: 'Notebook cause',
  stage: 'Stage',
  library: 'Library'
};

/** The confidences of a diagnosis in display order: known dimensions first. */
export function confidenceRows(confidence: {
  [dimension: string]: number;
}): { dimension: string; name: string; value: number }[] {
  const order = Object.keys(DIMENSION_NAMES);
  return Object.entries(confidence ?? {})
    .filter(([, v]) => typeof v === 'number' && Number.isFinite(v))
    .sort(([a], [b]) => {
      const ra = order.indexOf(a) < 0 ? order.length : order.indexOf(a);
      const rb = order.indexOf(b) < 0 ? order.length : order.indexOf(b);
      return ra - rb || a.localeCompare(b);
    })
    .map(([dimension, value]) => ({
      dimension,
      name: DIMENSION_NAMES[dimension] ?? dimension.replace(/_/g, ' '),
      value: Math.min(1, Math.max(0, value))
    }));
}

/** A percentage as the UI shows it. */
export function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

/** Create an element with a class and text (text only: user data never becomes HTML). */
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className = '',
  text?: string
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

/** A text with its `code spans` as <code> elements, built from text nodes. */
export function appendHint(parent: HTMLElement, text: string): void {
  for (const part of splitCodeSpans(text)) {
    if (part.code) {
      parent.append(el('code', '', part.text));
    } else {
      parent.append(document.createTextNode(part.text));
    }
  }
}

function button(
  className: string,
  text: string,
  title: string,
  onClick: () => void
): HTMLButtonElement {
  const node = el('button', `jp-nbcrash-button ${className}`, text);
  node.type = 'button';
  node.title = title;
  node.addEventListener('click', onClick);
  return node;
}

/** Where the feedback part of a card is. */
type FeedbackState = 'ask' | 'form' | 'sending' | 'done' | 'error';

let cardCounter = 0;

/**
 * A card under a cell's error output: crash type and stage (coloured by the root cause's
 * family), the hint, an expandable "Why?" with the evidence and the confidence of each
 * label, "Go to cell" when the cause lies in another cell, and "Right" / "Wrong" feedback.
 *
 * It sits beside the output area, so the traceback itself is never hidden or re-rendered;
 * it is UI only and never written into the notebook.
 */
export class CrashCard extends Widget {
  constructor(options: CrashCard.IOptions) {
    super();
    this.addClass('jp-nbcrash-card');
    this.node.setAttribute('role', 'region');
    this._options = options;
    this._whyId = `jp-nbcrash-why-${++cardCounter}`;
    this.entry = options.entry;
  }

  /** The crash shown. */
  get entry(): ICrashEntry {
    return this._entry!;
  }
  set entry(entry: ICrashEntry) {
    if (this._entry?.key !== entry.key) {
      this._feedbackState = entry.feedback ? 'done' : 'ask';
      this._feedbackError = '';
    } else if (entry.feedback && this._feedbackState !== 'form') {
      this._feedbackState = 'done';
    }
    this._entry = entry;
    this.render();
  }

  /** Whether "Why?" is open. */
  get expanded(): boolean {
    return this._expanded;
  }
  set expanded(value: boolean) {
    this._expanded = value;
    this.render();
  }

  /** Draw the card again (settings or titles changed). */
  render(): void {
    const entry = this._entry!;
    const d = entry.diagnosis;
    const node = this.node;
    node.replaceChildren();
    if (!d) {
      return;
    }
    const taxonomy = this._options.taxonomy;
    const crashType = taxonomy.title('crash_type', d.crash_type);
    const stage = taxonomy.title('stage', d.stage);
    const rootCause = taxonomy.title('root_cause', d.root_cause);
    node.setAttribute(
      'aria-label',
      `Crash diagnosis: ${crashType}, stage ${stage}, root cause ${rootCause}`
    );
    node.dataset.rootCause = d.root_cause;

    // Header: what, where in the pipeline, why (family), and the actions.
    const header = el('div', 'jp-nbcrash-card-header');
    const icon = crashIcon.element({
      className: 'jp-nbcrash-card-icon',
      tag: 'span'
    });
    icon.setAttribute('aria-hidden', 'true');
    const titles = el('span', 'jp-nbcrash-card-titles');
    const type = el('span', 'jp-nbcrash-card-type', crashType);
    type.title = taxonomy.description('crash_type', d.crash_type);
    const stageNode = el('span', 'jp-nbcrash-card-stage', stage);
    stageNode.title = `Pipeline stage: ${taxonomy.description('stage', d.stage) || stage}`;
    const cause = el(
      'span',
      'jp-nbcrash-card-cause',
      d.notebook_cause
        ? taxonomy.title('notebook_cause', d.notebook_cause)
        : rootCause
    );
    cause.title = `Root cause: ${rootCause}. ${taxonomy.description('root_cause', d.root_cause)}`;
    titles.append(type, el('span', 'jp-nbcrash-card-sep', '·'), stageNode);
    header.append(icon, titles, cause);

    const actions = el('span', 'jp-nbcrash-card-actions');
    const related = d.related_cell;
    if (related) {
      const label = cellLabel(related.index, related.execution_count);
      const goto = button(
        'jp-nbcrash-card-goto jp-mod-accept',
        `Go to ${label}`,
        `Scroll to ${label}, where the cause lies`,
        () =>
          this._options.onReveal({
            panelId: entry.panelId,
            notebookPath: entry.notebookPath,
            cellId: related.id,
            cellIndex: related.index
          })
      );
      actions.append(goto);
    }
    const why = button(
      'jp-nbcrash-card-why-toggle',
      'Why?',
      'Show the evidence and the confidence of the diagnosis',
      () => {
        this.expanded = !this._expanded;
        this.node
          .querySelector<HTMLButtonElement>('.jp-nbcrash-card-why-toggle')
          ?.focus();
      }
    );
    why.setAttribute('aria-expanded', String(this._expanded));
    why.setAttribute('aria-controls', this._whyId);
    const details = button(
      'jp-nbcrash-card-details',
      'Details',
      'Show this crash in the crash panel',
      () => this._options.onDetails(this.entry)
    );
    actions.append(why, details);
    header.append(actions);
    node.append(header);

    // The hint, unless the diagnosis is not sure enough of it.
    const minConfidence = this._options.minConfidence();
    const confidence = hintConfidence(d);
    if (d.hint && confidence >= minConfidence) {
      const hint = el(
        'p',
        'jp-nbcrash-card-hint' +
          (this._expanded ? '' : ' jp-nbcrash-card-hint-short')
      );
      appendHint(hint, this._expanded ? d.hint : firstLine(d.hint, 400));
      hint.title = d.hint;
      node.append(hint);
    } else if (d.hint) {
      node.append(
        el(
          'p',
          'jp-nbcrash-card-lowconf',
          `No hint: the diagnosis is only ${Math.floor(confidence * 100)}% sure ` +
            `(your minimum is ${percent(minConfidence)}).`
        )
      );
    }

    const whyPanel = this._renderWhy();
    whyPanel.id = this._whyId;
    whyPanel.hidden = !this._expanded;
    node.append(whyPanel);

    const feedback = this._renderFeedback();
    if (feedback) {
      node.append(feedback);
    }
  }

  /** Evidence, the labels and how sure each one is. */
  private _renderWhy(): HTMLElement {
    const d = this._entry!.diagnosis!;
    const taxonomy = this._options.taxonomy;
    const panel = el('div', 'jp-nbcrash-card-why');
    panel.setAttribute('role', 'group');
    panel.setAttribute('aria-label', 'Why this diagnosis');

    const rows = confidenceRows(d.confidence);
    if (rows.length) {
      const table = el('dl', 'jp-nbcrash-confidence');
      for (const row of rows) {
        const id = (d as any)[row.dimension];
        const title =
          typeof id === 'string'
            ? taxonomy.title(row.dimension as Dimension, id)
            : '';
        const dt = el('dt', '', row.name);
        const dd = el('dd');
        const label = el('span', 'jp-nbcrash-confidence-label', title);
        const bar = el('span', 'jp-nbcrash-confidence-bar');
        bar.setAttribute('role', 'meter');
        bar.setAttribute('aria-valuemin', '0');
        bar.setAttribute('aria-valuemax', '100');
        bar.setAttribute('aria-valuenow', String(Math.round(row.value * 100)));
        bar.setAttribute(
          'aria-label',
          `Confidence in the ${row.name.toLowerCase()}`
        );
        const fill = el('span', 'jp-nbcrash-confidence-fill');
        fill.style.width = percent(row.value);
        bar.append(fill);
        const value = el(
          'span',
          'jp-nbcrash-confidence-value',
          percent(row.value)
        );
        dd.append(label, bar, value);
        table.append(dt, dd);
      }
      panel.append(table);
    }
    if (d.evidence.length) {
      panel.append(el('div', 'jp-nbcrash-card-why-title', 'Evidence'));
      const list = el('ul', 'jp-nbcrash-evidence');
      for (const line of d.evidence) {
        const item = el('li');
        appendHint(item, line);
        list.append(item);
      }
      panel.append(list);
    } else {
      panel.append(
        el('p', 'jp-nbcrash-card-noevidence', 'No evidence was recorded.')
      );
    }
    if (this._options.onCopy) {
      const copy = button(
        'jp-nbcrash-card-copy',
        'Copy as Markdown',
        'Copy the diagnosis and the end of the traceback as Markdown, for a forum question or a bug report',
        () => this._options.onCopy!(this.entry)
      );
      panel.append(copy);
    }
    return panel;
  }

  /** "Is this right?" → Right / Wrong (pick the labels) → Thanks. */
  private _renderFeedback(): HTMLElement | null {
    const entry = this._entry!;
    const d = entry.diagnosis!;
    const crashId = crashIdOf(entry);
    if (crashId === null) {
      return null; // not kept by the server: nothing to attach a verdict to
    }
    const box = el('div', 'jp-nbcrash-card-feedback');
    box.dataset.state = this._feedbackState;
    box.setAttribute('aria-live', 'polite');
    const state = this._feedbackState;
    if (state === 'ask' || state === 'error') {
      box.append(
        el('span', 'jp-nbcrash-feedback-question', 'Is this diagnosis right?')
      );
      box.append(
        button(
          'jp-nbcrash-feedback-right',
          'Right',
          'The diagnosis is right: keep it as a training example',
          () => void this._send({ crash_id: crashId, correct: true })
        ),
        button(
          'jp-nbcrash-feedback-wrong',
          'Wrong…',
          'The diagnosis is wrong: pick the right label(s)',
          () => void this._openForm()
        )
      );
      if (state === 'error') {
        box.append(
          el(
            'span',
            'jp-nbcrash-feedback-error',
            `Could not save the feedback: ${this._feedbackError}`
          )
        );
      }
    } else if (state === 'sending') {
      box.append(el('span', 'jp-nbcrash-feedback-question', 'Saving…'));
    } else if (state === 'done') {
      const fb = entry.feedback;
      const text = fb?.correct
        ? 'Thanks! You confirmed this diagnosis.'
        : `Thanks! Your correction is saved${this._correctionText(fb)}.`;
      box.append(el('span', 'jp-nbcrash-feedback-thanks', text));
      box.append(
        button(
          'jp-nbcrash-feedback-change',
          'Change',
          'Give a different verdict on this diagnosis',
          () => {
            this._feedbackState = 'ask';
            this.render();
            this.node
              .querySelector<HTMLButtonElement>('.jp-nbcrash-feedback-right')
              ?.focus();
          }
        )
      );
    } else {
      box.append(this._renderForm(crashId, d));
    }
    return box;
  }

  private _correctionText(fb: IStoredFeedback | null | undefined): string {
    if (!fb) {
      return '';
    }
    const d = this._entry!.diagnosis!;
    const changed = CORRECTABLE.filter(
      dim => (fb.labels[dim] ?? null) !== (d[dim] ?? null) && fb.labels[dim]
    );
    if (!changed.length) {
      return '';
    }
    const taxonomy = this._options.taxonomy;
    return (
      ': ' +
      changed
        .map(
          dim =>
            `${DIMENSION_NAMES[dim].toLowerCase()} ${taxonomy.title(dim, String(fb.labels[dim]))}`
        )
        .join(', ')
    );
  }

  private async _openForm(): Promise<void> {
    this._feedbackState = 'form';
    this._feedbackError = '';
    // The choices are the taxonomy's titles: load them if they are not here yet.
    try {
      await this._options.taxonomy.load();
    } catch (reason) {
      this._feedbackState = 'error';
      this._feedbackError = `the labels could not be loaded (${reason instanceof Error ? reason.message : String(reason)})`;
    }
    this.render();
    this.node
      .querySelector<HTMLSelectElement>('.jp-nbcrash-feedback-form select')
      ?.focus();
  }

  private _renderForm(
    crashId: number,
    d: ICrashEntry['diagnosis']
  ): HTMLElement {
    const taxonomy = this._options.taxonomy;
    const form = el('form', 'jp-nbcrash-feedback-form');
    form.setAttribute('aria-label', 'Correct the diagnosis');
    form.append(
      el(
        'p',
        'jp-nbcrash-feedback-help',
        'Pick the right label(s); leave the others as they are.'
      )
    );
    const selects = new Map<string, HTMLSelectElement>();
    for (const dim of CORRECTABLE) {
      const entries = taxonomy.entries(dim as Dimension);
      if (!entries.length) {
        continue;
      }
      const id = `${this._whyId}-${dim}`;
      const label = el(
        'label',
        'jp-nbcrash-feedback-label',
        DIMENSION_NAMES[dim]
      );
      label.htmlFor = id;
      const select = el('select', 'jp-nbcrash-feedback-select');
      select.id = id;
      select.name = dim;
      if (dim === 'notebook_cause') {
        select.append(new Option('— none —', ''));
      }
      for (const entry of entries) {
        const option = new Option(entry.title, entry.id);
        option.title = entry.description;
        select.append(option);
      }
      select.value = (d?.[dim] as string | null) ?? '';
      selects.set(dim, select);
      form.append(label, select);
    }
    const message = el('p', 'jp-nbcrash-feedback-error');
    message.setAttribute('role', 'alert');
    const buttons = el('div', 'jp-nbcrash-feedback-buttons');
    const send = el(
      'button',
      'jp-nbcrash-button jp-nbcrash-feedback-send jp-mod-accept',
      'Send correction'
    );
    send.type = 'submit';
    const cancel = button(
      'jp-nbcrash-feedback-cancel',
      'Cancel',
      'Close without sending',
      () => {
        this._feedbackState = this._entry!.feedback ? 'done' : 'ask';
        this.render();
      }
    );
    buttons.append(send, cancel);
    form.append(buttons, message);
    form.addEventListener('submit', event => {
      event.preventDefault();
      const chosen: ChosenLabels = {};
      selects.forEach((select, dim) => {
        chosen[dim as keyof ChosenLabels] = select.value;
      });
      const request = wrongFeedback(crashId, this._entry!.diagnosis!, chosen);
      if (!request) {
        message.textContent =
          'Change at least one label to the right one (or press "Right" if the diagnosis is right).';
        return;
      }
      void this._send(request);
    });
    return form;
  }

  private async _send(request: IFeedbackRequest): Promise<void> {
    this._feedbackState = 'sending';
    this.render();
    let response: IFeedbackResponse;
    try {
      response = await this._options.send(request);
    } catch (reason) {
      this._feedbackState = 'error';
      this._feedbackError =
        reason instanceof Error ? reason.message : String(reason);
      this.render();
      return;
    }
    const feedback = storedFeedback(request, response, this._entry!.diagnosis!);
    this._feedbackState = 'done';
    this._options.onFeedback(this._entry!, feedback);
    // The log update sets the entry again; make sure the card shows "Thanks" regardless.
    this._entry = { ...this._entry!, feedback };
    this.render();
    this.node
      .querySelector<HTMLButtonElement>('.jp-nbcrash-feedback-change')
      ?.focus();
  }

  private _entry: ICrashEntry | null = null;
  private _options: CrashCard.IOptions;
  private _expanded = false;
  private _whyId: string;
  private _feedbackState: FeedbackState = 'ask';
  private _feedbackError = '';
}

export namespace CrashCard {
  export interface IOptions extends CardManager.IOptions {
    entry: ICrashEntry;
  }
}

/**
 * Puts cards under error outputs and takes them away when the error output goes
 * (outputs cleared, cell run again).
 */
export class CardManager {
  constructor(options: CardManager.IOptions) {
    this._options = options;
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
    const card = new CrashCard({ ...this._options, entry });
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
        card.render();
      }
    }
  }

  /** Remove every card (e.g. when cards are switched off). */
  clear(): void {
    for (const card of [...this._cards.values()]) {
      card.dispose();
    }
    this._cards.clear();
  }

  private _cards = new Map<ICodeCellModel, CrashCard>();
  private _waiting = new WeakSet<ICodeCellModel>();
  private _options: CardManager.IOptions;
}

export namespace CardManager {
  export interface IOptions {
    taxonomy: Taxonomy;
    /** Open the crash panel on this crash. */
    onDetails: (entry: ICrashEntry) => void;
    /** Bring a cell into view ("Go to cell"). */
    onReveal: (where: ICellLocation) => void;
    /** The minimum confidence to show a hint (read live from the settings). */
    minConfidence: () => number;
    /** A verdict was stored: update the crash log. */
    onFeedback: (entry: ICrashEntry, feedback: IStoredFeedback) => void;
    /** POST the feedback (replaceable in tests). */
    send: (request: IFeedbackRequest) => Promise<IFeedbackResponse>;
    /** Copy the diagnosis as Markdown. */
    onCopy?: (entry: ICrashEntry) => void;
  }
}

/** Whether a cell has an error output. */
export function hasError(model: ICodeCellModel): boolean {
  const outputs = model.outputs;
  for (let i = 0; i < outputs.length; i++) {
    if (outputs.get(i).type === 'error') {
      return true;
    }
  }
  return false;
}

/** The default way to send feedback. */
export { sendFeedback };
