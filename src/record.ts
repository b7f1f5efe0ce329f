import { ICellModel } from '@jupyterlab/cells';

import {
  IDiagnoseRequest,
  IWireCell,
  IWireNotebook,
  IWireSavedError
} from './types';

/** An error as the kernel reports it. */
export interface IKernelErrorInfo {
  ename: string;
  evalue: string;
  traceback: string[];
}

/** Bounds that keep a request well under the server's 1 MB body limit. */
export const LIMITS = {
  /** Characters of cell source sent over all cells of the notebook. */
  notebookSource: 400_000,
  /** Characters of source sent for any one other cell. */
  cellSource: 50_000,
  /** Characters of the failing cell's own source. */
  code: 100_000,
  /** Characters of evalue. */
  evalue: 20_000,
  /** Characters of traceback over all lines. */
  traceback: 200_000,
  /** Characters of another cell's saved error message (the analysis reads its start). */
  savedEvalue: 2_000,
  /** Entries of another cell's saved traceback (the server takes at most 200). */
  savedTracebackEntries: 30,
  /** Characters of another cell's saved traceback. */
  savedTraceback: 20_000,
  /** Characters of all the cells' saved errors together. */
  savedErrors: 150_000
};

/**
 * The names an error is about, when it says a name is missing: `x` of "name 'x' is not
 * defined" or of "local variable 'x' referenced before assignment".
 */
export function missingNames(evalue: string): string[] {
  const out = new Set<string>();
  const re =
    /(?:name|variable) '([A-Za-z_]\w*)' (?:is not defined|referenced before assignment|where it is not associated)/g;
  for (const m of evalue.slice(0, 2000).matchAll(re)) {
    out.add(m[1]);
  }
  return [...out];
}

/** Whether a source mentions one of the names as a whole identifier. */
function mentions(source: string, names: readonly string[]): boolean {
  return names.some(name =>
    new RegExp(`(?<![\\w.])${name}(?!\\w)`).test(source)
  );
}

/**
 * The notebook's cells as the server's notebook analysis needs them.
 *
 * Only code cells carry their source (markdown is irrelevant to which names a cell defines);
 * when the notebook is very large, the cells farthest from the failing one are sent without
 * source first, except that cells mentioning a name the error misses (`keepNames`) go last:
 * they are the ones that can say where the name is defined.
 */
export function wireCells(
  cells: Iterable<ICellModel>,
  failingIndex: number,
  keepNames: readonly string[] = []
): IWireCell[] {
  const out: IWireCell[] = [];
  let index = 0;
  for (const model of cells) {
    const code = model.type === 'code';
    const source = code ? model.sharedModel.getSource() : '';
    out.push({
      id: model.id,
      index,
      source:
        source.length > LIMITS.cellSource
          ? source.slice(0, LIMITS.cellSource)
          : source,
      execution_count: code ? ((model as any).executionCount ?? null) : null,
      cell_type: model.type
    });
    index++;
  }
  let total = out.reduce((n, c) => n + c.source.length, 0);
  if (total > LIMITS.notebookSource) {
    const keep = new Set(
      keepNames.length
        ? out.filter(c => mentions(c.source, keepNames)).map(c => c.index)
        : []
    );
    const byDistance = [...out].sort(
      (a, b) =>
        Number(keep.has(a.index)) - Number(keep.has(b.index)) ||
        Math.abs(b.index - failingIndex) - Math.abs(a.index - failingIndex)
    );
    for (const cell of byDistance) {
      if (total <= LIMITS.notebookSource) {
        break;
      }
      total -= cell.source.length;
      cell.source = '';
    }
  }
  return out;
}

/**
 * Keep the head and the tail of a long traceback: the user's frame and the raise site.
 * `maxChars` bounds the characters, `maxEntries` the entries (the note of what was left out
 * included).
 */
export function boundTraceback(
  traceback: readonly string[],
  maxChars: number = LIMITS.traceback,
  maxEntries: number = Infinity
): string[] {
  let total = 0;
  for (const line of traceback) {
    total += line.length;
  }
  if (total <= maxChars && traceback.length <= maxEntries) {
    return [...traceback];
  }
  const half = maxChars / 2;
  const headEntries = Math.ceil((maxEntries - 1) / 2);
  const tailEntries = Math.floor((maxEntries - 1) / 2);
  const head: string[] = [];
  const tail: string[] = [];
  let used = 0;
  for (const line of traceback) {
    if (used + line.length > half || head.length >= headEntries) {
      break;
    }
    head.push(line);
    used += line.length;
  }
  used = 0;
  for (let i = traceback.length - 1; i >= head.length; i--) {
    const line = traceback[i];
    if (used + line.length > half || tail.length >= tailEntries) {
      break;
    }
    tail.unshift(line);
    used += line.length;
  }
  const dropped = traceback.length - head.length - tail.length;
  return [...head, `... ${dropped} traceback lines left out ...`, ...tail];
}

/** The body of POST /nbcrash/diagnose for one error of one cell. */
export function diagnoseRequest(options: {
  error: IKernelErrorInfo;
  code: string;
  cellId: string;
  cellIndex: number;
  executionCount: number | null;
  notebook: IWireNotebook | null;
}): IDiagnoseRequest {
  const { error, code, notebook } = options;
  const body: IDiagnoseRequest = {
    ename: error.ename,
    evalue: error.evalue.slice(0, LIMITS.evalue),
    traceback: boundTraceback(error.traceback),
    code: code.slice(0, LIMITS.code),
    cell_id: options.cellId,
    execution_count: options.executionCount,
    cell_index: options.cellIndex
  };
  if (notebook) {
    body.notebook = notebook;
  }
  return body;
}

/**
 * The same request without any cell source: the failing cell's code and the notebook's
 * cell sources are left out (setting "sendCellSource" off), and so are the other cells'
 * saved tracebacks, which quote their code. The error, the cells' ids, positions and
 * execution counts, the names and messages of saved errors and the execution history still go.
 */
export function withoutSources(body: IDiagnoseRequest): IDiagnoseRequest {
  const out: IDiagnoseRequest = { ...body };
  delete out.code;
  if (out.notebook) {
    out.notebook = {
      ...out.notebook,
      cells: out.notebook.cells.map(c => ({
        ...c,
        source: '',
        ...(c.error ? { error: { ...c.error, traceback: [] } } : {})
      }))
    };
  }
  return out;
}

/** A cell as the saved notebook showed it when it was opened. */
export interface ISavedCell {
  executionCount: number | null;
  /** Its first error output, null when it has none. */
  error: IKernelErrorInfo | null;
}

/** A saved error output in the wire format, bounded like the server's limits ask. */
function wireSavedError(error: IKernelErrorInfo): IWireSavedError {
  return {
    ename: error.ename,
    evalue: error.evalue.slice(0, LIMITS.savedEvalue),
    traceback: boundTraceback(
      error.traceback,
      LIMITS.savedTraceback,
      LIMITS.savedTracebackEntries
    )
  };
}

function errorSize(error: IWireSavedError): number {
  return error.traceback.reduce(
    (n, line) => n + line.length,
    error.ename.length + error.evalue.length
  );
}

/**
 * The notebook of a request for an error restored from the saved file, as `jupyter nbcrash
 * scan` reads the file: no history, and on every code cell its execution count and first
 * error output as saved. `saved` holds them by cell id (taken when the notebook was opened:
 * cells run since then show this session's counts); a cell it lacks keeps what `cells` says
 * and has no error. Past the budget, the cells farthest from the failing one lose their
 * traceback first, then their message: the name of the error still says the run failed.
 */
export function savedNotebook(
  path: string,
  cells: IWireCell[],
  saved: ReadonlyMap<string, ISavedCell>,
  failingIndex: number
): IWireNotebook {
  const out = cells.map(cell => {
    if (cell.cell_type !== 'code') {
      return cell;
    }
    const state = saved.get(cell.id);
    return {
      ...cell,
      execution_count: state ? state.executionCount : cell.execution_count,
      error: state?.error ? wireSavedError(state.error) : null
    };
  });
  let total = out.reduce((n, c) => n + (c.error ? errorSize(c.error) : 0), 0);
  const farthestFirst = out
    .filter(c => c.error)
    .sort(
      (a, b) =>
        Math.abs(b.index - failingIndex) - Math.abs(a.index - failingIndex)
    );
  for (const shrink of [
    (e: IWireSavedError) => ({ ...e, traceback: [] }),
    (e: IWireSavedError) => ({ ...e, evalue: '' })
  ]) {
    for (const cell of farthestFirst) {
      if (total <= LIMITS.savedErrors) {
        break;
      }
      const smaller = shrink(cell.error!);
      total -= errorSize(cell.error!) - errorSize(smaller);
      cell.error = smaller;
    }
  }
  return { path, cells: out, history: [], previous_history: [] };
}
