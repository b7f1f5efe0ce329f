/**
 * Galata (Playwright) configuration for the nbcrash UI tests.
 *
 * Browsers cannot be downloaded here: the tests run in Debian's Chromium
 * (`apt-get install chromium`, /usr/bin/chromium; override with CHROMIUM_PATH).
 */
const os = require('os');
const path = require('path');
const baseConfig = require('@jupyterlab/galata/lib/playwright-config');

const port = process.env.NBCRASH_UI_PORT || '8917';

// The test server's crash history, in a file the specs can add to (uncertainty.spec.ts adds
// crashes of an earlier server session); the server (webServer) inherits this environment.
process.env.NBCRASH_UI_STORE =
  process.env.NBCRASH_UI_STORE ||
  path.join(os.tmpdir(), `nbcrash-ui-${port}`, 'nbcrash.sqlite3');

module.exports = {
  ...baseConfig,
  timeout: 90 * 1000,
  expect: { timeout: 20 * 1000 },
  retries: 0,
  workers: 1,
  reporter: [
    ['list'],
    ['html', { open: 'never' }],
    // Read by .ci/run to check that tests really ran.
    ['json', { outputFile: 'test-results/results.json' }]
  ],
  use: {
    ...baseConfig.use,
    baseURL: `http://localhost:${port}`,
    video: 'off',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--headless',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run'
      ]
    }
  },
  webServer: {
    command: 'jlpm start',
    url: `http://localhost:${port}/lab`,
    timeout: 120 * 1000,
    reuseExistingServer: !process.env.CI
  }
};
