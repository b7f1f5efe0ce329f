import { chartRows } from '../components/barchart';
import {
  countBy,
  filterChoices,
  filterEntries,
  isFiltering,
  NO_FILTER
} from '../filters';
import { entry } from './fixtures';

describe('filters and chart counts', () => {
  const entries = [
    entry({ crash_type: 'a', stage: 'training', library: 'numpy' }),
    entry({ crash_type: 'b', stage: 'training', library: 'pandas' }),
    entry({ crash_type: 'a', stage: 'data_preparation', library: 'numpy' }),
    entry(null)
  ];

  it('keeps everything without a filter, pending entries included', () => {
    expect(isFiltering(NO_FILTER)).toBe(false);
    expect(filterEntries(entries, NO_FILTER)).toHaveLength(4);
  });

  it('keeps the entries matching every chosen dimension, in order', () => {
    const byType = filterEntries(entries, { ...NO_FILTER, crash_type: 'a' });
    expect(byType.map(e => e.key)).toEqual([entries[0].key, entries[2].key]);
    const both = filterEntries(entries, {
      crash_type: 'a',
      stage: 'training',
      library: ''
    });
    expect(both.map(e => e.key)).toEqual([entries[0].key]);
    expect(
      filterEntries(entries, { ...NO_FILTER, library: 'torch' })
    ).toHaveLength(0);
  });

  it('counts labels, most frequent first, ties in taxonomy order', () => {
    expect(countBy(entries, 'stage')).toEqual([
      { id: 'training', count: 2 },
      { id: 'data_preparation', count: 1 }
    ]);
    expect(
      countBy(entries, 'library', ['pandas', 'numpy']).map(c => c.id)
    ).toEqual(['numpy', 'pandas']);
    expect(
      countBy(entries.slice(0, 2), 'crash_type', ['b', 'a']).map(c => c.id)
    ).toEqual(['b', 'a']);
  });

  it('offers the labels present plus the chosen one', () => {
    expect(filterChoices(entries, 'library', '', ['pandas', 'numpy'])).toEqual([
      'pandas',
      'numpy'
    ]);
    expect(filterChoices(entries, 'library', 'torch')).toEqual([
      'numpy',
      'pandas',
      'torch'
    ]);
  });

  it('sums up the rare labels of a long chart in one row', () => {
    const counts = [5, 4, 3, 2, 1, 1, 1].map((count, i) => ({
      id: `t${i}`,
      count
    }));
    const rows = chartRows(counts, 4);
    expect(rows).toHaveLength(4);
    expect(rows[3]).toEqual({ id: '', count: 5, folded: 4 });
    expect(rows.reduce((n, r) => n + r.count, 0)).toBe(17);
    expect(chartRows(counts.slice(0, 3), 4)).toHaveLength(3);
  });
});
