import { JupyterFrontEnd } from '@jupyterlab/application';
import { INotebookTracker, NotebookPanel } from '@jupyterlab/notebook';

/** Where a cell lives: the notebook widget it was seen in, or else its path. */
export interface ICellLocation {
  panelId: string;
  notebookPath: string;
  cellId: string;
  /** Used when the id is not found (e.g. the notebook was reloaded from an old copy). */
  cellIndex?: number;
}

/** CSS class that briefly highlights the cell jumped to. */
const FLASH_CLASS = 'jp-nbcrash-flash';

/**
 * Bring a cell into view: activate (or open) its notebook, select the cell, scroll to it
 * and highlight it for a moment. Resolves false if the notebook or cell is gone.
 */
export async function revealCell(
  app: JupyterFrontEnd,
  tracker: INotebookTracker,
  where: ICellLocation
): Promise<boolean> {
  let panel: NotebookPanel | null =
    tracker.find(p => p.id === where.panelId) ??
    tracker.find(p => p.context.path === where.notebookPath) ??
    null;
  if (!panel && where.notebookPath) {
    const opened = await app.commands.execute('docmanager:open', {
      path: where.notebookPath
    });
    panel = tracker.has(opened) ? (opened as NotebookPanel) : null;
  }
  if (!panel) {
    return false;
  }
  await panel.context.ready;
  app.shell.activateById(panel.id);
  const notebook = panel.content;
  let index = notebook.widgets.findIndex(c => c.model.id === where.cellId);
  if (
    index < 0 &&
    where.cellIndex !== undefined &&
    where.cellIndex >= 0 &&
    where.cellIndex < notebook.widgets.length
  ) {
    index = where.cellIndex;
  }
  if (index < 0) {
    return false;
  }
  const cell = notebook.widgets[index];
  notebook.mode = 'command';
  notebook.deselectAll();
  notebook.activeCellIndex = index;
  await notebook.scrollToCell(cell, 'center');
  notebook.activate();
  cell.node.classList.add(FLASH_CLASS);
  window.setTimeout(() => cell.node.classList.remove(FLASH_CLASS), 1500);
  return true;
}
