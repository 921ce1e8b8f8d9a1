/**
 * Cues from a table of start, end and text (openai-whisper TSV, whisper.cpp CSV).
 *
 * A header row names the columns (`start`, `end`, `text`, and whisper.cpp's `speaker`
 * with --diarize); without one the columns are start, end, text. Both tools write integer
 * milliseconds; a file whose times have a decimal point is read as seconds instead (aeneas
 * and Audacity label files write seconds). Text beyond the last column is kept: an
 * unquoted comma or a tab in the text splits it into more fields, which are joined back.
 */
import type { CueData } from '../cue';
import type { Row } from './delimited';
import type { OffsetDiagnostics } from './offset-diagnostics';

const TIME = /^\s*\d+(?:\.\d+)?\s*$/;

interface Columns {
  start: number;
  end: number;
  text: number;
  speaker: number;
}

function headerColumns(row: Row): Columns | null {
  const names = row.map((field) => field.value.trim().toLowerCase());
  const start = names.indexOf('start');
  const end = names.indexOf('end');
  if (start < 0 || end < 0) return null;
  return { start, end, text: names.indexOf('text'), speaker: names.indexOf('speaker') };
}

export function cuesFromTable(rows: Row[], delimiter: string, diagnostics: OffsetDiagnostics): CueData[] {
  if (rows.length === 0) return [];
  const header = headerColumns(rows[0]!);
  const columns = header ?? { start: 0, end: 1, text: 2, speaker: -1 };
  const body = header ? rows.slice(1) : rows;
  if (!header) {
    diagnostics.add(rows[0]![0]!.from, 'info', 'No "start, end, text" header; the columns are read in that order');
  }

  const inSeconds = body.some((row) => [columns.start, columns.end].some((i) => row[i]?.value.includes('.')));
  if (inSeconds) {
    const first = body.find((row) => [columns.start, columns.end].some((i) => row[i]?.value.includes('.')))!;
    diagnostics.add(first[columns.start]!.from, 'info', 'Times have a decimal point: read as seconds, not milliseconds');
  }
  const toMs = (value: string): number => Math.round(Number(value) * (inSeconds ? 1000 : 1));
  // The text runs to the end of the row when it is the last column.
  const textIsLast = columns.text >= 0 && columns.text === Math.max(columns.start, columns.end, columns.text, columns.speaker);

  const cues: CueData[] = [];
  for (const row of body) {
    const times: number[] = [];
    for (const [i, name] of [
      [columns.start, 'start'],
      [columns.end, 'end'],
    ] as const) {
      const field = row[i];
      if (!field || !TIME.test(field.value) || !Number.isFinite(toMs(field.value))) {
        const message = field ? `The ${name} time "${field.value.trim()}" is not a number; the row is left out` : `Row has no ${name} time; it is left out`;
        diagnostics.add(field?.from ?? row[0]!.from, 'error', message);
        break;
      }
      times.push(toMs(field.value));
    }
    if (times.length < 2) continue;
    const [start, end] = times as [number, number];
    const textFields = columns.text < 0 ? [] : textIsLast ? row.slice(columns.text) : row.slice(columns.text, columns.text + 1);
    const text = textFields
      .map((field) => field.value)
      .join(delimiter)
      .replace(/\r\n?/g, '\n')
      .trim();
    if (end < start) diagnostics.add(row[columns.start]!.from, 'warning', 'Row ends before it starts', { cue: cues.length });
    const cue: CueData = { start, end, text };
    const speaker = row[columns.speaker]?.value.trim();
    if (speaker) cue.meta = { speaker };
    cues.push(cue);
  }
  return cues;
}
