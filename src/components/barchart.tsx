import * as React from 'react';

import { ICrashEntry } from '../crashlog';
import { countBy, FilterDimension, ICount } from '../filters';
import { Taxonomy } from '../taxonomy';

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
