/**
 * Open media files: probed when opened, registered under an opaque id so the hosts serve
 * only files the user opened, analysed once (peaks + energy, cached on disk) with progress
 * and cancellation, and, where browsers seek badly (VBR MP3) or cannot pick the track,
 * given an accurate editing proxy.
 */
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { AnalysisProgressInfo, MediaKind, OpenedMedia, PeaksData } from '../../shared/api';
import type { AudioAnalysis } from '../../shared/audio/analysis';
import { rangeHeaders, resolveRange } from '../../shared/http-range';
import { FFMPEG_MISSING_MESSAGE, resolveMediaTools, type MediaTools } from './ffmpeg';
import { newId } from './ids';
import { AnalysisJob, CanceledError } from './media-analysis';
import { fingerprint, type MediaCache } from './media-cache';
import { ProbeError, probeMedia, type ProbeResult } from './probe';
import { ProxyJob } from './proxy';
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
  probe: ProbeResult;
  track: number;
  /** What the media element plays: the file itself, or an editing proxy. */
  playback: { path: string; contentType: string; proxy: boolean };
  analysis?: AnalysisJob;
  proxyJob?: ProxyJob;
}

export interface MediaResponse {
  status: 200 | 206 | 404 | 416;
  headers: Record<string, string>;
  /** Null for HEAD, 404 and 416. */
  body: Readable | null;
}

export interface MediaStoreOptions {
  /** How the renderer's media element reaches an id in this host. */
  urlFor: (id: string) => string;
  /** Resolved on every use, so a changed setting applies at once. */
  tools?: () => MediaTools;
  cache?: MediaCache | null;
}

export class MediaStore {
  private readonly media = new Map<string, MediaRecord>();
  /** Opens under way, by path: two quick opens of one file must give one record. */
  private readonly opening = new Map<string, Promise<MediaRecord>>();
  private readonly urlFor: (id: string) => string;
  private readonly tools: () => MediaTools;
  private readonly cache: MediaCache | null;

  constructor(options: MediaStoreOptions) {
    this.urlFor = options.urlFor;
    this.tools = options.tools ?? (() => resolveMediaTools(undefined));
    this.cache = options.cache ?? null;
  }

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
    // Opening a file stops the analyses of the others: only one recording is worked on.
    for (const record of this.media.values()) {
      if (record.path !== absolute) {
        record.analysis?.cancel();
        record.proxyJob?.cancel();
      }
    }
    // Opening the same file twice reuses its id, so it is analysed once.
    for (const record of this.media.values()) {
      if (record.path === absolute) return this.describe(record);
    }
    let pending = this.opening.get(absolute);
    if (!pending) {
      pending = this.register(absolute, name, known.type);
      this.opening.set(absolute, pending);
      pending.finally(() => this.opening.delete(absolute)).catch(() => undefined);
    }
    return this.describe(await pending);
  }

  private async register(absolute: string, name: string, contentType: string): Promise<MediaRecord> {
    let probe: ProbeResult;
    try {
      probe = await probeMedia(absolute, this.tools().ffprobe);
    } catch (error) {
      if (error instanceof ProbeError && !this.tools().ffmpeg) throw new UserError(`Cannot open ${name}. ${FFMPEG_MISSING_MESSAGE}`);
      throw new UserError(`Could not read ${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (probe.audio.length === 0) throw new UserError(`${name} has no audio track.`);
    const record: MediaRecord = {
      id: newId(),
      name,
      path: absolute,
      contentType,
      probe,
      track: 0,
      playback: { path: absolute, contentType, proxy: false },
    };
    this.media.set(record.id, record);
    return record;
  }

  private describe(record: MediaRecord): OpenedMedia {
    const { probe } = record;
    const url = this.urlFor(record.id) + (record.playback.proxy ? `?playback=${encodeURIComponent(path.basename(record.playback.path))}` : '');
    return {
      id: record.id,
      name: record.name,
      path: record.path,
      url,
      kind: probe.video ? 'video' : 'audio',
      duration: probe.duration,
      tracks: probe.audio.map((t) => ({
        index: t.index,
        label: [t.title, t.language, `${t.codec} ${t.channels === 1 ? 'mono' : t.channels === 2 ? 'stereo' : `${t.channels} ch`}`]
          .filter(Boolean)
          .join(' · '),
      })),
      track: record.track,
      vbrMp3: probe.vbrMp3,
      proxy: record.playback.proxy,
    };
  }

  private record(id: string): MediaRecord {
    const record = this.media.get(id);
    if (!record) throw new UserError('That media file is not open.');
    return record;
  }

  private job(record: MediaRecord): AnalysisJob {
    const running = record.analysis?.progress().state;
    if (!record.analysis || running === 'canceled' || running === 'failed') {
      record.analysis = new AnalysisJob({
        file: record.path,
        name: record.name,
        track: record.track,
        duration: record.probe.duration,
        ffmpeg: this.tools().ffmpeg,
        cache: this.cache,
      });
    }
    return record.analysis;
  }

  /** The whole analysis (waits for it; starts it when needed). */
  async analysis(id: string): Promise<AudioAnalysis> {
    const record = this.record(id);
    try {
      return await this.job(record).result;
    } catch (error) {
      if (error instanceof CanceledError) throw new UserError(`Reading the audio of ${record.name} was canceled.`);
      throw error;
    }
  }

  async peaks(id: string): Promise<PeaksData> {
    const analysis = await this.analysis(id);
    return { duration: analysis.duration, rate: analysis.peaksPerSecond, peaks: analysis.peaks };
  }

  /** How far the analysis or the editing proxy has come. */
  progress(id: string): AnalysisProgressInfo {
    const record = this.record(id);
    const proxy = record.proxyJob?.progress();
    if (proxy?.state === 'running') return { task: 'proxy', ...proxy };
    const analysis = record.analysis?.progress();
    return analysis ? { task: 'analysis', ...analysis } : { task: 'analysis', state: 'running', fraction: 0, secondsRemaining: null };
  }

  cancel(id: string): void {
    const record = this.record(id);
    record.analysis?.cancel();
    record.proxyJob?.cancel();
  }

  /** Switches the analysed (and played) audio track; other tracks play through a proxy. */
  async selectTrack(id: string, track: number): Promise<OpenedMedia> {
    const record = this.record(id);
    if (!record.probe.audio.some((t) => t.index === track)) throw new UserError(`${record.name} has no audio track ${track + 1}.`);
    if (track !== record.track) {
      record.analysis?.cancel();
      record.analysis = undefined;
      record.track = track;
      record.playback = { path: record.path, contentType: record.contentType, proxy: false };
      // Browsers play a file's first audio track only.
      if (track !== 0) await this.makeProxy(id);
    }
    return this.describe(record);
  }

  /**
   * An accurate editing copy of the selected track (AAC in MP4, which browsers seek to the
   * sample), made once with ffmpeg and kept in the cache.
   */
  async makeProxy(id: string): Promise<OpenedMedia> {
    const record = this.record(id);
    const ffmpeg = this.tools().ffmpeg;
    if (!ffmpeg) throw new UserError(FFMPEG_MISSING_MESSAGE);
    if (!this.cache) throw new UserError('There is no cache folder for an editing copy.');
    const target = this.cache.proxyPath(await fingerprint(record.path, record.track), 'm4a');
    await fs.mkdir(this.cache.folder, { recursive: true });
    const exists = await fs.stat(target).then((s) => s.size > 0, () => false);
    if (!exists) {
      record.proxyJob?.cancel();
      record.proxyJob = new ProxyJob({ ffmpeg, source: record.path, track: record.track, target, duration: record.probe.duration, name: record.name });
      try {
        await record.proxyJob.result;
      } catch (error) {
        if (error instanceof CanceledError) throw new UserError(`Making the editing copy of ${record.name} was canceled.`);
        throw error;
      }
      await this.cache.evict();
    } else {
      await this.cache.touch(target);
    }
    record.playback = { path: target, contentType: 'audio/mp4', proxy: true };
    return this.describe(record);
  }

  /**
   * Answers a media request: only ids handed out by openFile are served; anything else
   * (a path, `..`, an unknown token) is a 404.
   */
  async respond(id: string, rangeHeader: string | null | undefined, method: string): Promise<MediaResponse> {
    const record = this.media.get(id);
    if (!record) return { status: 404, headers: { 'Content-Length': '0' }, body: null };
    const { path: file, contentType } = record.playback;
    let size: number;
    try {
      size = (await fs.stat(file)).size;
    } catch {
      return { status: 404, headers: { 'Content-Length': '0' }, body: null };
    }
    const answer = resolveRange(rangeHeader, size);
    const headers = rangeHeaders(answer, size, contentType);
    if (answer.status === 416) return { status: 416, headers, body: null };
    const body = method === 'HEAD' || answer.length === 0 ? null : createReadStream(file, { start: answer.start, end: answer.end });
    return { status: answer.status, headers, body };
  }
}
