import * as React from 'react';

/** The panel's title, how many crashes it lists (of how many) and "Clear". */
export function PanelHeader(props: {
  /** Crashes in the log. */
  total: number;
  /** Crashes shown; differs from `total` only while a filter is set. */
  shown: number;
  filtering: boolean;
  onClear: () => void;
}): JSX.Element {
  const { total, shown } = props;
  return (
    <header className="jp-nbcrash-panel-header">
      <h2>Crash diagnosis</h2>
      {total > 0 && (
        <span className="jp-nbcrash-count" aria-live="polite">
          {props.filtering ? `${shown} of ` : ''}
          {total === 1 ? '1 crash' : `${total} crashes`}
        </span>
      )}
      {total > 0 && (
        <button
          type="button"
          className="jp-nbcrash-button jp-nbcrash-clear"
          title="Remove every crash from the panel and the server's history"
          onClick={props.onClear}
        >
          Clear
        </button>
      )}
    </header>
  );
}
