import { Dialog, showDialog } from '@jupyterlab/apputils';
import { ReactWidget } from '@jupyterlab/ui-components';
import { Message } from '@lumino/messaging';
import * as React from 'react';

import { BarChart } from '../components/barchart';
import { CrashList } from '../components/crashlist';
import { FilterBar } from '../components/filterbar';
import { ModelLine, PanelHeader } from '../components/panelheader';
import { CrashLog, ICrashEntry, inThisSession } from '../crashlog';
import {
  filterEntries,
  ICrashFilter,
  isFiltering,
  NO_FILTER
} from '../filters';
import type { IFixer } from '../fixaction';
import { crashIcon } from '../icon';
import { errorMessage } from '../labels';
import { modelLine, modelTooltip } from '../modelline';
import { ModelWatch } from '../modelwatch';
import { ICellLocation } from '../navigate';
import { Taxonomy } from '../taxonomy';
import { IModelStatus, IStoredCrash } from '../types';

/** The DOM id of the crash panel (also used to open it). */
export const PANEL_ID = 'jp-nbcrash-panel';

/**
 * The right side panel "Crash diagnosis": every crash of this server session, newest first;
 * "Earlier: N" adds those of earlier sessions (to the list, the filters and the charts).
 */
export class CrashPanel extends ReactWidget {
  constructor(options: CrashPanel.IOptions) {
    super();
    this._log = options.log;
    this._taxonomy = options.taxonomy;
    this._onReveal = options.onReveal;
    this._onCopy = options.onCopy;
    this._fixer = options.fixer;
    this._clearHistory = options.clearHistory;
    this._loadEarlier = options.loadEarlier;
    this.id = PANEL_ID;
    this.addClass('jp-nbcrash-panel');
    this.title.icon = crashIcon;
    this.title.caption = 'Crash diagnosis';
    this.node.setAttribute('role', 'region');
    this.node.setAttribute('aria-label', 'Crash diagnosis');
    this._log.changed.connect(() => this.update(), this);
    // The model line follows retraining and resets made from a terminal (modelwatch.ts).
    this._modelWatch = new ModelWatch({
      read: options.readModel,
      onChange: model => (this.model = model),
      isVisible: () => this.isVisible
    });
    // Titles may arrive after the first crash: render again once they do.
    void this._taxonomy.load().then(
      () => this.update(),
      () => undefined
    );
  }

  /** The crash log shown. */
  get log(): CrashLog {
    return this._log;
  }

  /** Highlight one entry and scroll it into view. */
  select(key: string | null): void {
    this._selected = key;
    // The entry must be visible: drop a filter that hides it, show earlier sessions if it is one.
    const entry = key ? this._log.get(key) : undefined;
    if (entry && !inThisSession(entry)) {
      this._showEarlier = true;
    }
    if (entry && !filterEntries([entry], this._filter).length) {
      this._filter = { ...NO_FILTER };
    }
    this.update();
  }

  /** The filter of the list (crash type, stage, library ids; '' = any). */
  get filter(): ICrashFilter {
    return this._filter;
  }
  set filter(filter: ICrashFilter) {
    this._filter = { ...filter };
    this.update();
  }

  /** Hints of diagnoses less sure than this are not shown (0..1). */
  get minConfidence(): number {
    return this._minConfidence;
  }
  set minConfidence(value: number) {
    this._minConfidence = value;
    this.update();
  }

  /** Below this confidence (0..1) a label is shown as "A or b — not sure". */
  get confidenceThreshold(): number {
    return this._confidenceThreshold;
  }
  set confidenceThreshold(value: number) {
    this._confidenceThreshold = value;
    this.update();
  }

  /** How many crashes of earlier server sessions the history holds ("Earlier: N"). */
  get earlierCount(): number {
    return this._earlierCount;
  }
  set earlierCount(value: number) {
    this._earlierCount = value;
    this.update();
  }

  /** Whether the crashes of earlier server sessions are listed. */
  get showEarlier(): boolean {
    return this._showEarlier;
  }

  /**
   * List the crashes of earlier server sessions too (loaded from the history the first time),
   * or only this session's again.
   */
  async toggleEarlier(): Promise<void> {
    if (this._showEarlier) {
      this._showEarlier = false;
      this.update();
      return;
    }
    if (!this._earlierLoaded) {
      try {
        this._log.merge(await this._loadEarlier());
        this._earlierLoaded = true;
      } catch (reason) {
        this.status = `Could not load the earlier crashes: ${errorMessage(reason)}`;
        return;
      }
    }
    this._showEarlier = true;
    this.update();
  }

  /** The model that diagnoses (GET /nbcrash/status), for the line at the foot. */
  get model(): IModelStatus | null {
    return this._model;
  }
  set model(value: IModelStatus | null) {
    this._model = value;
    this.update();
  }

  /** A message about the crash history (e.g. it could not be loaded); '' for none. */
  get status(): string {
    return this._status;
  }
  set status(value: string) {
    this._status = value;
    this.update();
  }

  /** Ask, then forget every crash of the history (server and panel). */
  async clear(): Promise<boolean> {
    const count =
      this._log.entries.filter(inThisSession).length + this._earlierCount;
    const result = await showDialog({
      title: 'Clear the crash history?',
      body:
        `This removes ${count === 1 ? 'the crash' : `all ${count} crashes`} from the panel ` +
        'and from the history the server keeps. Your feedback on diagnoses is kept.',
      buttons: [
        Dialog.cancelButton(),
        Dialog.warnButton({
          label: 'Clear',
          ariaLabel: 'Clear the crash history'
        })
      ]
    });
    if (!result.button.accept) {
      return false;
    }
    try {
      await this._clearHistory();
    } catch (reason) {
      this.status = `Could not clear the history: ${errorMessage(reason)}`;
      return false;
    }
    this._status = '';
    this._selected = null;
    this._filter = { ...NO_FILTER };
    this._earlierCount = 0;
    this._showEarlier = false;
    this._earlierLoaded = false;
    this._log.clear();
    return true;
  }

  /** Read which model diagnoses now (the panel's first show reads it the first time). */
  refreshModel(): Promise<void> {
    return this._modelWatch.refresh();
  }

  dispose(): void {
    this._modelWatch.dispose();
    super.dispose();
  }

  protected onAfterShow(msg: Message): void {
    super.onAfterShow(msg);
    void this._modelWatch.refresh();
  }

  protected render(): JSX.Element {
    const all = this._showEarlier
      ? this._log.entries
      : this._log.entries.filter(inThisSession);
    const shown = filterEntries(all, this._filter);
    const filtering = isFiltering(this._filter);
    return (
      <div className="jp-nbcrash-panel-content">
        <PanelHeader
          total={all.length}
          shown={shown.length}
          filtering={filtering}
          earlier={this._earlierCount}
          showEarlier={this._showEarlier}
          onToggleEarlier={() => void this.toggleEarlier()}
          onClear={() => void this.clear()}
        />
        {this._status && (
          <p className="jp-nbcrash-status" role="status">
            {this._status}
          </p>
        )}
        {all.length > 0 && (
          <>
            <FilterBar
              entries={all}
              filter={this._filter}
              taxonomy={this._taxonomy}
              onChange={filter => (this.filter = filter)}
            />
            <details className="jp-nbcrash-charts" open>
              <summary>Crashes by stage and type</summary>
              <BarChart
                title="By stage"
                dimension="stage"
                entries={shown}
                taxonomy={this._taxonomy}
              />
              <BarChart
                title="By crash type"
                dimension="crash_type"
                entries={shown}
                taxonomy={this._taxonomy}
              />
            </details>
          </>
        )}
        <CrashList
          entries={shown}
          taxonomy={this._taxonomy}
          onReveal={this._onReveal}
          selectedKey={this._selected}
          minConfidence={this._minConfidence}
          confidenceThreshold={this._confidenceThreshold}
          onCopy={this._onCopy}
          fixer={this._fixer}
          emptyText={filtering ? 'No crash matches the filter.' : undefined}
        />
        <ModelLine
          text={modelLine(this._model)}
          tooltip={modelTooltip(this._model)}
        />
      </div>
    );
  }

  private _log: CrashLog;
  private _taxonomy: Taxonomy;
  private _onReveal: (where: ICellLocation) => void;
  private _onCopy?: (entry: ICrashEntry) => void;
  private _fixer?: IFixer;
  private _clearHistory: () => Promise<unknown>;
  private _loadEarlier: () => Promise<readonly IStoredCrash[]>;
  private _selected: string | null = null;
  private _filter: ICrashFilter = { ...NO_FILTER };
  private _minConfidence = 0;
  private _confidenceThreshold = 0;
  private _earlierCount = 0;
  private _showEarlier = false;
  private _earlierLoaded = false;
  private _model: IModelStatus | null = null;
  private _modelWatch: ModelWatch;
  private _status = '';
}

export namespace CrashPanel {
  export interface IOptions {
    log: CrashLog;
    taxonomy: Taxonomy;
    onReveal: (where: ICellLocation) => void;
    /** Forget the server's crash history (DELETE /nbcrash/crashes). */
    clearHistory: () => Promise<unknown>;
    /** The crashes of earlier server sessions (GET /nbcrash/crashes?scope=earlier). */
    loadEarlier: () => Promise<readonly IStoredCrash[]>;
    /** Which model diagnoses (GET /nbcrash/status's `model`), read again as it may change. */
    readModel: () => Promise<IModelStatus>;
    /** Copy a diagnosis as Markdown. */
    onCopy?: (entry: ICrashEntry) => void;
    /** Applies one-click fixes. */
    fixer?: IFixer;
  }
}
