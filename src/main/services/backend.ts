/**
 * The substance of the API, shared by both hosts: each host supplies only its transport,
 * how media URLs are spelled, and (Electron) native dialogs.
 */
import path from 'node:path';
import type { CuesmithApi, HostInfo, OpenedMedia, OpenedTranscript, SaveResult, Session } from '../../shared/api';
import { DocumentStore } from './documents';
import { resolveMediaTools } from './ffmpeg';
import { MediaStore } from './media';
import { MediaCache } from './media-cache';
import type { SettingsStore } from './settings';
import { UserError } from './user-error';

/** Native dialogs; each returns a chosen path or null when the user cancels. */
export interface Dialogs {
  openTranscript(): Promise<string | null>;
  openMedia(): Promise<string | null>;
  /** Choose an ffmpeg executable. */
  locateFfmpeg(): Promise<string | null>;
  /** `suggested` is a file name, or a full path in the folder to start in. */
  saveAs(suggested: string): Promise<string | null>;
}

export interface BackendOptions {
  host: HostInfo;
  settings: SettingsStore;
  /** The app's data folder; its `cache` subfolder holds audio analyses and editing copies. */
  dataDir: string;
  /** Folder holding the bundled sample (sample.txt + sample.ogg). */
  sampleDir: string;
  mediaUrl: (id: string) => string;
  dialogs?: Dialogs;
  /** Files named on the command line. */
  startup?: { transcript?: string; media?: string };
  env?: NodeJS.ProcessEnv;
}

export const SAMPLE_TRANSCRIPT = 'sample.txt';
export const SAMPLE_MEDIA = 'sample.ogg';

export interface Backend extends CuesmithApi {
  readonly documents: DocumentStore;
  readonly media: MediaStore;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function createBackend(options: BackendOptions): Backend {
  const { settings, dialogs } = options;
  const documents = new DocumentStore();
  const env = options.env ?? process.env;
  const media = new MediaStore({
    urlFor: options.mediaUrl,
    tools: () => resolveMediaTools(settings.ffmpegPath, env),
    cache: new MediaCache(path.join(options.dataDir, 'cache')),
  });

  const needDialogs = (): Dialogs => {
    if (!dialogs) throw new UserError('This host has no file dialogs; use the file picker in the page.');
    return dialogs;
  };

  async function openTranscriptPath(file: string): Promise<OpenedTranscript> {
    const opened = await documents.openFile(file);
    await settings.addRecent({ path: opened.path!, name: opened.name, kind: 'transcript' });
    return opened;
  }

  async function openMediaPath(file: string): Promise<OpenedMedia> {
    const opened = await media.openFile(file);
    await settings.addRecent({ path: opened.path!, name: opened.name, kind: 'media' });
    return opened;
  }

  /** Opens what it can and reports the rest as problems, so one bad file does not hide the other. */
  async function openSession(transcriptPath?: string, mediaPath?: string): Promise<Session> {
    const session: Session = { transcript: null, media: null, problems: [] };
    if (transcriptPath) {
      try {
        session.transcript = await openTranscriptPath(transcriptPath);
      } catch (error) {
        session.problems.push(messageOf(error));
      }
    }
    if (mediaPath) {
      try {
        session.media = await openMediaPath(mediaPath);
      } catch (error) {
        session.problems.push(messageOf(error));
      }
    }
    return session;
  }

  async function saveAs(documentId: string, text: string): Promise<SaveResult> {
    const { name, folder } = documents.describeForSave(documentId);
    const target = await needDialogs().saveAs(folder ? path.join(folder, name) : name);
    if (!target) return { ok: false, canceled: true, message: 'Save canceled.' };
    const result = await documents.saveAs(documentId, text, target);
    if (result.ok) await settings.addRecent({ path: result.path, name: result.name, kind: 'transcript' });
    return result;
  }

  return {
    documents,
    media,
    async hostInfo() {
      return options.host;
    },
    async startupSession() {
      return openSession(options.startup?.transcript, options.startup?.media);
    },
    async openSample() {
      // The sample is not added to recent files: it is always one click away.
      const session: Session = { transcript: null, media: null, problems: [] };
      session.transcript = await documents.openFile(path.join(options.sampleDir, SAMPLE_TRANSCRIPT));
      session.media = await media.openFile(path.join(options.sampleDir, SAMPLE_MEDIA));
      return session;
    },
    async openTranscriptDialog() {
      const file = await needDialogs().openTranscript();
      return file ? openTranscriptPath(file) : null;
    },
    async openMediaDialog() {
      const file = await needDialogs().openMedia();
      return file ? openMediaPath(file) : null;
    },
    async importTranscript(name, bytes) {
      return documents.importBytes(path.basename(name), bytes);
    },
    async reopenWithEncoding(documentId, encoding) {
      return documents.reopenWithEncoding(documentId, encoding);
    },
    async recentFiles() {
      return settings.recent;
    },
    async preferences() {
      return settings.preferences;
    },
    async savePreferences(preferences) {
      return settings.setPreferences(preferences);
    },
    async openRecent(file) {
      const entry = settings.recent.find((r) => r.path === file);
      if (!entry) throw new UserError('That file is not in the recent files list.');
      return entry.kind === 'transcript' ? openSession(entry.path) : openSession(undefined, entry.path);
    },
    async mediaPeaks(mediaId) {
      return media.peaks(mediaId);
    },
    async mediaProgress(mediaId) {
      return media.progress(mediaId);
    },
    async cancelMediaWork(mediaId) {
      media.cancel(mediaId);
    },
    async selectAudioTrack(mediaId, track) {
      return media.selectTrack(mediaId, track);
    },
    async makeEditingCopy(mediaId) {
      return media.makeProxy(mediaId);
    },
    async locateFfmpegDialog() {
      const file = await needDialogs().locateFfmpeg();
      if (!file) return null;
      const tools = resolveMediaTools(file, env);
      if (tools.source !== 'setting') throw new UserError(`${file} is not an executable program.`);
      await settings.setFfmpegPath(file);
      return file;
    },
    async saveTranscript(documentId, text) {
      // A document without a file (imported bytes) is saved through Save As where there are dialogs.
      if (dialogs && !documents.describeForSave(documentId).hasFile) return saveAs(documentId, text);
      return documents.save(documentId, text);
    },
    saveTranscriptAs: saveAs,
  };
}
