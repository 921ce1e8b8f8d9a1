/**
 * `npx tsx bench/run.ts mojibake`: what the mojibake check costs while the user types.
 * The editor runs `looksLikeMojibake` on every cue of a 20,000-cue file and the full
 * `repairMojibake` only where it says yes. Baseline, measured in the same run: one
 * regular-expression test per cue (`/[\u0080-\uffff]/`, any non-ASCII code unit: the
 * cheapest check that reads all of a clean cue).
 */
import { performance } from 'node:perf_hooks';
import { looksLikeMojibake, misdecodeAsWindows1252, repairMojibake } from '../../src/shared/text/mojibake';

const CUE_COUNT = 20_000;
const WARM_UP_ROUNDS = 5;
const MEASURED_ROUNDS = 15;

/** Deterministic, so every run times the same cues (mulberry32). */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = seededRandom(20_000);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const ENGLISH_WORDS = (
  'the a we you they it is was going to know what that this there here right now just really think ' +
  'well okay yeah no so but and then when where why how people time way thing look come back get ' +
  'make said told him her them about over again never always maybe something nothing everyone'
).split(' ');
const ENGLISH_EXTRAS = ['don’t', 'it’s', '“really”', '— well', 'I’m', '…'];
const OTHER_LANGUAGES = [
  'Où est la bibliothèque ? Je ne sais pas, c’est à côté du café.',
  'Il a dit « déjà vu » et puis il est parti à la gare.',
  'Größere Änderungen kommen übermorgen, sagte der Bürgermeister.',
  '¿Qué pasó mañana? ¡Nadie lo sabe, señor Núñez!',
  'Não sei se ela vai à reunião amanhã à tarde.',
  'Zażółć gęślą jaźń — powiedział i wyszedł.',
  'Привет, как дела? Всё хорошо, спасибо.',
  '今日はいい天気ですね。散歩に行きましょう。',
  'Καλημέρα, τι κάνεις σήμερα;',
  'Thank you so much 🙏 see you tomorrow 👋',
  'SÃO PAULO, NÃO! ÇA VA? À BIENTÔT.',
];

function englishCue(): string {
  const words = Array.from({ length: 4 + Math.floor(random() * 10) }, () => pick(ENGLISH_WORDS));
  if (random() < 0.15) words.splice(Math.floor(random() * words.length), 0, pick(ENGLISH_EXTRAS));
  const sentence = words.join(' ');
  return sentence[0]!.toUpperCase() + sentence.slice(1) + pick(['.', '?', '!', ',', '...']);
}

/** Mostly clean English, about a quarter other languages, 3 % broken (a sixth of those twice). */
function makeCues(): string[] {
  return Array.from({ length: CUE_COUNT }, () => {
    const roll = random();
    if (roll < 0.7) return englishCue();
    if (roll < 0.97) return pick(OTHER_LANGUAGES);
    const broken = misdecodeAsWindows1252(random() < 0.5 ? pick(OTHER_LANGUAGES) : `${englishCue()} ${pick(ENGLISH_EXTRAS)}`);
    return random() < 0.17 ? misdecodeAsWindows1252(broken) : broken;
  });
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Median wall time of one pass of `check` over `texts`, after warm-up rounds. */
function time(texts: string[], check: (text: string) => unknown): number {
  let sink = 0;
  const round = () => {
    const start = performance.now();
    for (const text of texts) if (check(text)) sink++;
    return performance.now() - start;
  };
  for (let i = 0; i < WARM_UP_ROUNDS; i++) round();
  const rounds = Array.from({ length: MEASURED_ROUNDS }, round);
  if (sink < 0) console.log(sink); // keeps the checks from being optimised away
  return median(rounds);
}

const cues = makeCues();
const NON_ASCII = /[\u0080-\uffff]/;
const flagged = cues.filter(looksLikeMojibake);
const repaired = cues.filter((cue) => repairMojibake(cue) !== null);

const rows: [label: string, ms: number, cueCount: number][] = [
  ['baseline: /[\\u0080-\\uffff]/.test', time(cues, (cue) => NON_ASCII.test(cue)), cues.length],
  ['looksLikeMojibake', time(cues, looksLikeMojibake), cues.length],
  ['repairMojibake on every cue', time(cues, repairMojibake), cues.length],
  [`repairMojibake, flagged cues (${flagged.length})`, time(flagged, repairMojibake), flagged.length],
];
const asciiCues = cues.filter((cue) => !NON_ASCII.test(cue));
const asciiBaseline = time(asciiCues, (cue) => NON_ASCII.test(cue));
const asciiCheck = time(asciiCues, looksLikeMojibake);

console.log(
  `${CUE_COUNT.toLocaleString('en')} cues: ${cues.length - asciiCues.length} non-ASCII, ${flagged.length} flagged by looksLikeMojibake, ` +
    `${repaired.length} repaired. Median of ${MEASURED_ROUNDS} rounds after ${WARM_UP_ROUNDS} warm-up.`,
);
const baseline = rows[0]![1];
console.log(`${'check'.padEnd(38)}${'total ms'.padStart(10)}${'µs/cue'.padStart(10)}${'× baseline'.padStart(12)}`);
for (const [label, ms, cueCount] of rows) {
  console.log(
    `${label.padEnd(38)}${ms.toFixed(2).padStart(10)}${((ms * 1000) / cueCount).toFixed(3).padStart(10)}${(ms / baseline).toFixed(2).padStart(12)}`,
  );
}
console.log(
  `ASCII cues only (${asciiCues.length}): baseline ${asciiBaseline.toFixed(2)} ms, looksLikeMojibake ${asciiCheck.toFixed(2)} ms (× ${(asciiCheck / asciiBaseline).toFixed(2)})`,
);
