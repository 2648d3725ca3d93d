// Attribution verbs: the words that tie a quote to a speaker ("said", "warned", "insisted", "according to").
// Recorded lower-cased as used, so the ledger can show "claimed" next to "said" (framing differs by outlet).

const BASES = [
  'say',
  'tell',
  'add',
  'warn',
  'claim',
  'insist',
  'assert',
  'state',
  'declare',
  'explain',
  'note',
  'argue',
  'write',
  'ask',
  'reply',
  'respond',
  'continue',
  'conclude',
  'stress',
  'emphasize',
  'emphasise',
  'recall',
  'remark',
  'announce',
  'acknowledge',
  'admit',
  'concede',
  'promise',
  'pledge',
  'vow',
  'caution',
  'urge',
  'suggest',
  'post',
  'tweet',
  'shout',
  'whisper',
  'counter',
  'maintain',
  'predict',
  'complain',
  'joke',
  'observe',
  'lament',
  'boast',
  'confirm',
  'deny',
  'repeat',
  'reiterate',
  'retort',
  'quip',
  'scoff',
  'add',
  'testify',
  'allege',
  'contend',
  'demand',
  'call',
  'describe',
  'comment',
  'tell',
  'recount',
  'muse',
  'protest',
  'estimate',
  'dismiss',
  'point out',
  'fire back',
  'hit back',
  'put it',
];

const IRREGULAR: Record<string, readonly string[]> = {
  say: ['said', 'says', 'saying'],
  tell: ['told', 'tells', 'telling'],
  write: ['wrote', 'writes', 'writing'],
  'put it': ['put it', 'puts it', 'putting it'],
  'point out': ['pointed out', 'points out', 'pointing out'],
  'fire back': ['fired back', 'fires back', 'firing back'],
  'hit back': ['hit back', 'hits back', 'hitting back'],
};

function inflect(base: string): string[] {
  const irregular = Object.hasOwn(IRREGULAR, base) ? IRREGULAR[base] : undefined;
  if (irregular) return [...irregular];
  const stem = base.endsWith('e') ? base.slice(0, -1) : base;
  if (/[^aeiou]y$/u.test(base)) {
    const b = base.slice(0, -1);
    return [`${b}ied`, `${b}ies`, `${base}ing`];
  }
  const doubled = /^(?:admit|quip|scoff)$/u.test(base) ? base + base.slice(-1) : stem;
  return [
    `${doubled}ed`,
    base.endsWith('s') || base.endsWith('sh') ? `${base}es` : `${base}s`,
    `${base.endsWith('e') ? stem : doubled}ing`,
  ];
}

/** Base forms that attribute as often as they do anything else: "Analysts say …", "Critics call it …". */
const BARE = [
  'say',
  'tell',
  'add',
  'warn',
  'claim',
  'insist',
  'argue',
  'write',
  'admit',
  'deny',
  'predict',
  'call',
  'describe',
];

export const SPEECH_VERBS: readonly string[] = [...new Set([...BARE, ...BASES.flatMap(inflect)])].sort(
  (a, b) => b.length - a.length || a.localeCompare(b),
);

/** Alternation of every inflected verb, longest first so "pointed out" wins over "pointed". */
export const VERB_ALT = SPEECH_VERBS.map((v) => v.replace(/ /gu, '\\s+')).join('|');

/** Single-word forms, for fast membership tests while scanning words. */
export const SPEECH_VERB_SET: ReadonlySet<string> = new Set(SPEECH_VERBS.filter((v) => !v.includes(' ')));

/** Verbs that only attribute a quote when it follows them closely (they also have non-speech uses). */
export const WEAK_VERBS: ReadonlySet<string> = new Set([
  'called',
  'calling',
  'calls',
  'described',
  'describing',
  'describes',
  'posted',
  'posting',
  'continued',
  'continuing',
  'continues',
  'noted',
  'noting',
  'notes',
  'stated',
  'states',
  'stating',
  'demanded',
  'demanding',
]);
