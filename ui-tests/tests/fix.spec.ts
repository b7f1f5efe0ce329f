import { expect, IJupyterLabPageFixture, test } from '@jupyterlab/galata';
import type { Locator } from '@playwright/test';
import * as path from 'path';

import { openCrashPanel, openTestNotebook } from './helpers';

const IMAGES = path.resolve(__dirname, '..', '..', 'docs', 'images');

test.use({ autoGoto: true });

/** The example notebook the README's run command opens. */
const GALLERY = path.resolve(
  __dirname,
  '..',
  '..',
  'examples',
  'crash_gallery.ipynb'
);

/** A diagnosis's fix as the server sends it (src/types.ts, IFix). */
interface IFix {
  title: string;
  kind: string;
  cell_id: string;
  edits: { op: string; index?: number; source?: string; cell_id?: string }[];
  rerun: boolean;
}

interface IDiagnosed {
  crashId: number;
  cellId: string;
  ename: string;
  fix: IFix | null;
}

/**
 * Every diagnosis the page receives, first per cell: the crash id (the panel entry's
 * `data-crash-id`) and the fix.
 */
function recordDiagnoses(page: IJupyterLabPageFixture): Map<string, IDiagnosed> {
  const seen = new Map<string, IDiagnosed>();
  page.on('response', async response => {
    if (
      !new URL(response.url()).pathname.endsWith('/nbcrash/diagnose') ||
      !response.ok()
    ) {
      return;
    }
    const body = response.request().postDataJSON();
    const answer = await response.json();
    if (!seen.has(body.cell_id)) {
      seen.set(body.cell_id, {
        crashId: answer.crash_id,
        cellId: body.cell_id,
        ename: body.ename,
        fix: answer.fix ?? null
      });
    }
  });
  return seen;
}

/**
 * Wait until `count` crashes are diagnosed and shown in the panel. (The panel also lists the
 * crashes of earlier tests: the server keeps them for its session.)
 */
async function diagnosedIn(
  panel: Locator,
  diagnosed: Map<string, IDiagnosed>,
  count: number,
  timeout = 90 * 1000
) {
  await expect.poll(() => diagnosed.size, { timeout }).toBe(count);
  for (const crash of diagnosed.values()) {
    await expect(
      panel.locator(`.jp-nbcrash-entry[data-crash-id="${crash.crashId}"]`)
    ).toHaveAttribute('data-status', 'done');
  }
}

/** The fix outcomes the page reports (POST /nbcrash/feedback with `fix`), by crash id. */
function recordFixFeedback(
  page: IJupyterLabPageFixture
): Map<number, { applied: boolean; rerun_ok: boolean | null }> {
  const sent = new Map<number, { applied: boolean; rerun_ok: boolean | null }>();
  page.on('request', request => {
    if (
      new URL(request.url()).pathname.endsWith('/nbcrash/feedback') &&
      request.method() === 'POST'
    ) {
      const body = request.postDataJSON();
      if (body.fix) {
        sent.set(body.crash_id, body.fix);
      }
    }
  });
  return sent;
}

interface ICellState {
  id: string;
  source: string;
  executionCount: number | null;
  /** The output types ('error', 'stream', …). */
  outputs: string[];
}

/** The active notebook's cells as its model holds them (not the DOM: cells may be windowed). */
async function cellsOf(page: IJupyterLabPageFixture): Promise<ICellState[]> {
  return page.evaluate(() => {
    const widget = (window as any).jupyterapp.shell.currentWidget;
    return widget.content.model.sharedModel.cells.map((c: any) => ({
      id: c.id,
      source: c.getSource(),
      executionCount: c.execution_count ?? null,
      outputs: (c.outputs ?? []).map((o: any) => o.output_type)
    }));
  });
}

async function cellById(
  page: IJupyterLabPageFixture,
  id: string
): Promise<ICellState | undefined> {
  return (await cellsOf(page)).find(c => c.id === id);
}

/** The id of the notebook's active cell. */
async function activeCellId(page: IJupyterLabPageFixture): Promise<string> {
  return page.evaluate(
    () =>
      (window as any).jupyterapp.shell.currentWidget.content.activeCell.model.id
  );
}

/** Wait until the kernel has nothing left to run. */
async function kernelIdle(page: IJupyterLabPageFixture) {
  await expect(
    page.locator('#jp-main-statusbar >> text=Idle').first()
  ).toBeVisible({ timeout: 60 * 1000 });
}

/**
 * Click the fix of a crash (in its panel entry) and check what it did: the edited cell
 * re-run without an error, a `%pip` cell inserted and not run, or the cell shown.
 */
async function applyAndCheck(
  page: IJupyterLabPageFixture,
  crash: IDiagnosed,
  feedback: Map<number, { applied: boolean; rerun_ok: boolean | null }>
) {
  const fix = crash.fix!;
  const before = await cellsOf(page);
  const entry = page.locator(
    `#jp-nbcrash-panel .jp-nbcrash-entry[data-crash-id="${crash.crashId}"]`
  );
  const button = entry.locator('button.jp-nbcrash-fix');
  await expect(button).toBeEnabled();
  await expect(button).toHaveAttribute(
    'aria-label',
    `Fix: ${fix.title.replace(/`/g, '')}`
  );
  await button.click();

  const inserts = fix.edits.filter(e => e.op === 'insert_cell');
  if (fix.rerun) {
    // The crashing cell ran again and did not raise.
    await expect
      .poll(async () => feedback.get(crash.crashId), { timeout: 60 * 1000 })
      .toEqual({ applied: true, rerun_ok: true });
    const after = (await cellById(page, crash.cellId))!;
    expect(after.outputs).not.toContain('error');
    expect(after.executionCount).not.toBeNull();
  } else {
    await expect
      .poll(async () => feedback.get(crash.crashId))
      .toEqual({ applied: true, rerun_ok: null });
  }
  for (const insert of inserts) {
    // Inserted right above the crashing cell, and never run.
    const cells = await cellsOf(page);
    const at = cells.findIndex(c => c.id === crash.cellId);
    const added = cells[at - 1];
    expect(before.some(c => c.id === added.id)).toBe(false);
    expect(added.source).toBe(insert.source);
    expect(added.executionCount).toBeNull();
    expect(added.outputs).toEqual([]);
    if (!fix.rerun) {
      // The crashing cell was not run again either: its error is still there.
      expect((await cellById(page, crash.cellId))!.outputs).toContain('error');
    }
  }
  for (const goTo of fix.edits.filter(e => e.op === 'go_to_cell')) {
    await expect.poll(() => activeCellId(page)).toBe(goTo.cell_id);
  }
  await kernelIdle(page);
}

test('fixes of a typo, a missing import and a missing package; undo restores the cells', async ({
  page,
  tmpPath
}, testInfo) => {
  test.setTimeout(240 * 1000);
  const diagnosed = recordDiagnoses(page);
  const feedback = recordFixFeedback(page);
  await openTestNotebook(page, tmpPath, 'fixes.ipynb');
  const panel = await openCrashPanel(page);

  // "Run All" goes past the crashing cells thanks to their `raises-exception` tag.
  await page.notebook.run();
  await diagnosedIn(panel, diagnosed, 3);
  await kernelIdle(page);

  const typo = diagnosed.get('fix-cell-2')!;
  const missingImport = diagnosed.get('fix-cell-3')!;
  const install = diagnosed.get('fix-cell-4')!;
  expect(typo.ename).toBe('NameError');
  expect(typo.fix).toMatchObject({ kind: 'typo', rerun: true });
  expect(missingImport.fix).toMatchObject({ kind: 'import', rerun: true });
  expect(install.fix).toMatchObject({ kind: 'install', rerun: false });

  // The card shows the fix with its title, code in code font; light and dark.
  const card = page.locator('.jp-nbcrash-card').filter({
    has: page.locator('.jp-nbcrash-fix', { hasText: 'X_train' })
  });
  const cardButton = card.locator('button.jp-nbcrash-fix');
  await expect(cardButton).toBeEnabled();
  await expect(cardButton.locator('code').first()).toHaveText('X_tarin');
  await expect(cardButton).toHaveAttribute(
    'title',
    /^Applies the fix: edits this cell, runs this cell again; nothing else runs\./
  );
  // The README's pictures: the cell, its error and the card, with the sidebars closed.
  await page.sidebar.close('left');
  await page.sidebar.close('right');
  const crashCell = (await page.notebook.getCellLocator(2))!;
  await crashCell.scrollIntoViewIfNeeded();
  await crashCell.screenshot({ path: testInfo.outputPath('fix-button.png') });
  await page.theme.setDarkTheme();
  await crashCell.screenshot({
    path: testInfo.outputPath('fix-button-dark.png')
  });
  await page.theme.setLightTheme();
  await (
    await openCrashPanel(page)
  ).screenshot({ path: testInfo.outputPath('fix-panel.png') });

  // The typo: fixed from the card, the cell re-run, the crash gone, the outcome recorded.
  await cardButton.click();
  await expect
    .poll(async () => feedback.get(typo.crashId), { timeout: 60 * 1000 })
    .toEqual({ applied: true, rerun_ok: true });
  let cell = (await cellById(page, 'fix-cell-2'))!;
  expect(cell.source).toBe('total = sum(X_train)\ntotal');
  expect(cell.outputs).toEqual(['execute_result']);
  await expect(card).toHaveCount(0);
  await kernelIdle(page);

  // The panel's entry says so beside its time.
  const typoEntry = panel.locator(
    `.jp-nbcrash-entry[data-crash-id="${typo.crashId}"]`
  );
  const typoResult = typoEntry.locator('.jp-nbcrash-fix-result');
  await expect(typoResult).toHaveText('fixed ✓');
  await expect(typoResult).toHaveAttribute('data-tone', 'ok');

  // "Undo fix" in the panel puts the typo back, and runs nothing; the entry and the
  // history say the fix was undone.
  await typoEntry.locator('button.jp-nbcrash-fix-undo').click();
  cell = (await cellById(page, 'fix-cell-2'))!;
  expect(cell.source).toBe('total = sum(X_tarin)\ntotal');
  expect(cell.outputs).toEqual(['execute_result']);
  await expect(typoResult).toHaveText('fix undone');
  await expect
    .poll(async () => feedback.get(typo.crashId))
    .toEqual({ applied: false, rerun_ok: null });
  // The fix fits the cell again: the button is back.
  await expect(typoEntry.locator('button.jp-nbcrash-fix')).toHaveAttribute(
    'aria-label',
    `Fix: ${typo.fix!.title.replace(/`/g, '')}`
  );

  // The missing import, from the panel.
  await applyAndCheck(page, missingImport, feedback);
  expect((await cellById(page, 'fix-cell-3'))!.source).toMatch(
    /^import numpy as np\n/
  );

  // The package: a `%pip install` cell above, not run; undo removes it.
  const count = (await cellsOf(page)).length;
  await applyAndCheck(page, install, feedback);
  expect((await cellsOf(page)).length).toBe(count + 1);
  await panel
    .locator(`.jp-nbcrash-entry[data-crash-id="${install.crashId}"]`)
    .locator('button.jp-nbcrash-fix-undo')
    .click();
  expect((await cellsOf(page)).map(c => c.id)).toEqual([
    'fix-cell-0',
    'fix-cell-1',
    'fix-cell-2',
    'fix-cell-3',
    'fix-cell-4'
  ]);

  // The outcomes are kept with the crashes: after a reload the panel shows them again.
  await expect
    .poll(async () => feedback.get(install.crashId))
    .toEqual({ applied: false, rerun_ok: null });
  await page.notebook.save();
  // The notebook comes back open, not the Launcher galata waits for by default. (The option
  // exists at run time, in galata's JupyterLabPage.reload, but the fixture's type takes
  // Playwright's reload, as in kernels.spec.ts and panel.spec.ts.)
  await page.reload({ waitForIsReady: false } as any);
  await page.locator('#jupyterlab-splash').waitFor({ state: 'detached' });
  const again = await openCrashPanel(page);
  const resultOf = (crashId: number) =>
    again
      .locator(`.jp-nbcrash-entry[data-crash-id="${crashId}"]`)
      .locator('.jp-nbcrash-fix-result');
  await expect(resultOf(typo.crashId)).toHaveText('fix undone');
  await expect(resultOf(missingImport.crashId)).toHaveText('fixed ✓');
  await expect(resultOf(install.crashId)).toHaveText('fix undone');

  // The README's picture of the panel: the outcomes beside the crashes, the model line.
  await page.sidebar.close('left');
  await page.setViewportSize({ width: 1200, height: 2100 });
  await expect(again.locator('.jp-nbcrash-model')).toContainText('Model:');
  await expect(again.locator('.jp-nbcrash-model')).toBeInViewport();
  const content = again.locator('.jp-nbcrash-panel-content');
  await content.screenshot({
    path: path.join(IMAGES, 'panel-fix-results.png')
  });
  await page.theme.setDarkTheme();
  await content.screenshot({
    path: path.join(IMAGES, 'panel-fix-results-dark.png')
  });
  await page.theme.setLightTheme();
});

test('a fix for an older version of the cell is refused', async ({
  page,
  tmpPath
}) => {
  const diagnosed = recordDiagnoses(page);
  await openTestNotebook(page, tmpPath, 'fixes.ipynb');
  const panel = await openCrashPanel(page);
  await page.notebook.runCell(1);
  await page.notebook.runCell(2);
  await diagnosedIn(panel, diagnosed, 1);
  const typo = diagnosed.get('fix-cell-2')!;
  expect(typo.fix).not.toBeNull();
  const entry = panel.locator(
    `.jp-nbcrash-entry[data-crash-id="${typo.crashId}"]`
  );

  // The user edits the cell after the button was drawn: the click checks again, refuses,
  // and the button is disabled with the reason.
  await page.notebook.setCell(2, 'code', 'total = sum(X_tarin) + 1');
  const reason =
    'The cell changed since this crash; run it again for a new diagnosis.';
  await entry.locator('button.jp-nbcrash-fix').click();
  await expect(entry.locator('.jp-nbcrash-fix-problem')).toHaveText(reason);
  await expect(entry.locator('button.jp-nbcrash-fix')).toBeDisabled();
  await expect(entry.locator('.jp-nbcrash-fix-wrapper')).toHaveAttribute(
    'title',
    reason
  );
  expect((await cellById(page, 'fix-cell-2'))!.source).toBe(
    'total = sum(X_tarin) + 1'
  );
});

test('the crash gallery: every fix applied, and the crash is gone after the re-run', async ({
  page,
  tmpPath
}, testInfo) => {
  test.setTimeout(420 * 1000);
  const diagnosed = recordDiagnoses(page);
  const feedback = recordFixFeedback(page);
  // Another name: gallery.spec.ts counts the panel's entries of crash_gallery.ipynb, and the
  // server keeps this test's crashes for the session.
  await page.contents.uploadFile(GALLERY, `${tmpPath}/gallery_fixes.ipynb`);
  await page.notebook.openByPath(`${tmpPath}/gallery_fixes.ipynb`);
  await page.notebook.activate('gallery_fixes.ipynb');
  const panel = await openCrashPanel(page);
  await page.notebook.run();
  const crashing = (await cellsOf(page)).filter(c =>
    c.outputs.includes('error')
  );
  await diagnosedIn(panel, diagnosed, crashing.length, 150 * 1000);
  await kernelIdle(page);

  const fixes = [...diagnosed.values()].filter(d => d.fix);
  const measured = `${fixes.length} of ${crashing.length} crashes have a fix: ${fixes
    .map(d => `${d.cellId} ${d.fix!.kind}`)
    .join(', ')}`;
  testInfo.annotations.push({ type: 'gallery fixes', description: measured });
  console.log(measured);
  // At least the typo, the missing import, the removed module and the out-of-order cell.
  expect(fixes.map(d => d.fix!.kind)).toEqual(
    expect.arrayContaining(['typo', 'removed_api', 'run_first'])
  );
  for (const crash of fixes) {
    await test.step(`${crash.cellId}: ${crash.fix!.title}`, () =>
      applyAndCheck(page, crash, feedback)
    );
  }
});

test('a missing file whose close name is in its folder: the path fixed, the cell re-run', async ({
  page,
  tmpPath
}) => {
  const diagnosed = recordDiagnoses(page);
  const feedback = recordFixFeedback(page);
  expect(
    await page.contents.uploadContent(
      'day,value\n1,2\n',
      'text',
      `${tmpPath}/data/measurements_2024.csv`
    )
  ).toBe(true);
  await openTestNotebook(page, tmpPath, 'file_fix.ipynb');
  const panel = await openCrashPanel(page);
  await page.notebook.runCell(1);
  await diagnosedIn(panel, diagnosed, 1);
  const crash = diagnosed.get('file-cell-1')!;
  expect(crash.ename).toBe('FileNotFoundError');
  expect(crash.fix).toMatchObject({ kind: 'file_path', rerun: true });
  await applyAndCheck(page, crash, feedback);
  const cell = (await cellById(page, 'file-cell-1'))!;
  expect(cell.source).toContain('open("data/measurements_2024.csv")');
  expect(cell.outputs).toEqual(['execute_result']);
});
