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
