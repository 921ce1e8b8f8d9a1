/**
 * whisper.cpp console / `.txt` with timestamps, and openai-whisper's verbose console:
 * `[HH:MM:SS.mmm --> HH:MM:SS.mmm]  text` (also `[MM:SS.mmm --> MM:SS.mmm]`), one segment
 * a line. A non-blank line without a time code continues the text of the cue above it,
 * so a cue the user breaks over two lines stays one cue.
 */
import type { Cue, CueData, Diagnostic } from '../cue';
import { clockToMillis, formatHmsMillis, fractionToMillis } from '../time';
import { iterateLines } from '../text/lines';
import { lineDiagnostic } from './diagnostics';
import type { SerializeOptions, TextFormat } from './types';

const TIME = String.raw`(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:[.,](\d+))?`;
const LINE = new RegExp(String.raw`^(\s*)\[\s*${TIME}\s*-->\s*${TIME}\s*\]([ \t]*)(.*)$`);

function timeAt(match: RegExpExecArray, first: number): number {
  return clockToMillis(
    Number(match[first] ?? 0),
    Number(match[first + 1]),
    Number(match[first + 2]),
    fractionToMillis(match[first + 3] ?? ''),
  );
}

function parse(text: string) {
  const cues: Cue[] = [];
  const diagnostics: Diagnostic[] = [];
  let current: Cue | null = null;
  let pendingBlank = false;
  for (const line of iterateLines(text)) {
    const match = line.text.includes('-->') ? LINE.exec(line.text) : null;
    if (match) {
      const start = timeAt(match, 2);
      const end = timeAt(match, 6);
      const timingFrom = line.from + match[1]!.length;
      const textFrom = line.from + line.text.length - match[11]!.length;
      const timingTo = textFrom - match[10]!.length;
      if (Number.isNaN(start) || Number.isNaN(end)) {
        diagnostics.push(
          lineDiagnostic(line, 'error', 'Invalid time code; this line is ignored', timingFrom, timingTo),
        );
        current = null;
        continue;
      }
      if (end < start) {
        diagnostics.push(lineDiagnostic(line, 'warning', 'Cue ends before it starts', timingFrom, timingTo));
      }
      current = {
        start,
        end,
        text: match[11]!,
        from: timingFrom,
        to: line.to,
        timingFrom,
        timingTo,
        textFrom,
        textTo: line.to,
      };
      cues.push(current);
      pendingBlank = false;
    } else if (line.text.trim() === '') {
      pendingBlank = true;
    } else if (current && !pendingBlank) {
      current.text += '\n' + line.text;
      current.to = current.textTo = line.to;
    } else {
      const message = line.text.includes('-->')
        ? 'Malformed time code (expected [00:00:00.000 --> 00:00:00.000])'
        : 'Text outside any cue (no time code on this line or the one above)';
      diagnostics.push(lineDiagnostic(line, 'warning', message));
      current = null;
    }
  }
  return { cues, diagnostics };
}

function formatTiming(start: number, end: number): string {
  return `[${formatHmsMillis(start)} --> ${formatHmsMillis(end)}]`;
}

/** One cue line (or lines, when its text has several) with `eol` breaks, without the break after it. */
function block(cue: CueData, eol: string): string {
  return `${formatTiming(cue.start, cue.end)}  ${eol === '\n' ? cue.text : cue.text.split('\n').join(eol)}`;
}

function serialize(cues: readonly CueData[], options: SerializeOptions = {}): string {
  const eol = options.eol ?? '\n';
  if (cues.length === 0) return '';
  return cues.map((cue) => block(cue, eol)).join(eol) + eol;
}

function detect(text: string): number {
  const head = text.slice(0, 4096);
  return /^\s*\[\s*(?:\d+:)?\d{1,2}:\d{1,2}[.,]\d+\s*-->\s*(?:\d+:)?\d{1,2}:\d{1,2}[.,]\d+\s*\]/m.test(head) ? 0.95 : 0;
}

export const whisper: TextFormat = {
  kind: 'text',
  id: 'whisper',
  label: 'Whisper timestamps',
  extensions: ['txt'],
  detect,
  parse,
  serialize,
  formatTiming,
  formatBlock: (cue) => block(cue, '\n'),
  blockSeparator: '\n',
  // A line depends only on the lines above it back to its cue's time code, so a fragment
  // that starts with a cue reads like the whole document there: no head context is needed.
  readContext: () => ({ format: 'whisper' }),
  parseFragment: parse,
};
