/**
 * whisper.cpp's `-ocsv` (examples/cli/cli.cpp output_csv): a `start,end,text` header
 * (`start,end,speaker,text` with --diarize on stereo audio), then one segment a row with
 * integer milliseconds and the text always in double quotes, inner quotes doubled
 * (RFC 4180). The text keeps whisper.cpp's leading space; reading trims it.
 */
import type { CueData } from '../cue';
import { readCsvRows } from './delimited';
import { OffsetDiagnostics } from './offset-diagnostics';
import { cuesFromTable } from './timed-table';
import type { DataFormat, SerializeOptions } from './types';

function read(text: string) {
  const diagnostics = new OffsetDiagnostics(text);
  const cues = cuesFromTable(readCsvRows(text, diagnostics), ',', diagnostics);
  return { cues, diagnostics: diagnostics.list };
}

const quoted = (value: string): string => `"${value.replace(/"/g, '""')}"`;
/** whisper.cpp writes the speaker bare; quote it only when it needs quoting. */
const field = (value: string): string => (/[",\r\n]/.test(value) ? quoted(value) : value);

function serialize(cues: readonly CueData[], options: SerializeOptions = {}): string {
  const eol = options.eol ?? '\n';
  const withSpeaker = cues.some((cue) => typeof cue.meta?.speaker === 'string');
  const header = withSpeaker ? 'start,end,speaker,text' : 'start,end,text';
  const rows = cues.map((cue) => {
    const speaker = typeof cue.meta?.speaker === 'string' ? cue.meta.speaker : '';
    const times = `${Math.round(cue.start)},${Math.round(cue.end)},`;
    return times + (withSpeaker ? `${field(speaker)},` : '') + quoted(cue.text);
  });
  return [header, ...rows].join(eol) + eol;
}

function detect(text: string, fileName?: string): number {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '');
  if (/^\s*start\s*,\s*end\s*,(?:\s*speaker\s*,)?\s*text\s*(?:\r|\n|$)/i.test(head)) return 0.95;
  if (/^\s*\d+(?:\.\d+)?,\d+(?:\.\d+)?,/.test(head)) return fileName?.toLowerCase().endsWith('.csv') ? 0.6 : 0.4;
  return 0;
}

export const whisperCsv: DataFormat = {
  kind: 'data',
  id: 'csv',
  label: 'whisper.cpp CSV',
  extensions: ['csv'],
  detect,
  read,
  serialize,
};
