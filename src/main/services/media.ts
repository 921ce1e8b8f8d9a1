/**
 * Open media files: registered under an opaque id so the hosts serve only files the user
 * opened, played by Range requests, and turned into waveform peaks.
 */
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { MediaKind, OpenedMedia, PeaksData } from '../../shared/api';
import { rangeHeaders, resolveRange } from '../../shared/http-range';
import { FFMPEG_MISSING_MESSAGE, findFfmpeg } from './ffmpeg';
import { newId } from './ids';
import { computePeaksWithFfmpeg } from './peaks';
import { UserError, describeFileError } from './user-error';

const CONTENT_TYPES: Record<string, { type: string; kind: MediaKind }> = {
  '.mp3': { type: 'audio/mpeg', kind: 'audio' },
  '.ogg': { type: 'audio/ogg', kind: 'audio' },
  '.oga': { type: 'audio/ogg', kind: 'audio' },
  '.opus': { type: 'audio/ogg', kind: 'audio' },
  '.wav': { type: 'audio/wav', kind: 'audio' },
  '.flac': { type: 'audio/flac', kind: 'audio' },
  '.m4a': { type: 'audio/mp4', kind: 'audio' },
  '.aac': { type: 'audio/aac', kind: 'audio' },
  '.weba': { type: 'audio/webm', kind: 'audio' },
  '.mp4': { type: 'video/mp4', kind: 'video' },
  '.m4v': { type: 'video/mp4', kind: 'video' },
  '.webm': { type: 'video/webm', kind: 'video' },
  '.mkv': { type: 'video/x-matroska', kind: 'video' },
  '.mov': { type: 'video/quicktime', kind: 'video' },
  '.ogv': { type: 'video/ogg', kind: 'video' },
};

export const MEDIA_EXTENSIONS = Object.keys(CONTENT_TYPES).map((e) => e.slice(1));

interface MediaRecord {
  id: string;
  name: string;
  path: string;
  contentType: string;
  kind: MediaKind;
  peaks?: Promise<PeaksData>;
}

export interface MediaResponse {
  status: 200 | 206 | 404 | 416;
  headers: Record<string, string>;
  /** Null for HEAD, 404 and 416. */
  body: Readable | null;
}

export class MediaStore {
  private readonly media = new Map<string, MediaRecord>();

  /** `urlFor` spells the URL the renderer plays an id from in this host. */
  constructor(
    private readonly urlFor: (id: string) => string,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  async openFile(filePath: string): Promise<OpenedMedia> {
    const absolute = path.resolve(filePath);
    const name = path.basename(absolute);
    let stat;
    try {
      stat = await fs.stat(absolute);
    } catch (error) {
      throw new UserError(describeFileError(error, 'open', absolute));
    }
    if (!stat.isFile()) throw new UserError(`Could not open ${absolute}: it is not a regular file.`);
    const known = CONTENT_TYPES[path.extname(absolute).toLowerCase()];
    if (!known) {
      throw new UserError(`${name} is not a media file Cuesmith knows (${MEDIA_EXTENSIONS.join(', ')}).`);
    }
    // Opening the same file twice reuses its id, so its peaks are computed once.
    for (const record of this.media.values()) {
      if (record.path === absolute) return this.describe(record);
    }
    const record: MediaRecord = { id: newId(), name, path: absolute, contentType: known.type, kind: known.kind };
    this.media.set(record.id, record);
    return this.describe(record);
  }

  private describe(record: MediaRecord): OpenedMedia {
    return { id: record.id, name: record.name, path: record.path, url: this.urlFor(record.id), kind: record.kind };
  }

  private record(id: string): MediaRecord {
    const record = this.media.get(id);
    if (!record) throw new UserError('That media file is not open.');
    return record;
  }

  peaks(id: string): Promise<PeaksData> {
    const record = this.record(id);
    if (!record.peaks) {
      const ffmpeg = findFfmpeg(this.env);
      if (!ffmpeg) return Promise.reject(new UserError(FFMPEG_MISSING_MESSAGE));
      record.peaks = computePeaksWithFfmpeg(ffmpeg, record.path, record.name);
      record.peaks.catch(() => {
        record.peaks = undefined; // let a later request try again
      });
    }
    return record.peaks;
  }

  /**
   * Answers a media request: only ids handed out by openFile are served; anything else
   * (a path, `..`, an unknown token) is a 404.
   */
  async respond(id: string, rangeHeader: string | null | undefined, method: string): Promise<MediaResponse> {
    const record = this.media.get(id);
    if (!record) return { status: 404, headers: { 'Content-Length': '0' }, body: null };
    let size: number;
    try {
      size = (await fs.stat(record.path)).size;
    } catch {
      return { status: 404, headers: { 'Content-Length': '0' }, body: null };
    }
    const answer = resolveRange(rangeHeader, size);
    const headers = rangeHeaders(answer, size, record.contentType);
    if (answer.status === 416) return { status: 416, headers, body: null };
    const body =
      method === 'HEAD' || answer.length === 0
        ? null
        : createReadStream(record.path, { start: answer.start, end: answer.end });
    return { status: answer.status, headers, body };
  }
}
