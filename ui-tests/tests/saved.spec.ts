import { expect, test } from '@jupyterlab/galata';
import { execFileSync } from 'child_process';
import * as path from 'path';

import { openCrashPanel, openTestNotebook } from './helpers';

/**
 * Issue 14: "Diagnose This Error" on an error output restored from a saved notebook, reopened
 * without running anything. The file (tests/notebooks/saved_previous_error.ipynb, played in a
 * real kernel by tests/test_saved_ui_fixture.py) holds [1] `import pandas as pd`, [2] a
 * read_csv that failed before defining `df`, [3] `df.head()` with its NameError. The request
 * carries the saved cells and errors without history, and the answer is the one
 * `jupyter nbcrash scan` gives for the same file.
 */

test.use({ autoGoto: true });

const NOTEBOOK = 'saved_previous_error.ipynb';
const FIXTURE = path.resolve(__dirname, 'notebooks', NOTEBOOK);
/** What the card, the panel and the scan are compared on. */
const COMPARED = [
  'crash_type',
  'root_cause',
  'notebook_cause',
  'stage',
  'library',
  'hint',
  'related_cell'
] as const;

/** The scan's crash row for the fixture's cell [3], from the CLI (the server's Python). */
function scannedCrash(): Record<string, any> {
  const out = execFileSync(
    'jupyter',
    ['nbcrash', 'scan', '--format', 'json', '--quiet', '--jobs', '1', FIXTURE],
    { encoding: 'utf-8' }
  );
  const rows = JSON.parse(out).crashes.filter((r: any) => r.cell_index === 2);
  expect(rows).toHaveLength(1);
  return rows[0];
}

test('a reopened notebook: "Diagnose This Error" on a saved error answers as the scan does', async ({
  page,
  tmpPath
}, testInfo) => {
  const bodies: any[] = [];
  page.on('request', request => {
    if (new URL(request.url()).pathname.endsWith('/nbcrash/diagnose')) {
      bodies.push(request.postDataJSON());
    }
  });
  await openTestNotebook(page, tmpPath, NOTEBOOK);
  const output = await page.notebook.getCellOutputLocator(2);
  await expect(output!).toContainText('NameError');
  await expect(
    (await page.notebook.getCellOutputLocator(1))!
  ).toContainText('FileNotFoundError');
  // Restored error outputs get no card by themselves: nothing was diagnosed on open.
  const cell = (await page.notebook.getCellLocator(2))!;
  await expect(cell.locator('.jp-nbcrash-card')).toHaveCount(0);
  expect(bodies).toHaveLength(0);

  // "Diagnose This Error" from the error output's context menu.
  const answer = page.waitForResponse(response =>
    new URL(response.url()).pathname.endsWith('/nbcrash/diagnose')
  );
  await output!
    .locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
    .click({ button: 'right' });
  await page
    .locator('.lm-Menu-itemLabel', { hasText: 'Diagnose This Error' })
    .click();
  const diagnosis = await (await answer).json();

  // The request: the file's cells, counts and error outputs, no history.
  expect(bodies).toHaveLength(1);
  const notebook = bodies[0].notebook;
  expect(notebook.history).toEqual([]);
  expect(notebook.previous_history).toEqual([]);
  expect(
    notebook.cells.map((c: any) => [c.execution_count, c.error?.ename ?? null])
  ).toEqual([
    [1, null],
    [2, 'FileNotFoundError'],
    [3, 'NameError']
  ]);
  expect(notebook.cells[1].error.traceback.join('\n')).toContain('In[2]');

  // The same answer as `jupyter nbcrash scan` for the same file.
  const row = scannedCrash();
  for (const key of COMPARED) {
    expect(diagnosis[key], key).toEqual(row[key]);
  }
  expect(row.notebook_cause).toBe('previous_cell_error');
  expect(row.related_cell.index).toBe(1);

  // The card says so in the taxonomy's words and points at cell 2 (count [2]).
  const taxonomy = await (await page.request.get('/nbcrash/taxonomy')).json();
  const title = (dimension: string, id: string) =>
    taxonomy[dimension].find((e: any) => e.id === id).title;
  const cause = `${title('notebook_cause', 'previous_cell_error')} (${title(
    'root_cause',
    'notebook_specific'
  )})`;
  const card = cell.locator('.jp-nbcrash-card');
  await expect(card.locator('.jp-nbcrash-card-cause')).toHaveText(cause);
  await expect(card.locator('.jp-nbcrash-card-hint')).toHaveText(
    row.hint.replace(/`/g, '')
  );
  await card.locator('.jp-nbcrash-card-why-toggle').click();
  await expect(card.locator('.jp-nbcrash-card-why')).toContainText(
    'judged from the saved execution counts and errors'
  );
  const goto = card.locator('.jp-nbcrash-card-goto');
  await expect(goto).toHaveText('Go to cell 2 [2]');
  await card.screenshot({ path: testInfo.outputPath('saved-card-light.png') });

  // The panel's entry: the same cause and "Go to cell 2 [2]".
  const panel = await openCrashPanel(page);
  const entry = panel.locator('.jp-nbcrash-entry').first();
  await expect(entry.locator('.jp-nbcrash-label-root_cause')).toHaveText(cause);
  await expect(entry.locator('.jp-nbcrash-goto')).toHaveText('Go to cell 2 [2]');
  await page.screenshot({ path: testInfo.outputPath('saved-lab-light.png') });
  await page.theme.setDarkTheme();
  await card.locator('.jp-nbcrash-card-why-toggle').click(); // fold: the card fits the view
  await card.screenshot({ path: testInfo.outputPath('saved-card-dark.png') });
  await page.screenshot({ path: testInfo.outputPath('saved-lab-dark.png') });
  await page.theme.setLightTheme();

  // "Go to cell 2 [2]" jumps to the cell that failed.
  await page.notebook.selectCells(0);
  await goto.click();
  await expect((await page.notebook.getCellLocator(1))!).toHaveClass(
    /jp-mod-active/
  );
});
