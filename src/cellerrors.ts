import { ICodeCellModel } from '@jupyterlab/cells';
import * as nbformat from '@jupyterlab/nbformat';

import { CrashLog, ICrashEntry } from './crashlog';
import { IKernelErrorInfo } from './record';

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
  const outputs = model.outputs;
  for (let i = outputs.length - 1; i >= 0; i--) {
    const output = outputs.get(i).toJSON();
    if (nbformat.isError(output)) {
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
