/**
 * Open transcripts: reading a file into text (with its encoding remembered) and writing
 * it back in the same encoding, byte-order mark and line endings. Data formats (Whisper
 * JSON, TSV, CSV, LRC) are imported: converted to WebVTT, word timings included, as a new
 * document that is saved under a .vtt name so the original is never overwritten.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { OpenedTranscript, SaveResult } from '../../shared/api';
import { MAX_TRANSCRIPT_BYTES } from '../../shared/api-checks';
import { detectFormat, getFormat, getTextFormat, type FormatId, type SubtitleFormat } from '../../shared/formats';
import { convertCues } from '../../shared/formats/convert';
import type { LineEnding } from '../../shared/text/lines';
import { writeFileAtomic } from './atomic-write';
import { decodeText, encodeText, encodingExists, UnreadableFileError, type DecodedText } from './encoding';
import { newId } from './ids';
import { UserError, describeFileError } from './user-error';

/** The editable format imported documents become. */
export const IMPORT_TARGET: FormatId = 'vtt';
/** How many reading problems of an imported file are listed as notices. */
const MAX_IMPORT_NOTICES = 5;

interface DocumentRecord {
  id: string;
  name: string;
  /** The file Save writes to; null until saved (imports, uploads). */
  path: string | null;
  /** Where a new file is suggested (next to the source of an import). */
  folder: string | null;
  format: FormatId;
  encoding: string;
  bom: boolean;
  lineEnding: LineEnding;
  /** The bytes as read, to reopen them in another encoding. */
  source: Uint8Array;
  sourceName: string;
  sourcePath: string | null;
}

/** The format to assume when detection finds nothing: by extension, else SRT. */
function fallbackFormat(name: string): FormatId {
  return name.toLowerCase().endsWith('.txt') ? 'whisper' : 'srt';
}

const withExtension = (name: string, extension: string): string => `${name.replace(/\.[^.]*$/, '')}.${extension}`;

export class DocumentStore {
  private readonly documents = new Map<string, DocumentRecord>();

  /** Reads a transcript from disk. Throws UserError naming the file on any problem. */
  async openFile(filePath: string): Promise<OpenedTranscript> {
    const absolute = path.resolve(filePath);
    const name = path.basename(absolute);
    let stat;
    try {
      stat = await fs.stat(absolute);
    } catch (error) {
      throw new UserError(describeFileError(error, 'open', absolute));
    }
    if (!stat.isFile()) throw new UserError(`Could not open ${absolute}: it is not a regular file.`);
    if (stat.size > MAX_TRANSCRIPT_BYTES) {
      throw new UserError(
        `${name} is ${(stat.size / 1048576).toFixed(0)} MB; transcripts over ${MAX_TRANSCRIPT_BYTES / 1048576} MB are not opened.`,
      );
    }
    let bytes: Uint8Array;
    try {
      bytes = await fs.readFile(absolute);
    } catch (error) {
      throw new UserError(describeFileError(error, 'read', absolute));
    }
    return this.importBytes(name, bytes, absolute);
  }

  /** Turns bytes the caller already has into an open document. */
  importBytes(name: string, bytes: Uint8Array, filePath: string | null = null): OpenedTranscript {
    if (bytes.byteLength > MAX_TRANSCRIPT_BYTES) {
      throw new UserError(`${name} is too large to open as a transcript.`);
    }
    const record: DocumentRecord = {
      id: newId(),
      name,
      path: filePath,
      folder: filePath ? path.dirname(filePath) : null,
      format: 'srt',
      encoding: 'utf-8',
      bom: false,
      lineEnding: 'lf',
      source: bytes,
      sourceName: name,
      sourcePath: filePath,
    };
    const opened = this.read(record, decode(bytes, name));
    this.documents.set(record.id, record);
    return opened;
  }

  /** Reads the document's original bytes again in the encoding the user chose. */
  reopenWithEncoding(id: string, encoding: string): OpenedTranscript {
    const record = this.record(id);
    if (!encodingExists(encoding)) throw new UserError(`"${encoding}" is not an encoding Cuesmith knows.`);
    record.name = record.sourceName;
    record.path = record.sourcePath;
    return this.read(record, decode(record.source, record.sourceName, encoding));
  }

  /** Fills the record from decoded text and describes the document for the renderer. */
  private read(record: DocumentRecord, decoded: DecodedText): OpenedTranscript {
    const name = record.sourceName;
    const notices = [...decoded.notices];
    const empty = decoded.text.trim() === '';
    if (empty) notices.push(`${name} is empty.`);
    let format: SubtitleFormat | null = detectFormat(decoded.text, name);
    if (!format) {
      format = getFormat(fallbackFormat(name));
      if (!empty) notices.push(`Could not recognise the format of ${name}; reading it as ${format.label}.`);
    }
    Object.assign(record, { encoding: decoded.encoding, bom: decoded.bom, lineEnding: decoded.lineEnding });
    if (format.kind === 'text') {
      record.format = format.id;
      return this.describe(record, decoded.text, notices);
    }
    if (format.kind !== 'data') throw new UserError(`${format.label} files can be written but not opened.`);
    // An import: the editable text is new, and saving it must not overwrite the source file.
    const { cues, diagnostics } = format.read(decoded.text);
    const target = getTextFormat(IMPORT_TARGET);
    for (const d of diagnostics.slice(0, MAX_IMPORT_NOTICES)) notices.push(`${name}:${d.line}:${d.column}: ${d.message}`);
    if (diagnostics.length > MAX_IMPORT_NOTICES) notices.push(`…and ${diagnostics.length - MAX_IMPORT_NOTICES} more problems in ${name}.`);
    const timedWords = cues.some((c) => c.words?.some((w) => w.start !== null));
    notices.push(
      `Imported ${name} (${format.label}) as ${target.label}${timedWords ? ' with word timings' : ''}; ` +
        `saving writes ${withExtension(name, target.extensions[0]!)}, not the original.`,
    );
    Object.assign(record, {
      format: target.id,
      name: withExtension(name, target.extensions[0]!),
      path: null,
      encoding: 'utf-8',
      bom: false,
      lineEnding: 'lf',
    });
    return this.describe(record, target.serialize(convertCues(cues, format.id, target.id)), notices, format.id);
  }

  private describe(record: DocumentRecord, text: string, notices: string[], importedFrom?: FormatId): OpenedTranscript {
    const { id, name, path: filePath, format, encoding, bom, lineEnding } = record;
    return { id, name, path: filePath, format, encoding, bom, lineEnding, text, notices, importedFrom: importedFrom ?? null };
  }

  private record(id: string): DocumentRecord {
    const record = this.documents.get(id);
    if (!record) throw new UserError('That document is no longer open.');
    return record;
  }

  /** The file name and folder to suggest in a Save As dialog, and whether the document has a file yet. */
  describeForSave(id: string): { name: string; folder: string | null; hasFile: boolean } {
    const record = this.record(id);
    return { name: record.name, folder: record.folder, hasFile: record.path !== null };
  }

  /** Saves to the document's own file. Fails (without throwing) when it has none. */
  async save(id: string, text: string): Promise<SaveResult> {
    const record = this.record(id);
    if (!record.path) return { ok: false, canceled: false, message: `${record.name} has no file on disk yet; use Save As.` };
    return this.write(record, record.path, text);
  }

  /** Saves to a new path, which becomes the document's file. */
  async saveAs(id: string, text: string, target: string): Promise<SaveResult> {
    const record = this.record(id);
    const result = await this.write(record, path.resolve(target), text);
    if (result.ok) {
      record.path = result.path;
      record.name = result.name;
      record.folder = path.dirname(result.path);
    }
    return result;
  }

  private async write(record: DocumentRecord, target: string, text: string): Promise<SaveResult> {
    const bytes = encodeText(text, record.encoding, record.bom, record.lineEnding);
    try {
      await writeFileAtomic(target, bytes);
    } catch (error) {
      return { ok: false, canceled: false, message: describeFileError(error, 'save', target) };
    }
    return { ok: true, path: target, name: path.basename(target) };
  }
}

function decode(bytes: Uint8Array, name: string, encoding?: string): DecodedText {
  try {
    return decodeText(bytes, name, encoding);
  } catch (error) {
    if (error instanceof UnreadableFileError) throw new UserError(error.message);
    throw error;
  }
}
