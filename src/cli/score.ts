// `npm run -s score -- FILE`: score sentence pairs with the production scorer (issue 5). Each non-blank line is
// tab-separated; its last two fields are the two sentences. Prints one line per input line: the score in [0, 1],
// a tab, and `same` or `different` at the production paraphrase threshold (align/scorer.ts, PARAPHRASE_THRESHOLD, chosen by CV on MRPC). IDF comes from all
// sentences in the file, as in a comparison it comes from all units compared.

import { readFileSync } from 'node:fs';
import { PARAPHRASE_THRESHOLD, scoreTextPairs } from '../core/align/scorer.ts';

function main(argv: readonly string[]): number {
  const file = argv[0];
  if (!file) {
    process.stderr.write(
      'Usage: npm run -s score -- FILE   (tab-separated lines; the last two fields are compared)\n',
    );
    return 2;
  }
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (e) {
    const reason =
      (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : String((e as Error).message);
    process.stderr.write(`${file}: cannot be read: ${reason}\n`);
    return 1;
  }
  const lines = raw
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  const pairs: [string, string][] = [];
  for (const [k, line] of lines.entries()) {
    const f = line.split('\t');
    if (f.length < 2) {
      process.stderr.write(
        `${file}: line ${k + 1} has no tab: it needs two tab-separated sentences at its end\n`,
      );
      return 1;
    }
    pairs.push([f[f.length - 2]!, f[f.length - 1]!]);
  }
  const threshold = PARAPHRASE_THRESHOLD;
  const out = scoreTextPairs(pairs).map((s) => `${s.toFixed(4)}\t${s >= threshold ? 'same' : 'different'}`);
  process.stdout.write(out.length ? out.join('\n') + '\n' : '');
  return 0;
}

process.exitCode = main(process.argv.slice(2));
