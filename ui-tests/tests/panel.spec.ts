import {
  expect,
  galata,
  IJupyterLabPageFixture,
  test
} from '@jupyterlab/galata';
import {
  newNotebook,
  openCrashPanel,
  openTestNotebook,
  PANEL_ID
} from './helpers';

/**
 * Issue 5, frontend: the inline card (titles, "Why?", "Go to cell", feedback), the panel's
 * filters, chart and "Clear", the history after a page reload, the commands, the
 * "send cell source" setting, and screenshots of the panel in light and dark theme.
 */

test.use({ autoGoto: true });

/** Start from an empty crash history (the server's store is shared by all tests). */
async function resetHistory(page: IJupyterLabPageFixture) {
  const response = await page.request.delete('/nbcrash/crashes');
  expect(response.ok()).toBe(true);
  await page.reload();
}

/**
 * Reload the page with notebooks open (galata's default reload waits for the launcher).
 */
async function reloadPage(page: IJupyterLabPageFixture) {
  await page.reload({ waitForIsReady: false } as any);
  await expect(page.locator('#jupyterlab-splash')).toHaveCount(0);
  await expect(page.locator('#jp-main-dock-panel')).toBeVisible();
}

async function storedCrashes(page: IJupyterLabPageFixture): Promise<any[]> {
  const response = await page.request.get('/nbcrash/crashes');
  expect(response.ok()).toBe(true);
  return (await response.json()).crashes;
}

/** A new notebook whose code cells are `sources`, all run in order. */
async function runNotebook(
  page: IJupyterLabPageFixture,
  name: string,
  sources: string[]
) {
  await newNotebook(page, name);
  await page.notebook.setCell(0, 'code', sources[0]);
  for (const source of sources.slice(1)) {
    await page.notebook.addCell('code', source);
  }
  for (let i = 0; i < sources.length; i++) {
    await page.notebook.runCell(i);
  }
}

async function cardOf(page: IJupyterLabPageFixture, index: number) {
  const cell = await page.notebook.getCellLocator(index);
  const card = cell!.locator('.jp-nbcrash-card');
  await expect(card.locator('.jp-nbcrash-card-type')).toBeVisible();
  return card;
}

test.describe('nbcrash: the inline card', () => {
  test('titles, hint and "Why?" under the traceback; back after save and page reload', async ({
    page,
    tmpPath
  }, testInfo) => {
    await resetHistory(page);
    const name = 'card_crash.ipynb';
    await runNotebook(page, name, ['import nonexistent_pkg_xyz']);

    // The traceback stays as Jupyter renders it; the card comes after it.
    const output = await page.notebook.getCellOutputLocator(0);
    await expect(output!).toContainText('ModuleNotFoundError');
    const card = await cardOf(page, 0);
    await expect(card.locator('.jp-nbcrash-card-type')).toHaveText(
      'Module not found'
    );
    // Readable titles (from GET /nbcrash/taxonomy), coloured by the root cause.
    const taxonomy = await (await page.request.get('/nbcrash/taxonomy')).json();
    const titles = (dim: string) =>
      (taxonomy[dim] as { title: string }[]).map(e => e.title);
    // Below the confidence threshold the stage comes with its runner-up: the title first.
    const stage = (await card.locator('.jp-nbcrash-card-stage').textContent())
      ?.trim()
      .replace(/ or .* — not sure \(\d+% \/ \d+%\)$/, '');
    expect(titles('stage')).toContain(stage);
    const rootCause = await card.getAttribute('data-root-cause');
    expect(taxonomy.root_cause.map((e: any) => e.id)).toContain(rootCause);
    await expect(card.locator('.jp-nbcrash-card-cause')).not.toBeEmpty();
    const colour = await card.evaluate(
      node => getComputedStyle(node).borderLeftColor
    );
    expect(colour).not.toBe('rgba(0, 0, 0, 0)');
    await expect(card.locator('.jp-nbcrash-card-hint')).toContainText(
      'pip install'
    );
    const order = await page
      .locator('.jp-Notebook .jp-Cell')
      .first()
      .evaluate(cell => {
        const kids = [...cell.querySelectorAll(':scope > *')];
        const out = kids.findIndex(k =>
          k.classList.contains('jp-Cell-outputWrapper')
        );
        const c = kids.findIndex(k => k.classList.contains('jp-nbcrash-card'));
        return { out, c };
      });
    expect(order.c).toBe(order.out + 1);

    // "Why?" opens with the keyboard: evidence and a confidence per dimension.
    const why = card.locator('.jp-nbcrash-card-why-toggle');
    await expect(why).toHaveAttribute('aria-expanded', 'false');
    await expect(card.locator('.jp-nbcrash-card-why')).toBeHidden();
    await why.focus();
    await page.keyboard.press('Enter');
    await expect(why).toHaveAttribute('aria-expanded', 'true');
    await expect(why).toBeFocused();
    const whyPanel = card.locator('.jp-nbcrash-card-why');
    await expect(whyPanel).toBeVisible();
    await expect(
      whyPanel.locator('.jp-nbcrash-evidence li').first()
    ).toBeVisible();
    await expect(whyPanel.locator('.jp-nbcrash-evidence')).toContainText(
      'nonexistent_pkg_xyz'
    );
    await expect(
      whyPanel.locator('.jp-nbcrash-confidence dt').first()
    ).toHaveText('Crash type');
    await expect(whyPanel.locator('[role="meter"]').first()).toHaveAttribute(
      'aria-valuenow',
      /^\d+$/
    );
    await card.screenshot({ path: testInfo.outputPath('card-why-light.png') });

    // Save: nothing of nbcrash goes into the notebook file.
    await page.notebook.save();
    const file = await page.request.get(
      `/api/contents/${tmpPath}/${name}?content=1`
    );
    const text = JSON.stringify((await file.json()).content);
    expect(text).toContain('nonexistent_pkg_xyz');
    expect(text).not.toContain('nbcrash');

    // "Reload Notebook from Disk" rebuilds the cell widgets: the card comes back.
    await page
      .locator('.jp-nbcrash-card')
      .evaluate(node => node.setAttribute('data-test-old', ''));
    await page.menu.clickMenuItem('File>Reload Notebook from Disk');
    // The old cell widgets (and their card) are gone; the new cell gets its card again.
    await expect(page.locator('[data-test-old]')).toHaveCount(0);
    await expect(
      (await cardOf(page, 0)).locator('.jp-nbcrash-card-type')
    ).toHaveText('Module not found');

    // Reload the page: the notebook comes back with its error output, and so does the card
    // (from the server's history: no second diagnosis).
    await reloadPage(page);
    // JupyterLab reopens the notebook (layout restored).
    await expect(
      page.locator('#jp-main-dock-panel .lm-TabBar-tab', { hasText: name })
    ).toBeVisible();
    await page.notebook.activate(name);
    const again = await cardOf(page, 0);
    await expect(again.locator('.jp-nbcrash-card-type')).toHaveText(
      'Module not found'
    );
    expect(await storedCrashes(page)).toHaveLength(1);
    const panel = await openCrashPanel(page);
    await expect(panel.locator('.jp-nbcrash-entry')).toHaveCount(1);
    await expect(panel.locator('.jp-nbcrash-source')).toContainText(
      `${name} · cell 1 [1]`
    );
  });

  test('"Go to cell" on the card jumps to the cell the cause lies in', async ({
    page,
    tmpPath
  }) => {
    await resetHistory(page);
    await openTestNotebook(page, tmpPath, 'out_of_order.ipynb');
    // [0] markdown, [1] defines radius, [2] uses `scale`, [3] defines `scale`.
    await page.notebook.runCell(1);
    await page.notebook.runCell(2);
    const card = await cardOf(page, 2);
    const goto = card.locator('.jp-nbcrash-card-goto');
    await expect(goto).toHaveText('Go to cell 4');
    await page.notebook.selectCells(0);
    await goto.click();
    const target = await page.notebook.getCellLocator(3);
    await expect(target!).toHaveClass(/jp-mod-active/);
    await expect(target!).toBeInViewport();
  });
});

test.describe('nbcrash: feedback', () => {
  test('"Wrong" with a corrected label goes to the server and is shown after a reload', async ({
    page
  }, testInfo) => {
    await resetHistory(page);
    const name = 'feedback_crash.ipynb';
    await runNotebook(page, name, ["prices = {}\nprices['price']"]);
    const card = await cardOf(page, 0);
    const [crash] = await storedCrashes(page);
    expect(crash.feedback).toBeNull();

    await card.locator('.jp-nbcrash-feedback-wrong').click();
    const form = card.locator('.jp-nbcrash-feedback-form');
    await expect(form).toBeVisible();
    // The choices are the taxonomy's titles, all of them.
    const taxonomy = await (await page.request.get('/nbcrash/taxonomy')).json();
    const select = form.locator('select[name="crash_type"]');
    await expect(select.locator('option')).toHaveCount(
      taxonomy.crash_type.length
    );
    await expect(select).toHaveValue(crash.diagnosis.crash_type);
    // Sending without a change asks for one.
    await form.locator('.jp-nbcrash-feedback-send').click();
    await expect(form.locator('[role="alert"]')).toContainText(
      'Change at least one label'
    );
    const other = taxonomy.crash_type.find(
      (e: any) => e.id !== crash.diagnosis.crash_type
    );
    await select.selectOption({ label: other.title });
    await card.screenshot({
      path: testInfo.outputPath('card-feedback-form.png')
    });
    await form.locator('.jp-nbcrash-feedback-send').click();
    await expect(card.locator('.jp-nbcrash-feedback-thanks')).toContainText(
      'Thanks'
    );
    await expect(card.locator('.jp-nbcrash-feedback-thanks')).toContainText(
      other.title
    );

    // Stored by the server (SQLite) with the corrected label.
    const [stored] = await storedCrashes(page);
    expect(stored.crash_id).toBe(crash.crash_id);
    expect(stored.feedback.correct).toBe(false);
    expect(stored.feedback.labels.crash_type).toBe(other.id);

    // After a page reload the panel shows the verdict, from the server.
    await reloadPage(page);
    const panel = await openCrashPanel(page);
    const entry = panel.locator('.jp-nbcrash-entry').first();
    await expect(entry).toHaveAttribute(
      'data-crash-id',
      String(crash.crash_id)
    );
    await expect(entry.locator('.jp-nbcrash-entry-feedback')).toContainText(
      'You corrected it'
    );
    await expect(entry.locator('.jp-nbcrash-entry-feedback')).toContainText(
      other.title
    );
  });

  test('"Right" is stored as a confirmation', async ({ page }) => {
    await resetHistory(page);
    await runNotebook(page, 'right_crash.ipynb', ['1 / 0']);
    const card = await cardOf(page, 0);
    await card.locator('.jp-nbcrash-feedback-right').click();
    await expect(card.locator('.jp-nbcrash-feedback-thanks')).toContainText(
      'You confirmed'
    );
    const [stored] = await storedCrashes(page);
    expect(stored.feedback.correct).toBe(true);
    const panel = await openCrashPanel(page);
    await expect(
      panel.locator('.jp-nbcrash-entry-feedback').first()
    ).toContainText('You confirmed');
  });
});

test.describe('nbcrash: the crash panel', () => {
  test('filter by crash type, chart by stage and type, clear; light and dark screenshots', async ({
    page
  }, testInfo) => {
    await resetHistory(page);
    await runNotebook(page, 'panel_crashes.ipynb', [
      '1 / 0',
      "prices = {}\nprices['price']",
      'import nonexistent_pkg_xyz'
    ]);
    const panel = await openCrashPanel(page);
    const entries = panel.locator('.jp-nbcrash-entry');
    await expect(entries).toHaveCount(3);
    await expect(
      panel.locator('.jp-nbcrash-entry[data-status="done"]')
    ).toHaveCount(3);
    await expect(panel.locator('.jp-nbcrash-count')).toHaveText('3 crashes');

    // Charts: by stage and by crash type, each bar one label, counts summing to 3.
    for (const dim of ['stage', 'crash_type']) {
      const counts = await panel
        .locator(
          `.jp-nbcrash-chart[data-dimension="${dim}"] .jp-nbcrash-chart-count`
        )
        .allTextContents();
      expect(counts.reduce((n, c) => n + Number(c), 0)).toBe(3);
    }
    await expect(
      panel.locator('.jp-nbcrash-chart[data-dimension="crash_type"] rect')
    ).toHaveCount(3);

    await panel.screenshot({ path: testInfo.outputPath('panel-light.png') });

    // Readable at 125% zoom (the browser then lays the page out in a viewport 1/1.25 the
    // size): nothing in the panel needs horizontal scrolling.
    const viewport = page.viewportSize()!;
    await page.setViewportSize({
      width: Math.round(viewport.width / 1.25),
      height: Math.round(viewport.height / 1.25)
    });
    await expect
      .poll(() => panel.evaluate(node => node.scrollWidth - node.clientWidth))
      .toBeLessThanOrEqual(0);
    await page.screenshot({ path: testInfo.outputPath('lab-zoom125.png') });
    await page.setViewportSize(viewport);

    // Filter: only the module that is not installed.
    const typeFilter = panel.locator('select[data-dimension="crash_type"]');
    await typeFilter.selectOption({ label: 'Module not found' });
    await expect(entries).toHaveCount(1);
    await expect(entries.first().locator('.jp-nbcrash-crash-type')).toHaveText(
      'Module not found'
    );
    await expect(panel.locator('.jp-nbcrash-count')).toHaveText(
      '1 of 3 crashes'
    );
    await expect(
      panel.locator('.jp-nbcrash-chart[data-dimension="crash_type"] rect')
    ).toHaveCount(1);
    // Filtering by library too narrows within the crash type.
    const libraryFilter = panel.locator('select[data-dimension="library"]');
    const libraries = await libraryFilter.locator('option').count();
    expect(libraries).toBeGreaterThan(1);
    await panel.locator('.jp-nbcrash-filter-reset').click();
    await expect(entries).toHaveCount(3);

    // Dark theme: the same panel, and a card.
    await page.theme.setDarkTheme();
    await panel.screenshot({ path: testInfo.outputPath('panel-dark.png') });
    const card = await cardOf(page, 1);
    await card.locator('.jp-nbcrash-card-why-toggle').click();
    await card.screenshot({ path: testInfo.outputPath('card-why-dark.png') });
    await page.screenshot({ path: testInfo.outputPath('lab-dark.png') });
    await page.theme.setLightTheme();

    // Clear asks first; cancelling keeps everything.
    await panel.locator('.jp-nbcrash-clear').click();
    await page.locator('.jp-Dialog .jp-mod-reject').click();
    await expect(entries).toHaveCount(3);
    expect(await storedCrashes(page)).toHaveLength(3);
    await panel.locator('.jp-nbcrash-clear').click();
    await expect(page.locator('.jp-Dialog')).toContainText(
      'Clear the crash history?'
    );
    await page.locator('.jp-Dialog .jp-mod-accept').click();
    await expect(entries).toHaveCount(0);
    expect(await storedCrashes(page)).toHaveLength(0);
    await reloadPage(page);
    const after = await openCrashPanel(page);
    await expect(after.locator('.jp-nbcrash-entry')).toHaveCount(0);
  });
});

test.describe('nbcrash: commands', () => {
  test('context menu on an error: diagnose again, copy as Markdown; error text stays text', async ({
    page
  }) => {
    await resetHistory(page);
    await runNotebook(page, 'commands_crash.ipynb', [
      'raise ValueError("<img src=x onerror=\\"window.__nbcrash_xss=1\\">")'
    ]);
    const card = await cardOf(page, 0);
    await card.locator('.jp-nbcrash-card-why-toggle').click();
    await expect(card.locator('img')).toHaveCount(0);

    // Catch what the copy command puts on the clipboard.
    await page.evaluate(() => {
      (window as any).__nbcrash_copied = null;
      window.addEventListener('copy', event => {
        (window as any).__nbcrash_copied =
          event.clipboardData?.getData('text/plain') ?? null;
      });
    });
    const output = page.locator(
      '.jp-Cell .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'
    );
    await output.first().click({ button: 'right' });
    await page
      .locator('.lm-Menu-itemLabel', { hasText: 'Copy Diagnosis as Markdown' })
      .click();
    await expect
      .poll(() => page.evaluate(() => (window as any).__nbcrash_copied))
      .toContain('```text');
    const markdown: string = await page.evaluate(
      () => (window as any).__nbcrash_copied
    );
    expect(markdown).toMatch(/^### /);
    expect(markdown).toContain('- **Pipeline stage:**');
    expect(markdown).toContain('ValueError: <img src=x onerror=');
    expect(markdown).toContain('**Traceback');
    expect(markdown).not.toContain('\u001b');

    // "Diagnose This Error" again: a second diagnosis of the same output.
    await output.first().click({ button: 'right' });
    await page
      .locator('.lm-Menu-itemLabel', { hasText: 'Diagnose This Error' })
      .click();
    await expect.poll(async () => (await storedCrashes(page)).length).toBe(2);
    const panel = await openCrashPanel(page);
    await expect(panel.locator('.jp-nbcrash-entry')).toHaveCount(2);
    await expect(panel.locator('img')).toHaveCount(0);
    expect(await page.evaluate(() => (window as any).__nbcrash_xss)).toBe(
      undefined
    );

    // "Open Crash Panel" from the command palette.
    await page.sidebar.close('right');
    await page.keyboard.press('Control+Shift+C');
    await page.locator('.lm-CommandPalette-input').fill('Open Crash Panel');
    await page.keyboard.press('Enter');
    await expect(page.locator(`#${PANEL_ID}`)).toBeVisible();
  });
});

test.describe('nbcrash: "send cell source" off', () => {
  test.use({
    mockSettings: {
      ...galata.DEFAULT_SETTINGS,
      'jupyterlab-nbcrash:plugin': { sendCellSource: false }
    }
  });

  test('no cell source goes with the diagnose request', async ({ page }) => {
    const bodies: any[] = [];
    page.on('request', request => {
      if (new URL(request.url()).pathname.endsWith('/nbcrash/diagnose')) {
        bodies.push(request.postDataJSON());
      }
    });
    await runNotebook(page, 'private_crash.ipynb', [
      'secret_value = 41',
      'secret_value + undefined_name_xyz'
    ]);
    await cardOf(page, 1);
    expect(bodies).toHaveLength(1);
    const body = bodies[0];
    expect(body.ename).toBe('NameError');
    expect(body.code).toBeUndefined();
    expect(body.notebook.cells.length).toBeGreaterThanOrEqual(2);
    for (const cell of body.notebook.cells) {
      expect(cell.source).toBe('');
    }
    expect(body.notebook.history.length).toBeGreaterThan(0);
    expect(JSON.stringify(body)).not.toContain('secret_value = 41');
  });
});

test.describe('nbcrash: minimum confidence for a hint', () => {
  test.use({
    mockSettings: {
      ...galata.DEFAULT_SETTINGS,
      'jupyterlab-nbcrash:plugin': { minConfidence: 1 }
    }
  });

  test('a hint less sure than the minimum is hidden; the crash type stays', async ({
    page
  }) => {
    await resetHistory(page);
    await runNotebook(page, 'unsure_crash.ipynb', ['1 / 0']);
    const card = await cardOf(page, 0);
    const [crash] = await storedCrashes(page);
    expect(crash.diagnosis.hint).not.toBe('');
    expect(crash.diagnosis.confidence.crash_type).toBeLessThan(1);
    await expect(card.locator('.jp-nbcrash-card-type')).not.toBeEmpty();
    await expect(card.locator('.jp-nbcrash-card-hint')).toHaveCount(0);
    await expect(card.locator('.jp-nbcrash-card-lowconf')).toContainText(
      'your minimum is 100%'
    );
    const panel = await openCrashPanel(page);
    const entry = panel.locator('.jp-nbcrash-entry').first();
    await expect(entry.locator('.jp-nbcrash-hint')).toHaveCount(0);
    await expect(entry.locator('.jp-nbcrash-lowconf')).toBeVisible();
  });
});

test.describe('nbcrash: switched off', () => {
  test.use({
    mockSettings: {
      ...galata.DEFAULT_SETTINGS,
      'jupyterlab-nbcrash:plugin': { enabled: false }
    }
  });

  test('no request, no card, no crash kept', async ({ page }) => {
    await resetHistory(page);
    let requests = 0;
    page.on('request', request => {
      if (new URL(request.url()).pathname.endsWith('/nbcrash/diagnose')) {
        requests++;
      }
    });
    await runNotebook(page, 'off_crash.ipynb', ['1 / 0']);
    const output = await page.notebook.getCellOutputLocator(0);
    await expect(output!).toContainText('ZeroDivisionError');
    // Give a diagnosis the time it would take.
    await page.waitForTimeout(1500);
    expect(requests).toBe(0);
    await expect(page.locator('.jp-nbcrash-card')).toHaveCount(0);
    expect(await storedCrashes(page)).toHaveLength(0);
  });
});
