import { expect, test } from '@jupyterlab/galata';
import {
  newNotebook,
  openCrashPanel,
  openTestNotebook,
  outOfOrderEntry
} from './helpers';

test.use({ autoGoto: true });

test.describe('nbcrash: crash diagnosis in the panel', () => {
  test('a failing import is diagnosed as "Module not found"', async ({
    page
  }, testInfo) => {
    await newNotebook(page, 'module_crash.ipynb');
    await page.notebook.setCell(0, 'code', 'import nonexistent_pkg_xyz');
    await page.notebook.runCell(0);

    // The traceback stays as Jupyter renders it.
    const output = await page.notebook.getCellOutputLocator(0);
    await expect(output!).toContainText('ModuleNotFoundError');

    // An inline card under the error with the crash type.
    const cell = await page.notebook.getCellLocator(0);
    const card = cell!.locator('.jp-nbcrash-card');
    await expect(card.locator('.jp-nbcrash-card-type')).toHaveText(
      'Module not found'
    );

    const panel = await openCrashPanel(page);
    const entry = panel.locator('.jp-nbcrash-entry').first();
    await expect(entry).toHaveAttribute('data-status', 'done');
    await expect(entry.locator('.jp-nbcrash-crash-type')).toHaveText(
      'Module not found'
    );
    await expect(entry.locator('.jp-nbcrash-error')).toContainText(
      "ModuleNotFoundError: No module named 'nonexistent_pkg_xyz'"
    );
    // Readable titles, not ids.
    await expect(entry.locator('.jp-nbcrash-label-root_cause')).toHaveText(
      'Environment setting'
    );
    // The stage is the likeliest; below the confidence threshold it comes with the runner-up
    // ("Environment setup or data preparation — not sure (68% / 22%)").
    await expect(entry.locator('.jp-nbcrash-label-stage')).toHaveText(
      /^Environment setup( or .* — not sure \(\d+% \/ \d+%\))?$/
    );
    // The hint names the module to install.
    await expect(entry.locator('.jp-nbcrash-hint')).toContainText('pip install');
    await expect(entry.locator('.jp-nbcrash-hint')).toContainText(
      'nonexistent_pkg_xyz'
    );
    // The entry names the cell it came from.
    await expect(entry.locator('.jp-nbcrash-source')).toContainText(
      'module_crash.ipynb · cell 1 [1]'
    );

    await page.screenshot({ path: testInfo.outputPath('lab-with-panel.png') });
    await panel.screenshot({ path: testInfo.outputPath('crash-panel.png') });
  });

  test('error text is shown as text, never as HTML', async ({ page }) => {
    await newNotebook(page, 'html_crash.ipynb');
    await page.notebook.setCell(
      0,
      'code',
      'raise ValueError("<img src=x onerror=\\"window.__nbcrash_xss=1\\">")'
    );
    await page.notebook.runCell(0);
    const panel = await openCrashPanel(page);
    const entry = panel.locator('.jp-nbcrash-entry').first();
    await expect(entry).toHaveAttribute('data-status', 'done');
    await expect(entry.locator('.jp-nbcrash-error')).toContainText(
      '<img src=x onerror='
    );
    await expect(panel.locator('img')).toHaveCount(0);
    expect(await page.evaluate(() => (window as any).__nbcrash_xss)).toBe(
      undefined
    );
  });
});

test.describe('nbcrash: notebook-aware diagnosis', () => {
  test('a name defined in a cell below that has not run: the panel names that cell and jumps to it', async ({
    page,
    tmpPath
  }, testInfo) => {
    await openTestNotebook(page, tmpPath, 'out_of_order.ipynb');

    // Cells: [0] markdown, [1] defines radius, [2] uses `scale`, [3] defines `scale`.
    await page.notebook.runCell(1);
    await page.notebook.runCell(2);
    const { panel, entry } = await outOfOrderEntry(page, 2);
    await expect(entry.locator('.jp-nbcrash-hint')).toContainText(
      'Run cell 4 first'
    );
    const goto = entry.locator('.jp-nbcrash-goto');
    await expect(goto).toHaveText('Go to cell 4');
    await panel.screenshot({ path: testInfo.outputPath('out-of-order.png') });

    // Jump: the defining cell becomes the active one.
    await page.notebook.selectCells(0);
    await goto.click();
    const target = await page.notebook.getCellLocator(3);
    await expect(target!).toHaveClass(/jp-mod-active/);
    await expect(target!).toBeInViewport();

    // And the link back to the crashing cell works too.
    await entry.locator('.jp-nbcrash-source').click();
    const crashed = await page.notebook.getCellLocator(2);
    await expect(crashed!).toHaveClass(/jp-mod-active/);
    await page.screenshot({ path: testInfo.outputPath('after-jump.png') });
  });

});

test.describe('nbcrash: diagnosis across a kernel restart', () => {
  // Galata's kernel tracker answers every POST under /api/kernels with 201, which breaks
  // "restart" (the server answers 200 and JupyterLab checks it): do not mock the kernels API
  // here. The sessions tracker still shuts the kernel down at the end.
  test.use({ kernels: null });

  test('a name defined before the kernel restart: the panel says so and names the cell', async ({
    page,
    tmpPath
  }, testInfo) => {
    await openTestNotebook(page, tmpPath, 'out_of_order.ipynb');

    // Run everything in order once: no crash.
    await page.notebook.runCell(1);
    await page.notebook.runCell(3);
    await page.notebook.runCell(2);
    expect(await page.notebook.getCellTextOutput(2)).not.toContain('Error');

    // Restart the kernel, then run only the cell that uses the names.
    await page.menu.clickMenuItem('Kernel>Restart Kernel…');
    await page.locator('.jp-Dialog .jp-mod-accept').click();
    await expect(page.locator('.jp-Dialog')).toHaveCount(0);
    await page.notebook.runCell(2);
    const { panel, entry } = await outOfOrderEntry(page, 2);
    await expect(entry.locator('.jp-nbcrash-hint')).toContainText(
      'kernel restarted'
    );
    // `math` is the first name the cell misses; cell 2 imported it before the restart.
    const goto = entry.locator('.jp-nbcrash-goto');
    await expect(goto).toHaveText(/^Go to cell 2\b/);
    await goto.click();
    const target = await page.notebook.getCellLocator(1);
    await expect(target!).toHaveClass(/jp-mod-active/);
    await panel.screenshot({ path: testInfo.outputPath('after-restart.png') });
  });
});
