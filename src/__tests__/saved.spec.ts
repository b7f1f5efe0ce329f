/**
 * "Diagnose This Error" on an error output restored from a saved notebook: the request is
 * built as `jupyter nbcrash scan` reads the file (cells, saved counts and error outputs, no
 * history); an error of this kernel session keeps its history (docs/ARCHITECTURE.md,
 * "Saved notebooks").
 */
import { ICellModel, ICodeCellModel } from '@jupyterlab/cells';

import { firstError, lastError, savedCells } from '../cellerrors';
import { ExecutionHistory } from '../history';
import {
  IKernelErrorInfo,
  ISavedCell,
  LIMITS,
  savedNotebook,
  withoutSources
} from '../record';
import { errorRequest } from '../request';
import { cellModel } from './fixtures';

const cell = cellModel;

function errorOutput(ename: string, evalue: string, traceback: string[]) {
  return { output_type: 'error', ename, evalue, traceback };
}

const READ_FAILED = errorOutput(
  'FileNotFoundError',
  "[Errno 2] No such file or directory: 'missing.csv'",
  [
    '\u001b[0;31m----------\u001b[0m',
    "Cell \u001b[0;32mIn[2], line 1\u001b[0m\n----> 1 df = pd.read_csv('missing.csv')\n",
    "FileNotFoundError: [Errno 2] No such file or directory: 'missing.csv'"
  ]
);
const NAME_ERROR = errorOutput('NameError', "name 'df' is not defined", [
  'Cell In[3], line 1\n----> 1 df.head()\n',
  "NameError: name 'df' is not defined"
]);

/** The notebook of the issue: [1] imports, [2] fails to read, [3] uses `df`. */
function savedModels(): ICellModel[] {
  return [
    cell('md', 'markdown', '# Sales'),
    cell('c1', 'code', 'import pandas as pd', 1, [
      { output_type: 'stream', name: 'stdout', text: 'ok\n' }
    ]),
    cell('c2', 'code', "df = pd.read_csv('missing.csv')", 2, [READ_FAILED]),
    cell('c3', 'code', 'df.head()', 3, [NAME_ERROR])
  ];
}

function errorOf(output: any): IKernelErrorInfo {
  return {
    ename: output.ename,
    evalue: output.evalue,
    traceback: output.traceback
  };
}

/** The request "Diagnose This Error" sends for the cell at `index`. */
function request(
  models: ICellModel[],
  index: number,
  history: ExecutionHistory,
  opened: ReadonlyMap<string, ISavedCell>
) {
  const model = models[index] as ICodeCellModel;
  return errorRequest({
    path: 'sales.ipynb',
    cells: models,
    model,
    index,
    error: lastError(model)!,
    history,
    opened
  });
}

describe('saved cells', () => {
  it('are every code cell with its count and first error output, by id', () => {
    const twoErrors = cell('c', 'code', 'x', 4, [
      errorOutput('ValueError', 'first', []),
      errorOutput('TypeError', 'second', [])
    ]);
    expect(firstError(twoErrors as ICodeCellModel)!.ename).toBe('ValueError');
    expect(lastError(twoErrors as ICodeCellModel)!.ename).toBe('TypeError');
    const saved = savedCells(savedModels());
    expect([...saved.keys()]).toEqual(['c1', 'c2', 'c3']);
    expect(saved.get('c1')).toEqual({ executionCount: 1, error: null });
    expect(saved.get('c2')).toEqual({
      executionCount: 2,
      error: errorOf(READ_FAILED)
    });
  });
});

describe('the request for a restored error', () => {
  it('carries the cells, their saved counts and errors, and no history', () => {
    const models = savedModels();
    const body = request(models, 3, new ExecutionHistory(), savedCells(models));
    expect(body.ename).toBe('NameError');
    expect(body.execution_count).toBe(3);
    expect(body.notebook).toEqual({
      path: 'sales.ipynb',
      cells: [
        {
          id: 'md',
          index: 0,
          source: '',
          execution_count: null,
          cell_type: 'markdown'
        },
        {
          id: 'c1',
          index: 1,
          source: 'import pandas as pd',
          execution_count: 1,
          cell_type: 'code',
          error: null
        },
        {
          id: 'c2',
          index: 2,
          source: "df = pd.read_csv('missing.csv')",
          execution_count: 2,
          cell_type: 'code',
          error: errorOf(READ_FAILED)
        },
        {
          id: 'c3',
          index: 3,
          source: 'df.head()',
          execution_count: 3,
          cell_type: 'code',
          error: errorOf(NAME_ERROR)
        }
      ],
      history: [],
      previous_history: []
    });
  });

  it('keeps the counts and errors of when the notebook was opened, after other cells ran', () => {
    const opened = savedCells(savedModels());
    // This session: cell [1] ran again (count 1) and cell [2] now succeeded (count 2 → 2).
    const models = savedModels();
    models[1] = cell('c1', 'code', 'import pandas as pd', 1);
    models[2] = cell('c2', 'code', "df = pd.read_csv('sales.csv')", 2);
    const history = new ExecutionHistory();
    for (const [id, count] of [
      ['c1', 1],
      ['c2', 2]
    ] as const) {
      history.record({
        cellId: id,
        index: 0,
        executionCount: count,
        ok: true,
        time: 0
      });
    }
    const body = request(models, 3, history, opened);
    const cells = body.notebook!.cells;
    expect(body.notebook!.history).toEqual([]);
    expect(cells[2].error).toEqual(errorOf(READ_FAILED));
    // The source is the current one: what the user sees.
    expect(cells[2].source).toBe("df = pd.read_csv('sales.csv')");
  });

  it('reads a cell added since the notebook was opened as it is now', () => {
    const opened = savedCells(savedModels());
    const models = [
      ...savedModels(),
      cell('new', 'code', 'df = 1', 9, [errorOutput('E', 'v', [])])
    ];
    const body = request(models, 3, new ExecutionHistory(), opened);
    expect(body.notebook!.cells[4]).toMatchObject({
      id: 'new',
      execution_count: 9,
      error: { ename: 'E', evalue: 'v', traceback: [] }
    });
  });

  it('bounds each saved error and, past the budget, empties the farthest ones first', () => {
    const hugeTraceback = Array.from(
      { length: 500 },
      (_, i) => `frame ${i} ${'.'.repeat(200)}`
    );
    const cells = Array.from({ length: 60 }, (_, i) => ({
      id: `c${i}`,
      index: i,
      source: '',
      execution_count: i + 1,
      cell_type: 'code'
    }));
    const saved = new Map<string, ISavedCell>(
      cells.map(c => [
        c.id,
        {
          executionCount: c.execution_count,
          error: {
            ename: 'ValueError',
            evalue: 'x'.repeat(50_000),
            traceback: hugeTraceback
          }
        }
      ])
    );
    const notebook = savedNotebook('big.ipynb', cells, saved, 59);
    let total = 0;
    for (const c of notebook.cells) {
      const e = c.error!;
      expect(e.ename).toBe('ValueError');
      expect(e.evalue.length).toBeLessThanOrEqual(LIMITS.savedEvalue);
      expect(e.traceback.length).toBeLessThanOrEqual(
        LIMITS.savedTracebackEntries
      );
      total += e.evalue.length + e.ename.length;
      total += e.traceback.reduce((n, l) => n + l.length, 0);
    }
    expect(total).toBeLessThanOrEqual(LIMITS.savedErrors);
    // The crashing cell's neighbour keeps its traceback, head (its own frame) and tail.
    const near = notebook.cells[58].error!.traceback;
    expect(near[0]).toBe(hugeTraceback[0]);
    expect(near[near.length - 1]).toBe(hugeTraceback[499]);
    expect(near.some(l => /traceback lines left out/.test(l))).toBe(true);
    // The farthest lost its traceback first.
    expect(notebook.cells[0].error!.traceback).toEqual([]);
  });

  it('leaves the saved tracebacks out with the sources when the user says so', () => {
    const models = savedModels();
    const body = withoutSources(
      request(models, 3, new ExecutionHistory(), savedCells(models))
    );
    const failed = body.notebook!.cells[2];
    expect(failed.source).toBe('');
    expect(failed.error).toEqual({
      ename: 'FileNotFoundError',
      evalue: READ_FAILED.evalue,
      traceback: []
    });
    expect(JSON.stringify(body.notebook)).not.toContain('read_csv');
  });
});

/** A run of cell [3] (id c3) that the history recorded. */
function runOfC3(executionCount: number, ok = false) {
  return { cellId: 'c3', index: 3, executionCount, ok, time: 0 };
}

describe('the request for an error of this session', () => {
  it('sends the history, and no saved errors, when the run is recorded', () => {
    const models = savedModels();
    const history = new ExecutionHistory();
    history.record(runOfC3(3));
    const body = request(models, 3, history, savedCells(models));
    expect(body.notebook!.history).toHaveLength(1);
    for (const c of body.notebook!.cells) {
      expect('error' in c).toBe(false);
    }
  });

  it('also for a run of the session before the last restart', () => {
    const models = savedModels();
    const history = new ExecutionHistory();
    history.record(runOfC3(3));
    history.reset();
    const body = request(models, 3, history, savedCells(models));
    expect(body.notebook!.previous_history).toHaveLength(1);
    expect('error' in body.notebook!.cells[3]).toBe(false);
  });

  it('is not assumed when the history holds another run of the cell', () => {
    const models = savedModels();
    const history = new ExecutionHistory();
    history.record(runOfC3(7, true));
    expect(history.hasRun('c3', 3)).toBe(false);
    expect(history.hasRun('c3', 7)).toBe(true);
    const body = request(models, 3, history, savedCells(models));
    expect(body.notebook!.history).toEqual([]);
    expect(body.notebook!.cells[3].error).toEqual(errorOf(NAME_ERROR));
  });
});

describe('an error that arrives by itself', () => {
  it('goes with the history even when no run of it is recorded', () => {
    const models = savedModels();
    const model = models[3] as ICodeCellModel;
    const body = errorRequest({
      path: 'sales.ipynb',
      cells: models,
      model,
      index: 3,
      error: lastError(model)!,
      history: new ExecutionHistory(),
      opened: null
    });
    expect(body.notebook!.history).toEqual([]);
    expect('error' in body.notebook!.cells[2]).toBe(false);
  });
});
