import { expect, IJupyterLabPageFixture, test } from '@jupyterlab/galata';
import { KERNELSPEC, newNotebook } from './helpers';

/**
 * Issue 15: the UI tests must not depend on the machine's kernelspecs. The test server adds a
 * second Python kernelspec listed before ipykernel's (jupyter_server_test_config.py); a test
 * notebook still runs in the kernel it names, and gets it back without a Select Kernel dialog
 * when JupyterLab finds no session for it after a reload.
 */

test.use({ autoGoto: true });

async function sessionKernels(page: IJupyterLabPageFixture) {
  const response = await page.request.get('/api/sessions');
  expect(response.ok()).toBe(true);
  return (await response.json()) as {
    id: string;
    path: string;
    kernel: { name: string };
  }[];
}

test('a test notebook runs in the kernel it names, also with a second kernelspec listed first', async ({
  page,
  tmpPath
}) => {
  const specs = await (await page.request.get('/api/kernelspecs')).json();
  const listed = Object.values(specs.kernelspecs as Record<string, any>)
    .map(spec => spec.spec.display_name as string)
    .sort((a, b) => a.localeCompare(b));
  expect(listed.length).toBeGreaterThan(1);
  expect(listed[0]).not.toBe(KERNELSPEC.display_name);

  const name = 'kernel_choice.ipynb';
  await newNotebook(page, name);
  await page.notebook.setCell(0, 'code', 'import sys\nsys.executable');
  await page.notebook.runCell(0);
  const path = `${tmpPath}/${name}`;
  let sessions = await sessionKernels(page);
  expect(sessions.map(s => [s.path, s.kernel.name])).toEqual([
    [path, KERNELSPEC.name]
  ]);

  // The session goes away (the server restarted, the kernel was culled); after a reload
  // JupyterLab starts the kernel the file names instead of asking.
  for (const session of sessions) {
    expect(
      (await page.request.delete(`/api/sessions/${session.id}`)).ok()
    ).toBe(true);
  }
  await page.reload({ waitForIsReady: false } as any);
  await expect(page.locator('#jupyterlab-splash')).toHaveCount(0);
  await expect
    .poll(async () =>
      (await sessionKernels(page)).map(s => [s.path, s.kernel.name])
    )
    .toEqual([[path, KERNELSPEC.name]]);
  await expect(page.locator('.jp-Dialog')).toHaveCount(0);
});
