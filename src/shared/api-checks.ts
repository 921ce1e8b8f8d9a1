/**
 * What each API method accepts, checked on the receiving side of every transport before
 * a service sees the call. Kept apart from api.ts so the preload bundle stays minimal.
 */
import type { ApiMethod } from './api';
import { checks, type Check } from './validate';

/** Largest transcript we read: a 3-hour, 20,000-cue SRT is about 1.5 MB. */
export const MAX_TRANSCRIPT_BYTES = 64 * 1024 * 1024;
export const MAX_TEXT_CHARS = 64 * 1024 * 1024;
const MAX_PATH = 4096;
const MAX_NAME = 255;

/** One check per positional argument, per method; the keys are exactly the API's. */
export const ARGUMENT_CHECKS: { readonly [M in ApiMethod]: readonly Check[] } = {
  hostInfo: [],
  startupSession: [],
  openSample: [],
  openTranscriptDialog: [],
  openMediaDialog: [],
  importTranscript: [checks.string(1, MAX_NAME), checks.bytes(MAX_TRANSCRIPT_BYTES)],
  reopenWithEncoding: [checks.token(), checks.string(1, 40)],
  recentFiles: [],
  preferences: [],
  savePreferences: [checks.plainObject(16_384)],
  openRecent: [checks.string(1, MAX_PATH)],
  mediaPeaks: [checks.token()],
  mediaProgress: [checks.token()],
  cancelMediaWork: [checks.token()],
  selectAudioTrack: [checks.token(), checks.integer(0, 255)],
  makeEditingCopy: [checks.token()],
  locateFfmpegDialog: [],
  saveTranscript: [checks.token(), checks.string(0, MAX_TEXT_CHARS)],
  saveTranscriptAs: [checks.token(), checks.string(0, MAX_TEXT_CHARS)],
};

