import { ReactWidget } from '@jupyterlab/ui-components';
import * as React from 'react';

import { CrashCardView, ICardProps } from '../components/cardview';
import { ICrashEntry } from '../crashlog';

/**
 * A card under a cell's error output (drawn by `CrashCardView`).
 *
 * It sits beside the output area, so the traceback itself is never hidden or re-rendered;
 * it is UI only and never written into the notebook.
 */
export class CrashCard extends ReactWidget {
  constructor(options: CrashCard.IOptions) {
    super();
    this.addClass('jp-nbcrash-card');
    this.node.setAttribute('role', 'region');
    this._options = options;
    this.entry = options.entry;
  }

  /** The crash shown. */
  get entry(): ICrashEntry {
    return this._entry;
  }
  set entry(entry: ICrashEntry) {
    this._entry = entry;
    this.update();
  }

  protected render(): JSX.Element {
    const entry = this._entry;
    const d = entry.diagnosis;
    // The node carries the root cause: its family's colour is the card's border.
    if (d) {
      const { taxonomy } = this._options;
      this.node.dataset.rootCause = d.root_cause;
      this.node.setAttribute(
        'aria-label',
        `Crash diagnosis: ${taxonomy.title('crash_type', d.crash_type)}, ` +
          `stage ${taxonomy.title('stage', d.stage)}, ` +
          `root cause ${taxonomy.title('root_cause', d.root_cause)}`
      );
    }
    return (
      <CrashCardView
        {...this._options}
        minConfidence={this._options.minConfidence()}
        confidenceThreshold={this._options.confidenceThreshold()}
        entry={entry}
      />
    );
  }

  private _entry!: ICrashEntry;
  private _options: CrashCard.IOptions;
}

export namespace CrashCard {
  /** A card's props, with the confidence settings read live. */
  export interface IOptions extends Omit<
    ICardProps,
    'minConfidence' | 'confidenceThreshold'
  > {
    minConfidence: () => number;
    confidenceThreshold: () => number;
    entry: ICrashEntry;
  }
}
