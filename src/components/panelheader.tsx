import * as React from 'react';

/** The panel's title, how many crashes it lists (of how many), "Earlier: N" and "Clear". */
export function PanelHeader(props: {
  /** Crashes listed (this session's, and earlier ones while they are shown). */
  total: number;
  /** Crashes shown; differs from `total` only while a filter is set. */
  shown: number;
  filtering: boolean;
  /** Crashes of earlier server sessions in the history (0: no toggle). */
  earlier: number;
  /** Whether the earlier sessions' crashes are listed. */
  showEarlier: boolean;
  onToggleEarlier: () => void;
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
      {props.earlier > 0 && (
        <EarlierToggle
          count={props.earlier}
          pressed={props.showEarlier}
          onToggle={props.onToggleEarlier}
        />
      )}
      {(total > 0 || props.earlier > 0) && (
        <button
          type="button"
          className="jp-nbcrash-button jp-nbcrash-clear"
          title="Remove every crash, of this and earlier sessions, from the panel and the server's history"
          onClick={props.onClear}
        >
          Clear
        </button>
      )}
    </header>
  );
}

/**
 * "Earlier: 477": the panel lists this server session's crashes; this toggle adds those of
 * earlier sessions to the list, the filters and the charts.
 */
export function EarlierToggle(props: {
  count: number;
  pressed: boolean;
  onToggle: () => void;
}): JSX.Element {
  return (
    <button
      type="button"
      className="jp-nbcrash-button jp-nbcrash-earlier"
      aria-pressed={props.pressed}
      title={
        props.pressed
          ? 'Show only the crashes of this server session'
          : `Also show the ${props.count === 1 ? 'crash' : `${props.count} crashes`} of earlier server sessions`
      }
      onClick={props.onToggle}
    >
      Earlier: {props.count}
    </button>
  );
}

/** One quiet line at the foot of the panel: which model diagnoses. */
export function ModelLine(props: {
  text: string;
  tooltip: string;
}): JSX.Element | null {
  return props.text ? (
    <p className="jp-nbcrash-model" title={props.tooltip}>
      {props.text}
    </p>
  ) : null;
}
