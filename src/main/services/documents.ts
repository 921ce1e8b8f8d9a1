/**
 * Open transcripts: reading a file into text (with its encoding remembered) and writing
 * it back in the same encoding, byte-order mark and line endings.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { OpenedTranscript, SaveResult } from '../../shared/api';
import { MAX_TRANSCRIPT_BYTES } from '../../shared/api-checks';
import { detectFormat, getFormat, type FormatId } from '../../shared/formats';
import type { LineEnding } from '../../shared/text/lines';
import { writeFileAtomic } from './atomic-write';
import { decodeText, encodeText, UnreadableFileError } from './encoding';
import { newId } from './ids';
import { UserError, describeFileError } from './user-error';

interface DocumentRecord {
  id: string;
  name: string;
  path: string | null;
  format: FormatId;
  encoding: string;
  bom: boolean;
  lineEnding: LineEnding;
}

/** The format to assume when detection finds nothing: by extension, else SRT. */
function fallbackFormat(name: string): FormatId {
  return name.toLowerCase().endsWith('.txt') ? 'whisper' : 'srt';
}

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
    let decoded;
    try {
      decoded = decodeText(bytes, name);
    } catch (error) {
      if (error instanceof UnreadableFileError) throw new UserError(error.message);
      throw error;
    }
    const notices = [...decoded.notices];
    const empty = decoded.text.trim() === '';
    if (empty) notices.push(`${name} is empty.`);
    const detected = detectFormat(decoded.text, name);
    let format: FormatId;
    if (detected) {
      format = detected.id;
    } else {
      format = fallbackFormat(name);
      if (!empty) notices.push(`Could not recognise the format of ${name}; reading it as ${getFormat(format).label}.`);
    }
    const record: DocumentRecord = {
      id: newId(),
      name,
      path: filePath,
      format,
      encoding: decoded.encoding,
      bom: decoded.bom,
      lineEnding: decoded.lineEnding,
    };
    this.documents.set(record.id, record);
    return { ...record, text: decoded.text, notices };
  }

  private record(id: string): DocumentRecord {
    const record = this.documents.get(id);
    if (!record) throw new UserError('That document is no longer open.');
    return record;
  }

  /** The file name to suggest in a Save As dialog, and whether the document has a file yet. */
  describe(id: string): { name: string; hasFile: boolean } {
    const record = this.record(id);
    return { name: record.name, hasFile: record.path !== null };
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
