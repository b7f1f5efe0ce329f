import {
  ILayoutRestorer,
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { ICommandPalette } from '@jupyterlab/apputils';
import { INotebookTracker } from '@jupyterlab/notebook';
import { ISettingRegistry } from '@jupyterlab/settingregistry';

import {
  clearCrashes,
  getCrashes,
  getStatus,
  sendFeedback,
  sendFixFeedback
} from './api';
// Capture, panel and cards all start with the application: a crash in the first cell run
// must already be seen, so these modules are needed at activation.
/* eslint-disable jupyter/prefer-lazy-imports */
import { CrashCapture } from './capture';
import { addCommands, CommandIDs } from './commands';
import { CrashLog, ICrashEntry } from './crashlog';
import { FixRunner } from './fixaction';
import { revealCell } from './navigate';
import { CardManager } from './widgets/cardmanager';
import { CrashPanel } from './widgets/panel';
/* eslint-enable jupyter/prefer-lazy-imports */
import { errorMessage } from './labels';
import { DEFAULT_SETTINGS, INbCrashSettings, readSettings } from './settings';
import { Taxonomy } from './taxonomy';

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
    const copy = (entry: ICrashEntry) =>
      void app.commands.execute(CommandIDs.copyMarkdown, { key: entry.key });

    const fixer = new FixRunner({
      tracker,
      send: sendFixFeedback,
      goTo: (notebook, cellId) =>
        revealCell(app, tracker, {
          panelId: notebook.id,
          notebookPath: notebook.context.path,
          cellId
        }),
      onResult: (entry, fixResult) => log.update(entry.key, { fixResult })
    });

    const panel = new CrashPanel({
      log,
      taxonomy,
      onReveal: reveal,
      clearHistory: () => clearCrashes(),
      loadEarlier: async () => (await getCrashes({ scope: 'earlier' })).crashes,
      readModel: async () => (await getStatus()).model,
      onCopy: copy,
      fixer
    });
    panel.minConfidence = settings.minConfidence;
    panel.confidenceThreshold = settings.confidenceThreshold;
    app.shell.add(panel, 'right', { rank: 900 });
    restorer?.add(panel, 'nbcrash-panel');

    const capture = new CrashCapture({
      tracker,
      log,
      beforeDiagnose: () => taxonomy.load()
    });

    const cards = new CardManager({
      tracker,
      log,
      taxonomy,
      onDetails: entry => {
        app.shell.activateById(panel.id);
        panel.select(entry.key);
      },
      onReveal: reveal,
      minConfidence: () => settings.minConfidence,
      confidenceThreshold: () => settings.confidenceThreshold,
      onFeedback: (entry, feedback) => log.update(entry.key, { feedback }),
      send: sendFeedback,
      onCopy: copy,
      fixer
    });
    capture.diagnosed.connect((_, { panel: notebook, cellModel, entry }) =>
      cards.show(notebook, cellModel, entry)
    );
    log.changed.connect((_, entry) => {
      if (entry) {
        cards.update(entry);
      }
    });
    void taxonomy.load().then(
      () => cards.refresh(),
      () => undefined
    );

    // The crashes of earlier page loads of this server session: the server keeps them, and
    // counts those of earlier sessions for the panel's "Earlier: N".
    void getCrashes({ scope: 'session' })
      .then(({ crashes, earlier }) => {
        log.merge(crashes);
        panel.earlierCount = earlier;
        cards.restoreAll();
      })
      .catch(reason => {
        console.warn('nbcrash: could not load the crash history.', reason);
        panel.status = `Could not load the crash history: ${errorMessage(reason)}`;
      });

    // Which model diagnoses, for the panel's foot (read again while the panel is visible).
    void panel.refreshModel();

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
        settings = readSettings(registry.composite);
        capture.enabled = settings.enabled;
        capture.sendCellSource = settings.sendCellSource;
        capture.historyLimit = settings.historyLength;
        panel.minConfidence = settings.minConfidence;
        panel.confidenceThreshold = settings.confidenceThreshold;
        cards.enabled = settings.showInlineCards;
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
