/**
 * The on-disk cache of audio analyses (and editing proxies), in the app's data folder.
 * Keys are a cheap fingerprint of the media file: its size and its first and last 64 KiB
 * (the same idea as Subtitle Edit), plus the audio track and the analysis version. Entries
 * carry a checksum: a corrupt or truncated entry is detected, removed and rebuilt, never
 * shown. The folder is kept under a size cap by evicting the least recently used entries.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { AudioAnalysis } from '../../shared/audio/analysis';
import { writeFileAtomic } from './atomic-write';

/** Bump when the analysis changes, so old entries are not mistaken for new ones. */
export const ANALYSIS_VERSION = 2; // 2: energy measured above 120 Hz
const MAGIC = 'CSMA';
const FINGERPRINT_BYTES = 64 * 1024;
export const DEFAULT_CACHE_BYTES = 2 * 1024 * 1024 * 1024;

export async function fingerprint(file: string, track: number): Promise<string> {
  const handle = await fs.open(file, 'r');
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(Math.min(size, FINGERPRINT_BYTES));
    await handle.read(head, 0, head.length, 0);
    const tail = Buffer.alloc(Math.min(size, FINGERPRINT_BYTES));
    await handle.read(tail, 0, tail.length, Math.max(0, size - tail.length));
    return createHash('sha256').update(`${size}:${track}:${ANALYSIS_VERSION}:`).update(head).update(tail).digest('hex').slice(0, 40);
  } finally {
    await handle.close();
  }
}

interface EntryHeader {
  duration: number;
  sampleRate: number;
  peaksPerSecond: number;
  energyFrameMs: number;
  peaks: number;
  energy: number;
}

/** magic | u32 header length | header JSON | peaks | energy (float32 LE) | sha256 of all before. */
export function encodeAnalysis(analysis: AudioAnalysis): Buffer {
  const header: EntryHeader = {
    duration: analysis.duration,
    sampleRate: analysis.sampleRate,
    peaksPerSecond: analysis.peaksPerSecond,
    energyFrameMs: analysis.energyFrameMs,
    peaks: analysis.peaks.length,
    energy: analysis.energy.length,
  };
  const json = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  const body = Buffer.concat([
    Buffer.from(MAGIC, 'latin1'),
    length,
    json,
    Buffer.from(analysis.peaks.buffer, analysis.peaks.byteOffset, analysis.peaks.byteLength),
    Buffer.from(analysis.energy.buffer, analysis.energy.byteOffset, analysis.energy.byteLength),
  ]);
  return Buffer.concat([body, createHash('sha256').update(body).digest()]);
}

/** The analysis in an entry, or null when anything about it is wrong. */
export function decodeAnalysis(bytes: Buffer): AudioAnalysis | null {
  if (bytes.length < 8 + 32 || bytes.toString('latin1', 0, 4) !== MAGIC) return null;
  const body = bytes.subarray(0, bytes.length - 32);
  if (!createHash('sha256').update(body).digest().equals(bytes.subarray(bytes.length - 32))) return null;
  const jsonLength = body.readUInt32LE(4);
  let header: EntryHeader;
  try {
    header = JSON.parse(body.toString('utf8', 8, 8 + jsonLength)) as EntryHeader;
  } catch {
    return null;
  }
  const peaksAt = 8 + jsonLength;
  const energyAt = peaksAt + header.peaks;
  if (energyAt + header.energy * 4 !== body.length) return null;
  // Copies, so the typed arrays are aligned and own their memory.
  const peaks = new Int8Array(body.subarray(peaksAt, energyAt));
  const energy = new Float32Array(header.energy);
  Buffer.from(energy.buffer).set(body.subarray(energyAt));
  return {
    duration: header.duration,
    sampleRate: header.sampleRate,
    peaksPerSecond: header.peaksPerSecond,
    energyFrameMs: header.energyFrameMs,
    peaks,
    energy,
  };
}

export class MediaCache {
  constructor(
    readonly folder: string,
    private readonly capBytes = DEFAULT_CACHE_BYTES,
  ) {}

  private entryPath(key: string): string {
    return path.join(this.folder, `${key}.analysis`);
  }

  /** Where a derived file (an editing proxy) for a key is kept. */
  proxyPath(key: string, extension: string): string {
    return path.join(this.folder, `${key}.proxy.${extension}`);
  }

  async getAnalysis(key: string): Promise<AudioAnalysis | null> {
    const file = this.entryPath(key);
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(file);
    } catch {
      return null;
    }
    const analysis = decodeAnalysis(bytes);
    if (!analysis) {
      await fs.rm(file, { force: true });
      return null;
    }
    await this.touch(file);
    return analysis;
  }

  async putAnalysis(key: string, analysis: AudioAnalysis): Promise<void> {
    await fs.mkdir(this.folder, { recursive: true });
    await writeFileAtomic(this.entryPath(key), encodeAnalysis(analysis));
    await this.evict();
  }

  /** Marks an entry as just used (least-recently-used eviction reads modification times). */
  async touch(file: string): Promise<void> {
    const now = new Date();
    await fs.utimes(file, now, now).catch(() => undefined);
  }

  /** Removes the least recently used entries until the folder fits the cap. */
  async evict(): Promise<void> {
    let names: string[];
    try {
      names = await fs.readdir(this.folder);
    } catch {
      return;
    }
    const entries = (
      await Promise.all(
        names.map(async (name) => {
          const stat = await fs.stat(path.join(this.folder, name)).catch(() => null);
          return stat?.isFile() ? { name, size: stat.size, used: stat.mtimeMs } : null;
        }),
      )
    ).filter((e): e is { name: string; size: number; used: number } => e !== null);
    let total = entries.reduce((sum, e) => sum + e.size, 0);
    for (const entry of entries.sort((a, b) => a.used - b.used)) {
      if (total <= this.capBytes) break;
      await fs.rm(path.join(this.folder, entry.name), { force: true });
      total -= entry.size;
    }
  }
}
