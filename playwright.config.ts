import { defineConfig, devices } from '@playwright/test';
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';

/**
 * Which Chromium to drive. Playwright's own build when it is installed (a developer laptop after
 * `npx playwright install chromium`); otherwise a system Chromium: $CHROMIUM_PATH, else Debian's /usr/bin/chromium,
 * launched with --no-sandbox because CI runs as root. With neither, stop and say how to get one.
 */
function systemChromium(): string | undefined {
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    // Playwright's browser registry is not installed: fall through to a system browser.
  }
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) {
    throw new Error(
      'No Chromium found for the browser tests. Install one with `npx playwright install chromium`, ' +
        'or on Debian/Ubuntu `sudo apt-get install -y chromium`, or point CHROMIUM_PATH at a Chromium/Chrome binary.',
    );
  }
  return found;
}

const executablePath = systemChromium();
// Each run builds into its own folder and serves on its own port, so parallel runs (several developers' shells,
// an editor's test runner) never serve each other a stale build. Workers inherit the env set here by the runner.
process.env.E2E_PORT ??= String(4200 + (process.pid % 700));
const PORT = Number(process.env.E2E_PORT);
const OUT_DIR = `.e2e-dist/${PORT}`;

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['github']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    trace: 'retain-on-failure',
    viewport: { width: 1280, height: 800 },
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 800 },
        launchOptions: executablePath
          ? {
              executablePath,
              args: [
                '--no-sandbox',
                '--disable-gpu',
                '--disable-dev-shm-usage',
                '--disable-background-networking',
                '--disable-component-update',
                '--disable-sync',
                '--no-first-run',
                '--disable-quic',
              ],
            }
          : {},
      },
    },
  ],
  webServer: {
    // The journeys run against the built app, as users get it.
    command: `npx vite build --logLevel warn --outDir ${OUT_DIR} --emptyOutDir && npx vite preview --outDir ${OUT_DIR} --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
