/**
 * Plain text export: the words without timings, for reading, quoting or a transcript
 * document. One cue a line by default, as openai-whisper's `.txt` writes segments (a
 * cue's own line breaks become spaces). `timestamps` starts each line (or paragraph) with
 * `[HH:MM:SS]`, the form noScribe inserts in its transcripts (start time, whole seconds
 * rounded down). `paragraphGap` joins cues into paragraphs separated by a blank line,
 * breaking where the pause before a cue is longer than the gap. Cues without text are
 * skipped; markup has been stripped by the conversion layer before this runs.
 */
import type { CueData } from '../cue';
import { splitClock } from '../time';
import type { ExportFormat, SerializeOptions } from './types';

const pad = (n: number): string => String(n).padStart(2, '0');

function stamp(ms: number): string {
  const { hours, minutes, seconds } = splitClock(Math.floor(Math.max(0, ms) / 1000) * 1000);
  return `[${pad(hours)}:${pad(minutes)}:${pad(seconds)}]`;
}

function serialize(cues: readonly CueData[], options: SerializeOptions = {}): string {
  const eol = options.eol ?? '\n';
  const gap = options.paragraphGap;
  const paragraphs = gap !== undefined && Number.isFinite(gap);
  const blocks: { start: number; texts: string[] }[] = [];
  let lastEnd = -Infinity;
  for (const cue of cues) {
    const text = cue.text.split('\n').map((line) => line.trim()).filter((line) => line !== '').join(' ');
    if (text === '') continue;
    const current = blocks[blocks.length - 1];
    if (current && paragraphs && cue.start - lastEnd <= gap) {
      current.texts.push(text);
      // With overlapping cues, the pause is measured from the paragraph's latest end.
      lastEnd = Math.max(lastEnd, cue.end);
    } else {
      blocks.push({ start: cue.start, texts: [text] });
      lastEnd = cue.end;
    }
  }
  const lines = blocks.map((block) => (options.timestamps ? `${stamp(block.start)} ` : '') + block.texts.join(' '));
  if (lines.length === 0) return '';
  return lines.join(paragraphs ? eol + eol : eol) + eol;
}

export const plainText: ExportFormat = {
  kind: 'export',
  id: 'txt',
  label: 'Plain text',
  extensions: ['txt'],
  serialize,
};
