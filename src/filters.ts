import { ICrashEntry } from './crashlog';

/** The dimensions the panel filters and charts by. */
export type FilterDimension = 'crash_type' | 'stage' | 'library';

/** The panel's filter: a label id per dimension, or '' for any. */
export type ICrashFilter = { [D in FilterDimension]: string };

/** No filter. */
export const NO_FILTER: Readonly<ICrashFilter> = {
  crash_type: '',
  stage: '',
  library: ''
};

/** Whether a filter filters anything. */
export function isFiltering(filter: ICrashFilter): boolean {
  return !!(filter.crash_type || filter.stage || filter.library);
}

/**
 * The entries that pass the filter, in their order. An entry without a diagnosis (pending
 * or failed) passes only when nothing is filtered: it has no labels to match.
 */
export function filterEntries(
  entries: readonly ICrashEntry[],
  filter: ICrashFilter
): ICrashEntry[] {
  if (!isFiltering(filter)) {
    return [...entries];
  }
  return entries.filter(e => {
    const d = e.diagnosis;
    if (!d) {
      return false;
    }
    return (Object.keys(filter) as FilterDimension[]).every(
      dim => !filter[dim] || d[dim] === filter[dim]
    );
  });
}

/** One bar of a chart: a label id and how many crashes have it. */
export interface ICount {
  id: string;
  count: number;
}

/**
 * How many diagnosed entries have each label of a dimension, most frequent first (ties in
 * order of the `order` ids, e.g. the taxonomy's, then by id).
 */
export function countBy(
  entries: readonly ICrashEntry[],
  dimension: FilterDimension,
  order: readonly string[] = []
): ICount[] {
  const counts = new Map<string, number>();
  for (const e of entries) {
    const id = e.diagnosis?.[dimension];
    if (id) {
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  const rank = (id: string) => {
    const i = order.indexOf(id);
    return i < 0 ? order.length : i;
  };
  return [...counts.entries()]
    .map(([id, count]) => ({ id, count }))
    .sort(
      (a, b) =>
        b.count - a.count || rank(a.id) - rank(b.id) || a.id.localeCompare(b.id)
    );
}

/**
 * The label ids a filter select offers for a dimension: those present in the entries, so
 * that every choice finds something, plus the one currently chosen (so it stays visible).
 */
export function filterChoices(
  entries: readonly ICrashEntry[],
  dimension: FilterDimension,
  current: string,
  order: readonly string[] = []
): string[] {
  const ids = countBy(entries, dimension, order).map(c => c.id);
  if (current && !ids.includes(current)) {
    ids.push(current);
  }
  const rank = (id: string) => {
    const i = order.indexOf(id);
    return i < 0 ? order.length : i;
  };
  return ids.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
