import * as React from 'react';

import { ICrashEntry } from '../crashlog';
import {
  FilterDimension,
  filterChoices,
  ICrashFilter,
  isFiltering,
  NO_FILTER
} from '../filters';
import { DIMENSION_NAMES } from '../labels';
import { Taxonomy } from '../taxonomy';

/** The filter selects, with their choice that filters nothing. */
const FILTERS: { dimension: FilterDimension; any: string }[] = [
  { dimension: 'crash_type', any: 'Any crash type' },
  { dimension: 'stage', any: 'Any stage' },
  { dimension: 'library', any: 'Any library' }
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
      {FILTERS.map(({ dimension, any }) => {
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
            <span className="jp-nbcrash-filter-name">
              {DIMENSION_NAMES[dimension]}
            </span>
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
