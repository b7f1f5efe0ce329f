import {
  ILayoutRestorer,
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { INotebookTracker } from '@jupyterlab/notebook';
import { ISettingRegistry } from '@jupyterlab/settingregistry';

// Capture, panel and cards all start with the application: a crash in the first cell run
// must already be seen, so these modules are needed at activation.
/* eslint-disable jupyter/prefer-lazy-imports */
import { CardManager } from './card';
import { CrashCapture } from './capture';
import { CrashLog } from './crashlog';
import { DEFAULT_HISTORY_LIMIT } from './history';
import { revealCell } from './navigate';
import { CrashPanel } from './panel';
/* eslint-enable jupyter/prefer-lazy-imports */
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
  optional: [ISettingRegistry, ILayoutRestorer],
  activate: (
    app: JupyterFrontEnd,
    tracker: INotebookTracker,
    settingRegistry: ISettingRegistry | null,
    restorer: ILayoutRestorer | null
  ) => {
    const taxonomy = new Taxonomy();
    const log = new CrashLog();

    const panel = new CrashPanel({
      log,
      taxonomy,
      onReveal: where => void revealCell(app, tracker, where)
    });
    app.shell.add(panel, 'right', { rank: 900 });
    restorer?.add(panel, 'nbcrash-panel');

    const capture = new CrashCapture({
      tracker,
      log,
      beforeDiagnose: () => taxonomy.load()
    });

    let showCards = true;
    const cards = new CardManager({
      taxonomy,
      onDetails: entry => {
        app.shell.activateById(panel.id);
        panel.select(entry.key);
      }
    });
    capture.diagnosed.connect((_, { panel: notebook, cellModel, entry }) => {
      if (showCards) {
        cards.show(notebook, cellModel, entry);
      }
    });

    if (settingRegistry) {
      const apply = (settings: ISettingRegistry.ISettings) => {
        capture.enabled = settings.get('enabled').composite !== false;
        showCards =
          capture.enabled &&
          settings.get('showInlineCards').composite !== false;
        if (!showCards) {
          cards.clear();
        }
        const limit = settings.get('historyLength').composite;
        capture.historyLimit =
          typeof limit === 'number' ? limit : DEFAULT_HISTORY_LIMIT;
      };
      settingRegistry
        .load(PLUGIN_ID)
        .then(settings => {
          apply(settings);
          settings.changed.connect(apply);
        })
        .catch(reason =>
          console.error('nbcrash: could not load settings.', reason)
        );
    }
  }
};

export default plugin;
