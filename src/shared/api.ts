/**
 * The API the renderer may call, in one place. Both hosts implement it with the same
 * services: Electron through the preload and IPC, the browser host over HTTP. Every call
 * is validated on the receiving side (api-checks.ts) before a service sees it.
 */
import type { FormatId } from './formats';
import type { Preferences } from './preferences';
import type { LineEnding } from './text/lines';

export type HostKind = 'electron' | 'browser';

export interface HostInfo {
  kind: HostKind;
  version: string;
  /** Whether the host can show native open/save dialogs (Electron) or needs in-page pickers. */
  nativeDialogs: boolean;
}

export interface OpenedTranscript {
  /** Opaque id of the open document, used to save it. */
  id: string;
  name: string;
  /** Absolute path when the document lives on disk. */
  path: string | null;
  text: string;
  format: FormatId;
  encoding: string;
  bom: boolean;
  lineEnding: LineEnding;
  /** Things the user should know about how the file was read (a guessed encoding …). */
  notices: string[];
  /** When the file was a data format (Whisper JSON …) converted into `format`. */
  importedFrom: FormatId | null;
}

export type MediaKind = 'audio' | 'video';

export interface OpenedMedia {
  id: string;
  name: string;
  path: string | null;
  /** Where the renderer's media element plays it from in this host. */
  url: string;
  kind: MediaKind;
  /** Seconds, from the container; null when it does not say. */
  duration: number | null;
  /** The file's audio tracks; the waveform shows `track`. */
  tracks: { index: number; label: string }[];
  track: number;
  /** A variable-bitrate MP3: browsers seek in it inaccurately, so an editing copy is offered. */
  vbrMp3: boolean;
  /** Whether it plays from an accurate editing copy rather than the file itself. */
  proxy: boolean;
}

/** How far reading a recording (or making its editing copy) has come. */
export interface AnalysisProgressInfo {
  task: 'analysis' | 'proxy';
  state: 'running' | 'done' | 'failed' | 'canceled';
  /** 0…1. */
  fraction: number;
  secondsRemaining: number | null;
  message?: string;
}

export interface PeaksData {
  /** Seconds. */
  duration: number;
  /** Peak pairs per second. */
  rate: number;
  /** Interleaved min, max pairs scaled to −127..127. */
  peaks: Int8Array;
}

/** What to show: a transcript, its media, or both, plus problems met while opening. */
export interface Session {
  transcript: OpenedTranscript | null;
  media: OpenedMedia | null;
  problems: string[];
}

export type SaveResult =
  | { ok: true; path: string; name: string }
  | { ok: false; canceled: boolean; message: string };

export interface RecentFile {
  path: string;
  name: string;
  kind: 'transcript' | 'media';
}

export interface CuesmithApi {
  hostInfo(): Promise<HostInfo>;
  /** Files given on the command line (or by the OS "open with"). */
  startupSession(): Promise<Session>;
  /** The bundled sample recording with its flawed whisper transcript. */
  openSample(): Promise<Session>;
  /** Native dialogs; in the browser host these reject and the renderer uses a file picker. */
  openTranscriptDialog(): Promise<OpenedTranscript | null>;
  openMediaDialog(): Promise<OpenedMedia | null>;
  /** A transcript whose bytes the renderer already has (file picker, drag and drop). */
  importTranscript(name: string, bytes: Uint8Array): Promise<OpenedTranscript>;
  /** Reads an open document's original bytes again in another encoding. */
  reopenWithEncoding(documentId: string, encoding: string): Promise<OpenedTranscript>;
  recentFiles(): Promise<RecentFile[]>;
  preferences(): Promise<Preferences>;
  /** Stores preferences (sanitized: unknown or invalid entries are dropped). */
  savePreferences(preferences: Preferences): Promise<Preferences>;
  /** Only paths in the recent list are accepted. */
  openRecent(path: string): Promise<Session>;
  /** Waits for the recording's analysis (starting it if needed) and gives its waveform peaks. */
  mediaPeaks(mediaId: string): Promise<PeaksData>;
  mediaProgress(mediaId: string): Promise<AnalysisProgressInfo>;
  cancelMediaWork(mediaId: string): Promise<void>;
  selectAudioTrack(mediaId: string, track: number): Promise<OpenedMedia>;
  /** An accurate editing copy (for VBR MP3s); plays instead of the file. */
  makeEditingCopy(mediaId: string): Promise<OpenedMedia>;
  /** Native dialog to point Cuesmith at an ffmpeg binary (Electron). */
  locateFfmpegDialog(): Promise<string | null>;
  saveTranscript(documentId: string, text: string): Promise<SaveResult>;
  saveTranscriptAs(documentId: string, text: string): Promise<SaveResult>;
}

export type ApiMethod = keyof CuesmithApi;

/** Every method name, for the transports; the check below keeps it in step with the interface. */
export const API_METHODS = [
  'hostInfo',
  'startupSession',
  'openSample',
  'openTranscriptDialog',
  'openMediaDialog',
  'importTranscript',
  'reopenWithEncoding',
  'recentFiles',
  'preferences',
  'savePreferences',
  'openRecent',
  'mediaPeaks',
  'mediaProgress',
  'cancelMediaWork',
  'selectAudioTrack',
  'makeEditingCopy',
  'locateFfmpegDialog',
  'saveTranscript',
  'saveTranscriptAs',
] as const satisfies readonly ApiMethod[];

/** Fails to compile when a method of CuesmithApi is missing from API_METHODS. */
type MissingMethods = Exclude<ApiMethod, (typeof API_METHODS)[number]>;
export const API_METHODS_COMPLETE: [MissingMethods] extends [never] ? true : MissingMethods = true;

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && (API_METHODS as readonly string[]).includes(name);
}

/** IPC channel of a method: `cuesmith:<method>`. */
export const ipcChannel = (method: ApiMethod): string => `cuesmith:${method}`;

/** Commands the Electron menu sends to the renderer; the browser host's toolbar uses the same ids. */
export const MENU_COMMANDS = [
  'open-transcript',
  'open-media',
  'open-sample',
  'save',
  'save-as',
  'undo',
  'redo',
  'find',
  'replace',
  'play-pause',
  'waveform-zoom-in',
  'waveform-zoom-out',
  'waveform-zoom-fit',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
export const MENU_COMMAND_CHANNEL = 'cuesmith:menu-command';
export const OPEN_RECENT_CHANNEL = 'cuesmith:open-recent';

/** A call's outcome as it crosses a transport; errors travel as plain messages. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

/** What the preload exposes as `window.cuesmith`: the API plus Electron-only extras. */
export interface PreloadBridge extends CuesmithApi {
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  onOpenRecent(listener: (path: string) => void): () => void;
}
