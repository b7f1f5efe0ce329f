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

/** Upload `name` from tests/notebooks/ into the test's folder, open it and make it active. */
export async function openTestNotebook(
  page: IJupyterLabPageFixture,
  tmpPath: string,
  name: string
) {
  await page.contents.uploadFile(
    path.resolve(__dirname, 'notebooks', name),
    `${tmpPath}/${name}`
  );
  await page.notebook.openByPath(`${tmpPath}/${name}`);
  await page.notebook.activate(name);
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
