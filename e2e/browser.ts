// Which Chromium the browser tests and the UI benchmark drive, in one place. Playwright's own build when it is
// installed (a developer laptop after `npx playwright install chromium`); otherwise a system Chromium:
// $CHROMIUM_PATH, else Debian's /usr/bin/chromium, launched with --no-sandbox because CI runs as root.
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';

/** Flags for a system Chromium on a closed, headless machine (background networking would only be refused). */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Path of the system Chromium to launch, or undefined when Playwright's own browser is installed.
 * Throws, saying how to get one, when there is neither. `purpose` names what needs it ("the browser tests").
 */
export function systemChromium(purpose: string): string | undefined {
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
      `No Chromium found for ${purpose}. Install one with \`npx playwright install chromium\`, ` +
        'or on Debian/Ubuntu `sudo apt-get install -y chromium`, or point CHROMIUM_PATH at a Chromium/Chrome binary.',
    );
  }
  return found;
}
