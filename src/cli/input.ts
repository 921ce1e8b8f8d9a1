/**
 * Reading a command's input — a file or standard input — into text with its format,
 * with the same decoding and detection as the app.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { MAX_TRANSCRIPT_BYTES } from '../shared/api-checks';
import type { Cue, CueData, Diagnostic } from '../shared/cue';
import { detectFormat, findFormat, readCues, type SubtitleFormat } from '../shared/formats';
import { decodeText, UnreadableFileError, type DecodedText } from '../main/services/encoding';
import { resolveUserPath } from '../main/services/paths';
import { describeFileError } from '../main/services/user-error';
import { InputError, UsageError, type CliIo } from './io';

export interface LoadedInput {
  /** How messages name the input: the path as given, or "<stdin>". */
  label: string;
  decoded: DecodedText;
  format: SubtitleFormat;
  cues: (Cue | CueData)[];
  diagnostics: Diagnostic[];
}

export function parseFormatOption(value: string | undefined, option: string): SubtitleFormat | undefined {
  if (value === undefined) return undefined;
  const format = findFormat(value);
  if (!format) throw new UsageError(`${option} "${value}" is not a format; "cuesmith formats" lists them.`);
  return format;
}

export async function loadInput(
  spec: string,
  io: CliIo,
  options: { from?: SubtitleFormat; inputEncoding?: string } = {},
): Promise<LoadedInput> {
  let bytes: Uint8Array;
  const label = spec === '-' ? '<stdin>' : spec;
  if (spec === '-') {
    bytes = await io.readStdin();
  } else {
    const file = resolveUserPath(spec, io.env);
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile()) throw new InputError(`${spec} is not a regular file.`);
      if (stat.size > MAX_TRANSCRIPT_BYTES) throw new InputError(`${spec} is over ${MAX_TRANSCRIPT_BYTES / 1048576} MB; not a transcript.`);
      bytes = await fs.readFile(file);
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw new InputError(describeFileError(error, 'read', spec));
    }
  }
  let decoded: DecodedText;
  try {
    decoded = decodeText(bytes, label, options.inputEncoding);
  } catch (error) {
    if (error instanceof UnreadableFileError) throw new InputError(error.message);
    throw error;
  }
  const format = options.from ?? detectFormat(decoded.text, spec === '-' ? undefined : path.basename(spec));
  if (!format) {
    throw new InputError(`Could not recognise the format of ${label}; name it with --from (see "cuesmith formats").`);
  }
  if (format.kind === 'export') throw new UsageError(`${format.label} can be written but not read.`);
  const { cues, diagnostics } = readCues(format, decoded.text);
  return { label, decoded, format, cues, diagnostics };
}

/** `file:line:col: severity: message`, the form editors and CI annotate. */
export function formatDiagnostic(label: string, d: Diagnostic): string {
  return `${label}:${d.line}:${d.column}: ${d.severity}: ${d.message}`;
}

/** Which cue a diagnostic concerns: as its producer said, else the cue whose source span holds it. */
export function cueOfDiagnostic(cues: readonly (Cue | CueData)[], d: Diagnostic): number | null {
  if (d.cue !== undefined) return d.cue;
  for (let i = 0; i < cues.length; i++) {
    const cue = cues[i]!;
    if ('from' in cue && d.from >= cue.from && d.from <= cue.to) return i;
  }
  return null;
}
