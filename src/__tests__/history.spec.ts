import { ExecutionHistory, IExecutionEntry } from '../history';

function run(
  cellId: string,
  ok = true,
  executionCount: number | null = null
): IExecutionEntry {
  return {
    cellId,
    index: 0,
    executionCount,
    ok,
    ename: ok ? undefined : 'ValueError',
    evalue: ok ? undefined : 'bad value',
    time: 0
  };
}

describe('ExecutionHistory', () => {
  it('records executions oldest first and sends them in the wire format', () => {
    const h = new ExecutionHistory(10);
    h.record(run('a', true, 1));
    h.record(run('b', false, 2));
    expect(h.toWire()).toEqual({
      history: [
        { cell_id: 'a', execution_count: 1, ok: true },
        {
          cell_id: 'b',
          execution_count: 2,
          ok: false,
          ename: 'ValueError',
          evalue: 'bad value'
        }
      ],
      previous_history: []
    });
  });

  it('keeps the session before the last restart as the previous history', () => {
    const h = new ExecutionHistory(10);
    let resets = 0;
    h.sessionReset.connect(() => resets++);
    h.record(run('a'));
    h.reset();
    h.record(run('b'));
    const wire = h.toWire();
    expect(wire.history.map(e => e.cell_id)).toEqual(['b']);
    expect(wire.previous_history.map(e => e.cell_id)).toEqual(['a']);
    expect(resets).toBe(1);
  });

  it('does not let an empty session overwrite the previous one', () => {
    const h = new ExecutionHistory(10);
    h.record(run('a'));
    h.reset();
    h.reset(); // restarted twice without running anything
    expect(h.previous.map(e => e.cellId)).toEqual(['a']);
    expect(h.current).toEqual([]);
  });

  it('stays within its limit, dropping superseded runs first', () => {
    const h = new ExecutionHistory(4);
    h.record(run('setup'));
    for (let i = 0; i < 20; i++) {
      h.record(run('loop'));
    }
    h.record(run('last'));
    const ids = h.toWire().history.map(e => e.cell_id);
    expect(ids.length).toBe(4);
    // The only run of `setup` survives: it is still the latest run of that cell.
    expect(ids[0]).toBe('setup');
    expect(ids[ids.length - 1]).toBe('last');
  });

  it('drops the oldest runs when every run is some cell latest', () => {
    const h = new ExecutionHistory(3);
    ['a', 'b', 'c', 'd', 'e'].forEach(id => h.record(run(id)));
    expect(h.toWire().history.map(e => e.cell_id)).toEqual(['c', 'd', 'e']);
  });

  it('shortens long error messages', () => {
    const h = new ExecutionHistory(3);
    h.record({ ...run('a', false), evalue: 'x'.repeat(10_000) });
    expect(h.current[0].evalue!.length).toBeLessThan(600);
  });

  it('applies a lower limit at once', () => {
    const h = new ExecutionHistory(100);
    ['a', 'b', 'c', 'd'].forEach(id => h.record(run(id)));
    h.limit = 2;
    expect(h.current.map(e => e.cellId)).toEqual(['c', 'd']);
  });
});
