#!/usr/bin/env node
// Regenerates the bundled sample (resources/sample): a short speech recording made with
// espeak-ng, and a Whisper-style transcript of it with the flaws speech-to-text leaves:
// timings ~0.5 s late, a sentence repeated three times, a 40 ms cue, a mojibake word and
// an over-long line. Also writes the true timings (sample-reference.srt) for tests.
// Needs espeak-ng, sox and ffmpeg. Run: node scripts/make-sample.js
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const out = path.resolve(import.meta.dirname, '..', 'resources', 'sample');
const work = mkdtempSync(path.join(os.tmpdir(), 'cuesmith-sample-'));
const RATE = 22050;
const LEAD = 1.0;
const GAP = 0.7;
const TAIL = 3.0; // silence at the end, where the decoding loop's repeats sit

const sentences = [
  'Welcome to this short talk about the animals of the Andes.',
  'Llamas and alpacas were domesticated thousands of years ago.',
  'Their smaller wild cousin is the Vicuña.',
  'Its wool is the finest in the world.',
  'Herders still move their animals between high pastures every season, and the animals know the way.',
  'Thank you for listening.',
];

const run = (cmd, args) => execFileSync(cmd, args, { encoding: 'utf8' });
const duration = (file) => Number(run('soxi', ['-D', file]).trim());

// Speak each sentence, trim its silence, and note where it lands on the timeline.
const parts = [];
const reference = [];
let t = LEAD;
run('sox', ['-n', '-r', String(RATE), '-c', '1', path.join(work, 'lead.wav'), 'trim', '0', String(LEAD)]);
run('sox', ['-n', '-r', String(RATE), '-c', '1', path.join(work, 'gap.wav'), 'trim', '0', String(GAP)]);
run('sox', ['-n', '-r', String(RATE), '-c', '1', path.join(work, 'tail.wav'), 'trim', '0', String(TAIL)]);
parts.push(path.join(work, 'lead.wav'));
sentences.forEach((sentence, i) => {
  const raw = path.join(work, `raw${i}.wav`);
  const trimmed = path.join(work, `s${i}.wav`);
  run('espeak-ng', ['-v', 'en-us', '-s', '155', '-w', raw, sentence]);
  run('sox', [raw, '-r', String(RATE), '-c', '1', trimmed, 'silence', '1', '0.02', '0.5%', 'reverse', 'silence', '1', '0.02', '0.5%', 'reverse']);
  const length = duration(trimmed);
  reference.push({ start: t, end: t + length, text: sentence });
  t += length;
  parts.push(trimmed);
  if (i < sentences.length - 1) {
    parts.push(path.join(work, 'gap.wav'));
    t += GAP;
  }
});
parts.push(path.join(work, 'tail.wav'));
const joined = path.join(work, 'joined.wav');
run('sox', [...parts, joined]);
run('ffmpeg', ['-v', 'error', '-y', '-i', joined, '-c:a', 'libopus', '-b:a', '32k', '-ac', '1', path.join(out, 'sample.ogg')]);

const ms = (s) => Math.round(s * 1000);
const clock = (milli, sep) => {
  const h = Math.floor(milli / 3600000);
  const m = Math.floor((milli % 3600000) / 60000);
  const s = Math.floor((milli % 60000) / 1000);
  const pad = (n, w = 2) => String(n).padStart(w, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}${sep}${pad(milli % 1000, 3)}`;
};
// Whisper writes times in 10 ms steps.
const whisperTime = (s) => clock(Math.round(s * 100) * 10, '.');

writeFileSync(
  path.join(out, 'sample-reference.srt'),
  reference.map((c, i) => `${i + 1}\n${clock(ms(c.start), ',')} --> ${clock(ms(c.end), ',')}\n${c.text}\n`).join('\n'),
);

// The flawed transcript, as whisper.cpp prints it.
const LATE = 0.5;
const r = reference;
const cues = [
  [r[0].start + LATE, r[0].end + LATE, r[0].text],
  [r[1].start + LATE, r[1].end + LATE, r[1].text],
  // Mojibake: UTF-8 read as Windows-1252.
  [r[2].start + LATE, r[2].end + LATE, r[2].text.replace('Vicuña', 'VicuÃ±a')],
  // A whole sentence squeezed into 40 ms.
  [r[3].start + LATE, r[3].start + LATE + 0.04, r[3].text],
  // One over-long line, far beyond 42 characters.
  [r[4].start + LATE, r[4].end + LATE, r[4].text],
  [r[5].start + LATE, r[5].end + LATE, r[5].text],
  // A decoding loop: the last sentence twice more, over the silence at the end.
  [r[5].end + LATE + 0.3, r[5].end + LATE + 1.1, r[5].text],
  [r[5].end + LATE + 1.1, r[5].end + LATE + 1.9, r[5].text],
];
writeFileSync(
  path.join(out, 'sample.txt'),
  cues.map(([start, end, text]) => `[${whisperTime(start)} --> ${whisperTime(end)}]   ${text}\n`).join(''),
);
rmSync(work, { recursive: true, force: true });
console.log(`sample: ${(t + TAIL).toFixed(2)}s of speech, ${cues.length} cues → ${out}`);
