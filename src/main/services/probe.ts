/**
 * What a media file holds: duration, container, audio tracks, a video stream, and whether
 * an MP3 has a variable bitrate (browsers seek inside those inaccurately). WAV files are
 * read natively; everything else through ffprobe.
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { promisify } from 'node:util';
import { readWavHeader, WavError } from './wav';

const run = promisify(execFile);

export interface AudioTrack {
  /** Position among the file's audio streams (ffmpeg's `0:a:N`). */
  index: number;
  codec: string;
  channels: number;
  sampleRate: number;
  language: string | null;
  title: string | null;
}

export interface ProbeResult {
  /** Seconds; null when the container does not say. */
  duration: number | null;
  container: string;
  audio: AudioTrack[];
  video: { codec: string; width: number; height: number } | null;
  /** A variable-bitrate MP3: seeking in it is inaccurate in browsers. */
  vbrMp3: boolean;
  /** Read without ffmpeg (WAV). */
  native: boolean;
}

export class ProbeError extends Error {}

/** True when the first bytes are a RIFF/WAVE header. */
export async function isWav(file: string): Promise<boolean> {
  const handle = await fs.open(file, 'r');
  try {
    const head = Buffer.alloc(12);
    await handle.read(head, 0, 12, 0);
    return head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WAVE';
  } finally {
    await handle.close();
  }
}

interface FfprobeStream {
  codec_type?: string;
  codec_name?: string;
  channels?: number;
  sample_rate?: string;
  width?: number;
  height?: number;
  duration?: string;
  disposition?: { attached_pic?: number };
  tags?: Record<string, string>;
}

export async function probeMedia(file: string, ffprobe: string | null): Promise<ProbeResult> {
  if (await isWav(file)) {
    try {
      const wav = await readWavHeader(file);
      return {
        duration: wav.duration,
        container: 'wav',
        audio: [{ index: 0, codec: `${wav.encoding}${wav.bitsPerSample}`, channels: wav.channels, sampleRate: wav.sampleRate, language: null, title: null }],
        video: null,
        vbrMp3: false,
        native: true,
      };
    } catch (error) {
      // A WAV flavour we do not read ourselves (compressed samples …): ffmpeg may.
      if (!(error instanceof WavError) || !ffprobe) throw error;
    }
  }
  if (!ffprobe) throw new ProbeError('ffprobe is missing');
  let output: string;
  try {
    ({ stdout: output } = await run(ffprobe, ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file], {
      maxBuffer: 16 << 20,
    }));
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim().split('\n').at(-1);
    throw new ProbeError(stderr || 'ffprobe could not read it');
  }
  const parsed = JSON.parse(output) as { streams?: FfprobeStream[]; format?: { format_name?: string; duration?: string } };
  const streams = parsed.streams ?? [];
  const audio = streams
    .filter((s) => s.codec_type === 'audio')
    .map((s, index) => ({
      index,
      codec: s.codec_name ?? 'unknown',
      channels: s.channels ?? 0,
      sampleRate: Number(s.sample_rate ?? 0),
      language: s.tags?.language ?? null,
      title: s.tags?.title ?? null,
    }));
  const videoStream = streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
  const duration = Number(parsed.format?.duration ?? streams.find((s) => s.duration)?.duration);
  const container = parsed.format?.format_name ?? 'unknown';
  return {
    duration: Number.isFinite(duration) && duration > 0 ? duration : null,
    container,
    audio,
    video: videoStream ? { codec: videoStream.codec_name ?? 'unknown', width: videoStream.width ?? 0, height: videoStream.height ?? 0 } : null,
    vbrMp3: container === 'mp3' && (await isVariableBitrateMp3(file)),
    native: false,
  };
}

// MPEG-1/2/2.5 layer III bitrates in kbit/s by [MPEG-1 ? 0 : 1][bitrate index].
const BITRATES = [
  [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
];
const SAMPLE_RATES = [
  [44100, 48000, 32000],
  [22050, 24000, 16000],
  [11025, 12000, 8000],
];

interface FrameHeader {
  bitrate: number;
  length: number;
  mpeg1: boolean;
  mono: boolean;
}

function frameHeader(bytes: Buffer, at: number): FrameHeader | null {
  if (at + 4 > bytes.length || bytes[at] !== 0xff || (bytes[at + 1]! & 0xe0) !== 0xe0) return null;
  const version = (bytes[at + 1]! >> 3) & 3; // 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5
  const layer = (bytes[at + 1]! >> 1) & 3; // 1: layer III
  const bitrateIndex = bytes[at + 2]! >> 4;
  const rateIndex = (bytes[at + 2]! >> 2) & 3;
  if (version === 1 || layer !== 1 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return null;
  const mpeg1 = version === 3;
  const bitrate = BITRATES[mpeg1 ? 0 : 1]![bitrateIndex]! * 1000;
  const sampleRate = SAMPLE_RATES[mpeg1 ? 0 : version === 2 ? 1 : 2]![rateIndex]!;
  const padding = (bytes[at + 2]! >> 1) & 1;
  const length = Math.floor(((mpeg1 ? 144 : 72) * bitrate) / sampleRate) + padding;
  return { bitrate, length, mpeg1, mono: bytes[at + 3]! >> 6 === 3 };
}

/**
 * An MP3 is variable-bitrate when its first frame carries a Xing or VBRI header (LAME writes
 * "Info" instead for constant bitrate), or, without such a header, when the bitrates of its
 * first frames differ.
 */
export async function isVariableBitrateMp3(file: string): Promise<boolean> {
  const handle = await fs.open(file, 'r');
  try {
    const bytes = Buffer.alloc(256 * 1024);
    const { bytesRead } = await handle.read(bytes, 0, bytes.length, 0);
    const data = bytes.subarray(0, bytesRead);
    let at = 0;
    if (data.toString('latin1', 0, 3) === 'ID3' && data.length >= 10) {
      // ID3v2: a synchsafe size after a 10-byte header.
      at = 10 + ((data[6]! << 21) | (data[7]! << 14) | (data[8]! << 7) | data[9]!);
    }
    while (at < data.length && !frameHeader(data, at)) at++;
    const first = frameHeader(data, at);
    if (!first) return false;
    // The side information sits between the header and a Xing/Info tag.
    const sideInfo = first.mpeg1 ? (first.mono ? 17 : 32) : first.mono ? 9 : 17;
    const tag = data.toString('latin1', at + 4 + sideInfo, at + 8 + sideInfo);
    if (tag === 'Xing') return true;
    if (tag === 'Info') return false;
    if (data.toString('latin1', at + 36, at + 40) === 'VBRI') return true;
    const rates = new Set<number>();
    for (let frames = 0; frames < 200; frames++) {
      const header = frameHeader(data, at);
      if (!header) break;
      rates.add(header.bitrate);
      at += header.length;
    }
    return rates.size > 1;
  } finally {
    await handle.close();
  }
}
