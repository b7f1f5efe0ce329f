import { expect, IJupyterLabPageFixture } from '@jupyterlab/galata';
import * as path from 'path';

/** The crash panel's id, as the extension registers it. */
export const PANEL_ID = 'jp-nbcrash-panel';

/** Open the crash panel in the right sidebar and return its locator. */
export async function openCrashPanel(page: IJupyterLabPageFixture) {
  await page.sidebar.openTab(PANEL_ID);
  const panel = page.locator(`#${PANEL_ID}`);
  await expect(panel).toBeVisible();
  return panel;
}

/**
 * The kernel every test notebook names in its metadata: ipykernel's own, there wherever
 * ipykernel is. A notebook that names no kernel gets whichever kernelspec File > New lists
 * first, or a Select Kernel dialog when JupyterLab finds no session for it (after a reload):
 * on a machine with a second kernelspec, the test would depend on that machine.
 */
export const KERNELSPEC = {
  name: 'python3',
  display_name: 'Python 3 (ipykernel)',
  language: 'python'
};

async function openAndActivate(page: IJupyterLabPageFixture, file: string) {
  await page.notebook.openByPath(file);
  await page.notebook.activate(path.basename(file));
}

/**
 * Upload `name` from tests/notebooks/ into the test's folder, open it and make it active.
 * Those notebooks name their kernel (KERNELSPEC).
 */
export async function openTestNotebook(
  page: IJupyterLabPageFixture,
  tmpPath: string,
  name: string
) {
  await page.contents.uploadFile(
    path.resolve(__dirname, 'notebooks', name),
    `${tmpPath}/${name}`
  );
  await openAndActivate(page, `${tmpPath}/${name}`);
}

/**
 * A new notebook `name` with one empty code cell, in the file browser's folder (the test's),
 * open and active: what File > New > Notebook gives, but naming its kernel (KERNELSPEC) in the
 * file, so JupyterLab starts that kernel without asking, also after a reload.
 */
export async function newNotebook(page: IJupyterLabPageFixture, name: string) {
  const folder = await page.filebrowser.getCurrentDirectory();
  const file = folder ? `${folder}/${name}` : name;
  const notebook = {
    cells: [
      {
        cell_type: 'code',
        execution_count: null,
        id: 'cell-0',
        metadata: {},
        outputs: [],
        source: ''
      }
    ],
    metadata: { kernelspec: KERNELSPEC, language_info: { name: 'python' } },
    nbformat: 4,
    nbformat_minor: 5
  };
  expect(
    await page.contents.uploadContent(JSON.stringify(notebook), 'text', file)
  ).toBe(true);
  await openAndActivate(page, file);
}

/**
 * Cell `index` has just failed with a NameError: open the panel and return its newest entry,
 * once diagnosed as an out-of-order execution.
 */
export async function outOfOrderEntry(
  page: IJupyterLabPageFixture,
  index: number
) {
  const output = await page.notebook.getCellOutputLocator(index);
  await expect(output!).toContainText('NameError');
  const panel = await openCrashPanel(page);
  const entry = panel.locator('.jp-nbcrash-entry').first();
  await expect(entry).toHaveAttribute('data-status', 'done');
  await expect(entry.locator('.jp-nbcrash-label-root_cause')).toContainText(
    'Out-of-order execution'
  );
  return { panel, entry };
}
