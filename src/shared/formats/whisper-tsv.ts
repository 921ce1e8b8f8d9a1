/**
 * openai-whisper's `--output_format tsv` (whisper/utils.py WriteTSV): a `start\tend\ttext`
 * header, then one segment a row with integer milliseconds (`round(1000 * seconds)`) and
 * the text stripped, its tabs replaced by spaces. There is no quoting, so writing turns
 * tabs and line breaks in a cue's text into spaces.
 */
import type { CueData } from '../cue';
import { readTsvRows } from './delimited';
import { OffsetDiagnostics } from './offset-diagnostics';
import { cuesFromTable } from './timed-table';
import type { DataFormat, SerializeOptions } from './types';

function read(text: string) {
  const diagnostics = new OffsetDiagnostics(text);
  const cues = cuesFromTable(readTsvRows(text), '\t', diagnostics);
  return { cues, diagnostics: diagnostics.list };
}

function serialize(cues: readonly CueData[], options: SerializeOptions = {}): string {
  const eol = options.eol ?? '\n';
  const rows = cues.map((cue) => `${Math.round(cue.start)}\t${Math.round(cue.end)}\t${cue.text.replace(/[\t\r\n]+/g, ' ')}`);
  return ['start\tend\ttext', ...rows].join(eol) + eol;
}

function detect(text: string, fileName?: string): number {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '');
  if (/^start\tend\ttext[ \t]*(?:\r|\n|$)/i.test(head)) return 0.95;
  // Headerless start/end rows (aeneas, Audacity labels).
  if (/^\s*\d+(?:\.\d+)?\t\d+(?:\.\d+)?\t/.test(head)) return fileName?.toLowerCase().endsWith('.tsv') ? 0.6 : 0.5;
  return 0;
}

export const whisperTsv: DataFormat = {
  kind: 'data',
  id: 'tsv',
  label: 'Whisper TSV',
  extensions: ['tsv'],
  detect,
  read,
  serialize,
};
