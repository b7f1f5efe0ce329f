import { ICellModel, ICodeCellModel } from '@jupyterlab/cells';

import { savedCells } from './cellerrors';
import { ExecutionHistory } from './history';
import {
  diagnoseRequest,
  IKernelErrorInfo,
  ISavedCell,
  missingNames,
  savedNotebook,
  wireCells
} from './record';
import { IDiagnoseRequest, IWireNotebook } from './types';

/**
 * The body of POST /nbcrash/diagnose for the error a cell shows.
 *
 * An error of a run this kernel session (or the one before the last restart) recorded goes
 * with the execution history. Any other error, when `opened` is given, was restored from the
 * saved file (the notebook was reopened): it goes as `jupyter nbcrash scan` reads the file,
 * with the counts and error outputs of `opened` (the cells when the notebook was opened; cells
 * added since are read as they are now) and no history, so the server judges it from the file
 * alone and answers as the scan does (docs/ARCHITECTURE.md, "Saved notebooks").
 */
export function errorRequest(options: {
  path: string;
  /** The notebook's cells; null when it has no model. */
  cells: Iterable<ICellModel> | null;
  model: ICodeCellModel;
  index: number;
  error: IKernelErrorInfo;
  history: ExecutionHistory;
  /** The cells as saved, by id; null: never judge the error from the file. */
  opened: ReadonlyMap<string, ISavedCell> | null;
}): IDiagnoseRequest {
  const { path, cells, model, index, error, history, opened } = options;
  const executionCount = model.executionCount;
  let notebook: IWireNotebook | null = null;
  if (cells) {
    const wire = wireCells(cells, index, missingNames(error.evalue));
    if (opened && !history.hasRun(model.id, executionCount)) {
      const saved = savedCells(cells);
      opened.forEach((state, id) => saved.set(id, state));
      notebook = savedNotebook(path, wire, saved, index);
    } else {
      notebook = { path, cells: wire, ...history.toWire() };
    }
  }
  return diagnoseRequest({
    error,
    code: model.sharedModel.getSource(),
    cellId: model.id,
    cellIndex: index,
    executionCount,
    notebook
  });
}
