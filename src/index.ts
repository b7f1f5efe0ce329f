import {
  ILayoutRestorer,
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { ICommandPalette } from '@jupyterlab/apputils';
import { ICodeCellModel } from '@jupyterlab/cells';
import { INotebookTracker, NotebookPanel } from '@jupyterlab/notebook';
import { ISettingRegistry } from '@jupyterlab/settingregistry';

// Capture, panel and cards all start with the application: a crash in the first cell run
// must already be seen, so these modules are needed at activation.
/* eslint-disable jupyter/prefer-lazy-imports */
import { CardManager, hasError, sendFeedback } from './card';
import { CrashCapture } from './capture';
import { addCommands, CommandIDs, findEntry } from './commands';
import { CrashLog } from './crashlog';
import { revealCell } from './navigate';
import { CrashPanel } from './panel';
/* eslint-enable jupyter/prefer-lazy-imports */
import { requestAPI } from './request';
import { DEFAULT_SETTINGS, INbCrashSettings, readSettings } from './settings';
import { Taxonomy } from './taxonomy';
import { IStoredCrash } from './types';

const PLUGIN_ID = 'jupyterlab-nbcrash:plugin';

/**
 * nbcrash: capture every notebook crash, diagnose it on the server, show the diagnosis in
 * the "Crash diagnosis" side panel and in a card under the error. Wiring only.
 */
const plugin: JupyterFrontEndPlugin<void> = {
  id: PLUGIN_ID,
  description:
    'Diagnose notebook crashes as they happen: crash type, root cause, pipeline stage and a hint.',
  autoStart: true,
  requires: [INotebookTracker],
  optional: [ISettingRegistry, ILayoutRestorer, ICommandPalette],
  activate: (
    app: JupyterFrontEnd,
    tracker: INotebookTracker,
    settingRegistry: ISettingRegistry | null,
    restorer: ILayoutRestorer | null,
    palette: ICommandPalette | null
  ) => {
    const taxonomy = new Taxonomy();
    const log = new CrashLog();
    let settings: INbCrashSettings = { ...DEFAULT_SETTINGS };
    const reveal = (where: Parameters<typeof revealCell>[2]) =>
      void revealCell(app, tracker, where);

    const panel = new CrashPanel({
      log,
      taxonomy,
      onReveal: reveal,
      clearHistory: async () => {
        await requestAPI('crashes', { method: 'DELETE' });
      },
      onCopy: entry =>
        void app.commands.execute(CommandIDs.copyMarkdown, { key: entry.key })
    });
    panel.minConfidence = settings.minConfidence;
    app.shell.add(panel, 'right', { rank: 900 });
    restorer?.add(panel, 'nbcrash-panel');

    const capture = new CrashCapture({
      tracker,
      log,
      beforeDiagnose: () => taxonomy.load()
    });

    const cards = new CardManager({
      taxonomy,
      onDetails: entry => {
        app.shell.activateById(panel.id);
        panel.select(entry.key);
      },
      onReveal: reveal,
      minConfidence: () => settings.minConfidence,
      onFeedback: (entry, feedback) => log.update(entry.key, { feedback }),
      send: sendFeedback,
      onCopy: entry =>
        void app.commands.execute(CommandIDs.copyMarkdown, { key: entry.key })
    });
    capture.diagnosed.connect((_, { panel: notebook, cellModel, entry }) => {
      if (settings.showInlineCards) {
        cards.show(notebook, cellModel, entry);
      }
    });
    log.changed.connect((_, entry) => {
      if (entry) {
        cards.update(entry);
      }
    });
    void taxonomy.load().then(
      () => cards.refresh(),
      () => undefined
    );

    /**
     * Cards for the error outputs a notebook shows when it is opened or reloaded (from disk,
     * or after a page reload): the crash log knows their diagnosis by path, cell id and
     * execution count. Nothing is re-diagnosed and nothing is written into the notebook.
     */
    const restoreCards = (notebook: NotebookPanel) => {
      if (!settings.showInlineCards || notebook.isDisposed) {
        return;
      }
      const path = notebook.context.path;
      for (const cell of notebook.content.widgets) {
        const model = cell.model as ICodeCellModel;
        if (model.type !== 'code' || !hasError(model) || cards.cardOf(model)) {
          continue;
        }
        const entry = findEntry(log, path, model);
        if (entry) {
          cards.show(notebook, model, entry);
        }
      }
    };
    const restoreAll = () => tracker.forEach(restoreCards);
    const watchNotebook = (notebook: NotebookPanel) => {
      void notebook.context.ready.then(() => {
        restoreCards(notebook);
        // "Reload from disk" replaces the cells (and their widgets).
        let pending = 0;
        notebook.content.model?.cells.changed.connect(() => {
          window.clearTimeout(pending);
          pending = window.setTimeout(() => restoreCards(notebook), 100);
        });
      });
    };
    tracker.forEach(watchNotebook);
    tracker.widgetAdded.connect((_, notebook) => watchNotebook(notebook));

    // The crashes of earlier page loads: the server keeps them.
    void requestAPI<{ crashes: IStoredCrash[] }>('crashes')
      .then(({ crashes }) => {
        log.merge(crashes);
        restoreAll();
      })
      .catch(reason => {
        console.warn('nbcrash: could not load the crash history.', reason);
        panel.status = `Could not load the crash history: ${reason instanceof Error ? reason.message : String(reason)}`;
      });

    addCommands({
      app,
      tracker,
      palette,
      capture,
      log,
      cards,
      panel,
      taxonomy
    });

    if (settingRegistry) {
      const apply = (registry: ISettingRegistry.ISettings) => {
        const previous = settings;
        settings = readSettings(registry.composite);
        capture.enabled = settings.enabled;
        capture.sendCellSource = settings.sendCellSource;
        capture.historyLimit = settings.historyLength;
        panel.minConfidence = settings.minConfidence;
        if (!settings.showInlineCards) {
          cards.clear();
        } else if (!previous.showInlineCards) {
          restoreAll();
        }
        cards.refresh();
      };
      settingRegistry
        .load(PLUGIN_ID)
        .then(registry => {
          apply(registry);
          registry.changed.connect(apply);
        })
        .catch(reason =>
          console.error('nbcrash: could not load settings.', reason)
        );
    }
  }
};

export default plugin;
