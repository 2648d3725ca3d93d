// Shared by the golden tests of src/core/clean, segment and quotes (Node only, so it lives outside src/core).
// A case folder holds input.txt, or input.ref with a path relative to the repository root (the seeds stay in
// public/sample/ and are not copied), plus expected.json. UPDATE_GOLDEN=1 rewrites expected.json.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = resolve(dirname(fileURLToPath(import.meta.url)), '../core/__fixtures__');
const root = resolve(here, '../../..');

export interface GoldenCase {
  readonly name: string;
  readonly dir: string;
  readonly text: string;
  readonly expected: () => unknown;
}

export function goldenCases(stage: string): GoldenCase[] {
  const base = join(here, stage);
  return readdirSync(base, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const dir = join(base, name);
      const ref = join(dir, 'input.ref');
      const file = existsSync(ref) ? resolve(root, readFileSync(ref, 'utf8').trim()) : join(dir, 'input.txt');
      return {
        name,
        dir,
        text: readFileSync(file, 'utf8'),
        expected: () => JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as unknown,
      };
    });
}

export function writeGolden(c: GoldenCase, actual: unknown): void {
  const file = join(c.dir, 'expected.json');
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
  }
}
