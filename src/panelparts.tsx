import * as React from 'react';

import { ICrashEntry } from './crashlog';
import {
  countBy,
  FilterDimension,
  filterChoices,
  ICount,
  ICrashFilter,
  isFiltering,
  NO_FILTER
} from './filters';
import { Taxonomy } from './taxonomy';
import { IStoredFeedback } from './types';

/** The filter selects' names. */
const FILTERS: { dimension: FilterDimension; name: string; any: string }[] = [
  { dimension: 'crash_type', name: 'Crash type', any: 'Any crash type' },
  { dimension: 'stage', name: 'Stage', any: 'Any stage' },
  { dimension: 'library', name: 'Library', any: 'Any library' }
];

/** Filter by crash type, stage and library: the choices are the labels present. */
export function FilterBar(props: {
  entries: readonly ICrashEntry[];
  filter: ICrashFilter;
  taxonomy: Taxonomy;
  onChange: (filter: ICrashFilter) => void;
}): JSX.Element {
  const { entries, filter, taxonomy, onChange } = props;
  return (
    <div
      className="jp-nbcrash-filters"
      role="group"
      aria-label="Filter the crashes"
    >
      {FILTERS.map(({ dimension, name, any }) => {
        const order = taxonomy.entries(dimension).map(e => e.id);
        const choices = filterChoices(
          entries,
          dimension,
          filter[dimension],
          order
        );
        const id = `jp-nbcrash-filter-${dimension}`;
        return (
          <label key={dimension} className="jp-nbcrash-filter" htmlFor={id}>
            <span className="jp-nbcrash-filter-name">{name}</span>
            <select
              id={id}
              className="jp-nbcrash-filter-select"
              data-dimension={dimension}
              value={filter[dimension]}
              onChange={event =>
                onChange({ ...filter, [dimension]: event.target.value })
              }
            >
              <option value="">{any}</option>
              {choices.map(choice => (
                <option key={choice} value={choice}>
                  {taxonomy.title(dimension, choice)}
                </option>
              ))}
            </select>
          </label>
        );
      })}
      {isFiltering(filter) && (
        <button
          type="button"
          className="jp-nbcrash-button jp-nbcrash-filter-reset"
          onClick={() => onChange({ ...NO_FILTER })}
        >
          Show all
        </button>
      )}
    </div>
  );
}

/** Rows shown in a chart before the rest are summed up in one row. */
const CHART_ROWS = 8;

/** A chart row: one label's count, or (id '') the sum of `folded` rarer labels. */
export interface IChartRow extends ICount {
  folded?: number;
}

/** The rows of a chart: the most frequent labels, the rest summed up. */
export function chartRows(counts: ICount[], max = CHART_ROWS): IChartRow[] {
  if (counts.length <= max) {
    return counts;
  }
  const shown = counts.slice(0, max - 1);
  const rare = counts.slice(max - 1);
  const rest = rare.reduce((n, c) => n + c.count, 0);
  return [...shown, { id: '', count: rest, folded: rare.length }];
}

/** A horizontal bar chart of crashes per label of one dimension (SVG bars). */
export function BarChart(props: {
  title: string;
  dimension: FilterDimension;
  entries: readonly ICrashEntry[];
  taxonomy: Taxonomy;
}): JSX.Element | null {
  const { dimension, taxonomy } = props;
  const order = taxonomy.entries(dimension).map(e => e.id);
  const counts = countBy(props.entries, dimension, order);
  if (!counts.length) {
    return null;
  }
  const rows = chartRows(counts);
  const max = Math.max(...rows.map(r => r.count));
  // Not "Other": that is also a crash type's title.
  const label = (row: IChartRow) =>
    row.id ? taxonomy.title(dimension, row.id) : `${row.folded} more`;
  const summary = rows.map(r => `${label(r)}: ${r.count}`).join(', ');
  return (
    <figure
      className="jp-nbcrash-chart"
      data-dimension={dimension}
      aria-label={`${props.title}: ${summary}`}
    >
      <figcaption className="jp-nbcrash-chart-title">{props.title}</figcaption>
      <div className="jp-nbcrash-chart-rows" aria-hidden="true">
        {rows.map(row => (
          <div
            key={row.id || '(other)'}
            className="jp-nbcrash-chart-row"
            data-id={row.id}
          >
            <span className="jp-nbcrash-chart-label" title={label(row)}>
              {label(row)}
            </span>
            <svg className="jp-nbcrash-chart-bar" focusable="false">
              <rect
                className="jp-nbcrash-chart-fill"
                x="0"
                y="0"
                height="100%"
                width={`${Math.max(2, (row.count / max) * 100)}%`}
                rx="2"
              />
            </svg>
            <span className="jp-nbcrash-chart-count">{row.count}</span>
          </div>
        ))}
      </div>
    </figure>
  );
}

/** The user's verdict on a diagnosis, as the panel shows it. */
export function FeedbackBadge(props: {
  feedback: IStoredFeedback | null | undefined;
  predicted: { [dimension: string]: unknown };
  taxonomy: Taxonomy;
}): JSX.Element | null {
  const fb = props.feedback;
  if (!fb) {
    return null;
  }
  if (fb.correct) {
    return (
      <p className="jp-nbcrash-entry-feedback" data-correct="true">
        ✓ You confirmed this diagnosis.
      </p>
    );
  }
  const changed = Object.entries(fb.labels).filter(
    ([dim, id]) =>
      typeof id === 'string' && id !== props.predicted[dim] && dim !== 'ml_bug'
  );
  return (
    <p className="jp-nbcrash-entry-feedback" data-correct="false">
      ✗ You corrected it
      {changed.length > 0 && ': '}
      {changed
        .map(
          ([dim, id]) =>
            `${dim.replace(/_/g, ' ')} → ${props.taxonomy.title(dim as any, id as string)}`
        )
        .join(', ')}
      .
    </p>
  );
}
