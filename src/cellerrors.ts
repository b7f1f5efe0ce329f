import { ICellModel, ICodeCellModel } from '@jupyterlab/cells';
import type * as nbformat from '@jupyterlab/nbformat';

import { CrashLog, ICrashEntry } from './crashlog';
import { IKernelErrorInfo, ISavedCell } from './record';

/** Whether a cell has an error output. */
export function hasError(model: ICodeCellModel): boolean {
  const outputs = model.outputs;
  for (let i = 0; i < outputs.length; i++) {
    if (outputs.get(i).type === 'error') {
      return true;
    }
  }
  return false;
}

/** The last error output of a cell, as the kernel reported it (null when none). */
export function lastError(model: ICodeCellModel): IKernelErrorInfo | null {
  return errorOutput(model, true);
}

/** The first error output of a cell (null when none): what a saved notebook's reader takes. */
export function firstError(model: ICodeCellModel): IKernelErrorInfo | null {
  return errorOutput(model, false);
}

function errorOutput(
  model: ICodeCellModel,
  last: boolean
): IKernelErrorInfo | null {
  const outputs = model.outputs;
  for (let k = 0; k < outputs.length; k++) {
    const item = outputs.get(last ? outputs.length - 1 - k : k);
    // Only an error is serialised: a notebook opens with every cell's outputs read here.
    if (item.type !== 'error') {
      continue;
    }
    // nbformat.isError's test, without loading the module (jest runs this file as it is).
    const output = item.toJSON() as nbformat.IError;
    if (output.output_type === 'error') {
      return {
        ename: output.ename,
        evalue: output.evalue,
        traceback: Array.isArray(output.traceback) ? output.traceback : []
      };
    }
  }
  return null;
}

/**
 * Every code cell's execution count and first error output, by cell id: what the notebook
 * shows now. Taken when a notebook is opened, it is what its saved file says.
 */
export function savedCells(
  cells: Iterable<ICellModel>
): Map<string, ISavedCell> {
  const out = new Map<string, ISavedCell>();
  for (const model of cells) {
    if (model.type === 'code') {
      const code = model as ICodeCellModel;
      out.set(code.id, {
        executionCount: code.executionCount ?? null,
        error: firstError(code)
      });
    }
  }
  return out;
}

/**
 * The newest diagnosed entry of the log for the error a cell shows now, matched by the
 * notebook's path, the cell's id, its execution count and the error's name.
 */
export function findEntry(
  log: CrashLog,
  path: string,
  model: ICodeCellModel
): ICrashEntry | undefined {
  const error = lastError(model);
  if (!error) {
    return undefined;
  }
  return log.entries.find(
    e =>
      e.status === 'done' &&
      e.diagnosis !== null &&
      e.notebookPath === path &&
      e.cellId === model.id &&
      e.executionCount === model.executionCount &&
      e.ename === error.ename
  );
}
