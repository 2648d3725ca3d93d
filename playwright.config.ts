import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, systemChromium } from './e2e/browser.ts';

// Playwright's own Chromium when installed, else a system one (e2e/browser.ts); none at all stops with how to get one.
const executablePath = systemChromium('the browser tests');
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
              args: [...CHROMIUM_ARGS],
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
