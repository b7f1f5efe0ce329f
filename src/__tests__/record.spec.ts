import {
  boundTraceback,
  diagnoseRequest,
  LIMITS,
  missingNames,
  wireCells,
  withoutSources
} from '../record';
import { cellModel } from './fixtures';

const cell = cellModel;

describe('wireCells', () => {
  it('sends code cells with source and position, other cells without source', () => {
    const cells = wireCells(
      [cell('m', 'markdown', '# title'), cell('c', 'code', 'x = 1', 3)],
      1
    );
    expect(cells).toEqual([
      {
        id: 'm',
        index: 0,
        source: '',
        execution_count: null,
        cell_type: 'markdown'
      },
      {
        id: 'c',
        index: 1,
        source: 'x = 1',
        execution_count: 3,
        cell_type: 'code'
      }
    ]);
  });

  it('drops the sources of the farthest cells of a huge notebook first', () => {
    const big = 'y = 2\n'.repeat(LIMITS.cellSource / 6);
    const models = Array.from({ length: 40 }, (_, i) =>
      cell(`c${i}`, 'code', big)
    );
    const cells = wireCells(models, 0);
    const total = cells.reduce((n, c) => n + c.source.length, 0);
    expect(total).toBeLessThanOrEqual(LIMITS.notebookSource);
    expect(cells[0].source).not.toBe('');
    expect(cells[1].source).not.toBe('');
    expect(cells[39].source).toBe('');
  });

  it('keeps the far cells that mention the missing name until last', () => {
    const big = 'y = 2\n'.repeat(LIMITS.cellSource / 6);
    const models = Array.from({ length: 40 }, (_, i) =>
      cell(`c${i}`, 'code', big)
    );
    // The farthest cell defines the name; the next one has it only inside a longer name.
    models[39] = cell('c39', 'code', 'model_x = 3\n' + big);
    models[38] = cell('c38', 'code', 'my_model_x2 = 3\n' + big);
    const cells = wireCells(models, 0, ['model_x']);
    const total = cells.reduce((n, c) => n + c.source.length, 0);
    expect(total).toBeLessThanOrEqual(LIMITS.notebookSource);
    expect(cells[39].source.startsWith('model_x = 3')).toBe(true);
    expect(cells[38].source).toBe('');
    // Without names the old order holds: the farthest cell goes first.
    expect(wireCells(models, 0)[39].source).toBe('');
  });
});

describe('missingNames', () => {
  it('finds the names of NameError and unbound-local messages', () => {
    expect(missingNames("name 'df' is not defined")).toEqual(['df']);
    expect(
      missingNames("local variable 'total' referenced before assignment")
    ).toEqual(['total']);
    expect(
      missingNames(
        "cannot access local variable 'n' where it is not associated with a value"
      )
    ).toEqual(['n']);
    expect(missingNames("'DataFrame' object has no attribute 'x'")).toEqual([]);
  });
});

describe('boundTraceback', () => {
  it('leaves a normal traceback alone', () => {
    expect(boundTraceback(['a', 'b'])).toEqual(['a', 'b']);
  });

  it('keeps head and tail of a huge traceback and says what it left out', () => {
    const lines = Array.from(
      { length: 5000 },
      (_, i) => `line ${i} ${'.'.repeat(100)}`
    );
    const bounded = boundTraceback(lines);
    const size = bounded.reduce((n, l) => n + l.length, 0);
    expect(size).toBeLessThanOrEqual(LIMITS.traceback + 100);
    expect(bounded[0]).toBe(lines[0]);
    expect(bounded[bounded.length - 1]).toBe(lines[lines.length - 1]);
    expect(bounded.some(l => /traceback lines left out/.test(l))).toBe(true);
  });
});

describe('diagnoseRequest', () => {
  it('builds the wire body of POST /nbcrash/diagnose', () => {
    const body = diagnoseRequest({
      error: {
        ename: 'NameError',
        evalue: "name 'x' is not defined",
        traceback: ['tb']
      },
      code: 'print(x)',
      cellId: 'c1',
      cellIndex: 2,
      executionCount: 7,
      notebook: {
        path: 'a.ipynb',
        cells: [],
        history: [],
        previous_history: []
      }
    });
    expect(body).toEqual({
      ename: 'NameError',
      evalue: "name 'x' is not defined",
      traceback: ['tb'],
      code: 'print(x)',
      cell_id: 'c1',
      execution_count: 7,
      cell_index: 2,
      notebook: {
        path: 'a.ipynb',
        cells: [],
        history: [],
        previous_history: []
      }
    });
  });

  it('omits the notebook when there is none', () => {
    const body = diagnoseRequest({
      error: { ename: 'E', evalue: '', traceback: [] },
      code: '',
      cellId: 'c',
      cellIndex: 0,
      executionCount: null,
      notebook: null
    });
    expect('notebook' in body).toBe(false);
  });
});

describe('cell sources', () => {
  it('are left out of the request when the user says so', () => {
    const body = {
      ename: 'E',
      evalue: 'v',
      traceback: [],
      code: 'secret = 1',
      cell_id: 'c',
      notebook: {
        path: 'p.ipynb',
        cells: [
          {
            id: 'c',
            index: 0,
            source: 'secret = 1',
            execution_count: 1,
            cell_type: 'code'
          }
        ],
        history: [{ cell_id: 'c', execution_count: 1, ok: false }],
        previous_history: []
      }
    };
    const out = withoutSources(body);
    expect(out.code).toBeUndefined();
    expect(out.notebook!.cells[0].source).toBe('');
    expect(out.notebook!.cells[0].id).toBe('c');
    expect(out.notebook!.history).toHaveLength(1);
    expect(JSON.stringify(out)).not.toContain('secret');
    // The original body is untouched.
    expect(body.code).toBe('secret = 1');
  });
});
