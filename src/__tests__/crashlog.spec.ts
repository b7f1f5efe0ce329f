import { CrashLog, entryFromServer } from '../crashlog';
import { IStoredCrash } from '../types';
import { diagnosis, entry } from './fixtures';

describe('crash log and the server history', () => {
  const stored = (id: number, created: string): IStoredCrash => ({
    crash_id: id,
    created,
    notebook_path: 'n.ipynb',
    cell_id: 'cell',
    cell_index: 2,
    execution_count: 4,
    ename: 'KeyError',
    evalue: "'x'",
    diagnosis: diagnosis({ crash_id: undefined }),
    feedback: null
  });

  it('makes entries of stored crashes', () => {
    const e = entryFromServer(stored(5, '2026-01-01T10:00:00.000+00:00'));
    expect(e.status).toBe('done');
    expect(e.diagnosis?.crash_id).toBe(5);
    expect(e.cellIndex).toBe(2);
    expect(e.time).toBe(Date.parse('2026-01-01T10:00:00Z'));
  });

  it('merges the history newest first, without duplicates', () => {
    const log = new CrashLog();
    let emitted = 0;
    log.changed.connect(() => emitted++);
    log.add(
      entry({ crash_id: 9 }, { time: Date.parse('2026-01-02T00:00:00Z') })
    );
    const added = log.merge([
      stored(9, '2026-01-02T00:00:00Z'),
      stored(8, '2026-01-01T12:00:00Z'),
      stored(2, '2026-01-01T08:00:00Z')
    ]);
    expect(added).toBe(2);
    expect(log.entries.map(e => e.diagnosis?.crash_id)).toEqual([9, 8, 2]);
    expect(log.merge([stored(8, '2026-01-01T12:00:00Z')])).toBe(0);
    expect(emitted).toBe(2);
  });

  it('drops a loaded copy when the live diagnosis of the same crash arrives', () => {
    const log = new CrashLog();
    const live = log.add(entry(null));
    log.merge([stored(11, '2026-01-01T00:00:00Z')]);
    expect(log.entries).toHaveLength(2);
    log.update(live.key, {
      status: 'done',
      diagnosis: diagnosis({ crash_id: 11 })
    });
    expect(log.entries.map(e => e.key)).toEqual([live.key]);
  });
});
