import { JupyterFrontEnd } from '@jupyterlab/application';
import { Clipboard, ICommandPalette, Notification } from '@jupyterlab/apputils';
import { Cell, ICodeCellModel } from '@jupyterlab/cells';
import { INotebookTracker, NotebookPanel } from '@jupyterlab/notebook';

import { CrashCapture } from './capture';
import { findEntry, hasError, lastError } from './cellerrors';
import { CrashLog, ICrashEntry } from './crashlog';
import { cellLabel } from './labels';
import { diagnosisMarkdown } from './markdown';
import { Taxonomy } from './taxonomy';
import { CardManager } from './widgets/cardmanager';
import { CrashPanel } from './widgets/panel';

/** The command ids of nbcrash. */
export namespace CommandIDs {
  export const diagnose = 'nbcrash:diagnose-error';
  export const openPanel = 'nbcrash:open-panel';
  export const copyMarkdown = 'nbcrash:copy-markdown';
}

/** Error outputs (rendered as stderr) and the cards: where the context menu offers nbcrash. */
const ERROR_OUTPUT_SELECTOR =
  '.jp-CodeCell .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]';
const CARD_SELECTOR = '.jp-CodeCell .jp-nbcrash-card';

/** A code cell with its notebook. */
interface ICellTarget {
  panel: NotebookPanel;
  model: ICodeCellModel;
}

/**
 * The cell a command is about: the one right-clicked (context menu), else the active cell
 * of the current notebook.
 */
function targetCell(
  app: JupyterFrontEnd,
  tracker: INotebookTracker,
  fromContextMenu: boolean
): ICellTarget | null {
  if (fromContextMenu) {
    const node = app.contextMenuHitTest(n => n.classList.contains('jp-Cell'));
    if (node) {
      let found: ICellTarget | null = null;
      tracker.forEach(panel => {
        const cell = panel.content.widgets.find((c: Cell) => c.node === node);
        if (!found && cell && cell.model.type === 'code') {
          found = { panel, model: cell.model as ICodeCellModel };
        }
      });
      if (found) {
        return found;
      }
    }
  }
  const panel = tracker.currentWidget;
  const cell = tracker.activeCell;
  if (!panel || !cell || cell.model.type !== 'code') {
    return null;
  }
  return { panel, model: cell.model as ICodeCellModel };
}

/** The newest diagnosed entry of the log for this cell's current error. */
export function entryOfCell(
  log: CrashLog,
  cards: CardManager,
  target: ICellTarget
): ICrashEntry | undefined {
  const card = cards.cardOf(target.model);
  if (card?.entry.diagnosis) {
    return log.get(card.entry.key) ?? card.entry;
  }
  return findEntry(log, target.panel.context.path, target.model);
}

/** The cell an entry came from, if its notebook is open and the cell still exists. */
function cellOfEntry(
  tracker: INotebookTracker,
  entry: ICrashEntry
): ICodeCellModel | null {
  const panel =
    tracker.find(p => p.id === entry.panelId) ??
    tracker.find(p => p.context.path === entry.notebookPath);
  const cell = panel?.content.widgets.find(c => c.model.id === entry.cellId);
  return cell && cell.model.type === 'code'
    ? (cell.model as ICodeCellModel)
    : null;
}

/** Register the commands, their palette entries and the context menu on error outputs. */
export function addCommands(options: {
  app: JupyterFrontEnd;
  tracker: INotebookTracker;
  palette: ICommandPalette | null;
  capture: CrashCapture;
  log: CrashLog;
  cards: CardManager;
  panel: CrashPanel;
  taxonomy: Taxonomy;
}): void {
  const { app, tracker, palette, capture, log, cards, panel, taxonomy } =
    options;
  const { commands } = app;
  const fromMenu = (args: any) => args?.fromContextMenu === true;

  commands.addCommand(CommandIDs.diagnose, {
    label: 'Diagnose This Error',
    describedBy: {
      args: {
        type: 'object',
        properties: {
          fromContextMenu: {
            type: 'boolean',
            description: 'Take the right-clicked cell instead of the active one'
          }
        }
      }
    },
    caption: "Diagnose the selected cell's error output (again)",
    isEnabled: args => {
      const target = targetCell(app, tracker, fromMenu(args));
      return !!target && hasError(target.model);
    },
    execute: async args => {
      const target = targetCell(app, tracker, fromMenu(args));
      if (!target || !hasError(target.model)) {
        Notification.warning('The selected cell has no error output.', {
          autoClose: 4000
        });
        return null;
      }
      const entry = await capture.diagnoseCell(target.panel, target.model);
      if (entry?.status === 'failed') {
        Notification.error(`Could not diagnose this error: ${entry.error}`, {
          autoClose: 6000
        });
      }
      return entry?.key ?? null;
    }
  });

  commands.addCommand(CommandIDs.openPanel, {
    label: 'Open Crash Panel',
    describedBy: { args: { type: 'object', properties: {} } },
    caption: 'Show every crash of the session with its diagnosis',
    execute: () => {
      app.shell.activateById(panel.id);
    }
  });

  commands.addCommand(CommandIDs.copyMarkdown, {
    label: 'Copy Diagnosis as Markdown',
    describedBy: {
      args: {
        type: 'object',
        properties: {
          key: {
            type: 'string',
            description: 'The crash log entry to copy (default: the cell’s)'
          },
          fromContextMenu: {
            type: 'boolean',
            description: 'Take the right-clicked cell instead of the active one'
          }
        }
      }
    },
    caption:
      'Copy the diagnosis and the end of the traceback as Markdown, for a forum question or a bug report',
    isEnabled: args => {
      if (typeof args?.key === 'string') {
        return !!log.get(args.key)?.diagnosis;
      }
      const target = targetCell(app, tracker, fromMenu(args));
      return !!target && !!entryOfCell(log, cards, target);
    },
    execute: async args => {
      let entry: ICrashEntry | undefined;
      let model: ICodeCellModel | null = null;
      if (typeof args?.key === 'string') {
        entry = log.get(args.key);
        model = entry ? cellOfEntry(tracker, entry) : null;
      } else {
        const target = targetCell(app, tracker, fromMenu(args));
        if (target) {
          entry = entryOfCell(log, cards, target);
          model = target.model;
        }
      }
      if (!entry?.diagnosis) {
        Notification.warning(
          'No diagnosis to copy: run the cell or use "Diagnose This Error" first.',
          { autoClose: 4000 }
        );
        return null;
      }
      await taxonomy.load().catch(() => undefined);
      // The traceback is in the cell, if it still shows this error.
      const error = model ? lastError(model) : null;
      const sameRun =
        !!model &&
        model.id === entry.cellId &&
        model.executionCount === entry.executionCount &&
        error?.ename === entry.ename;
      const markdown = diagnosisMarkdown(
        {
          ename: entry.ename,
          evalue: entry.evalue,
          notebookPath: entry.notebookPath,
          cellLabel: cellLabel(entry.cellIndex, entry.executionCount),
          diagnosis: entry.diagnosis,
          traceback: sameRun && error ? error.traceback : []
        },
        (dimension, id) => taxonomy.title(dimension, id),
        // The panel holds the user's setting: the export hedges where the card does.
        panel.confidenceThreshold
      );
      Clipboard.copyToSystem(markdown);
      Notification.success('Diagnosis copied as Markdown.', {
        autoClose: 3000
      });
      return markdown;
    }
  });

  const category = 'Crash Diagnosis';
  for (const command of [
    CommandIDs.diagnose,
    CommandIDs.openPanel,
    CommandIDs.copyMarkdown
  ]) {
    palette?.addItem({ command, category });
  }
  for (const selector of [ERROR_OUTPUT_SELECTOR, CARD_SELECTOR]) {
    app.contextMenu.addItem({
      command: CommandIDs.diagnose,
      selector,
      rank: 50,
      args: { fromContextMenu: true }
    });
    app.contextMenu.addItem({
      command: CommandIDs.copyMarkdown,
      selector,
      rank: 51,
      args: { fromContextMenu: true }
    });
    app.contextMenu.addItem({
      command: CommandIDs.openPanel,
      selector,
      rank: 52
    });
  }
}
