import { expect, test } from '@jupyterlab/galata';
import * as fs from 'fs';
import * as path from 'path';

/** The example notebook the README's run command opens. */
const GALLERY = path.resolve(__dirname, '..', '..', 'examples', 'crash_gallery.ipynb');

test.use({ autoGoto: true });

test('running the whole crash gallery fills the panel with one diagnosis per crash', async ({
  page,
  tmpPath
}, testInfo) => {
  test.setTimeout(240 * 1000);
  const cells: { cell_type: string; metadata?: { tags?: string[] } }[] =
    JSON.parse(fs.readFileSync(GALLERY, 'utf-8')).cells;
  const crashing = cells.filter(
    c =>
      c.cell_type === 'code' &&
      (c.metadata?.tags ?? []).includes('raises-exception')
  ).length;
  expect(crashing).toBeGreaterThan(3);

  await page.contents.uploadFile(GALLERY, `${tmpPath}/crash_gallery.ipynb`);
  await page.notebook.openByPath(`${tmpPath}/crash_gallery.ipynb`);
  await page.notebook.activate('crash_gallery.ipynb');
  await page.sidebar.openTab('jp-nbcrash-panel');

  // "Run All" goes past every crashing cell thanks to their `raises-exception` tag.
  await page.notebook.run();

  const panel = page.locator('#jp-nbcrash-panel');
  // The panel also lists crashes kept by the server from earlier tests: count this notebook's.
  const ours = { hasText: 'crash_gallery.ipynb' };
  const entries = panel.locator('.jp-nbcrash-entry').filter(ours);
  await expect(entries).toHaveCount(crashing, { timeout: 120 * 1000 });
  await expect(
    panel.locator('.jp-nbcrash-entry[data-status="done"]').filter(ours)
  ).toHaveCount(crashing, { timeout: 60 * 1000 });
  // Every crashing cell also got its card.
  await expect(page.locator('.jp-nbcrash-card')).toHaveCount(crashing);
  await panel.screenshot({ path: testInfo.outputPath('gallery-panel.png') });
});
