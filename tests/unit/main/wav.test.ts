import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFfmpeg } from '../../../src/main/services/ffmpeg';
import { readWavHeader, readWavMono, toMonoInt16, WavError } from '../../../src/main/services/wav';
import { makeWav } from '../wav-fixture';
import { useTempDir } from './temp';

const ffmpeg = findFfmpeg();

async function readAll(file: string): Promise<number[]> {
  const info = await readWavHeader(file);
  const out: number[] = [];
  for await (const chunk of readWavMono(file, info)) for (const sample of chunk) out.push(sample);
  return out;
}

describe('WAV reader', () => {
  const temp = useTempDir();

  it('reads 16-bit mono exactly', async () => {
    const samples = Int16Array.from([0, 1000, -1000, 32767, -32768]);
    const file = path.join(temp.path, 'a.wav');
    writeFileSync(file, makeWav(Buffer.from(samples.buffer), { sampleRate: 16000 }));
    expect(await readWavHeader(file)).toMatchObject({ channels: 1, sampleRate: 16000, bitsPerSample: 16, encoding: 'pcm', dataOffset: 44, dataLength: 10 });
    expect(await readAll(file)).toEqual([0, 1000, -1000, 32767, -32768]);
  });

  it('averages channels and converts 8, 24 and 32-bit integer and float samples', () => {
    const stereo16 = Buffer.from(Int16Array.from([100, 300, -200, -400]).buffer);
    expect(Array.from(toMonoInt16(stereo16, { encoding: 'pcm', bitsPerSample: 16, channels: 2 }))).toEqual([200, -300]);
    expect(Array.from(toMonoInt16(Buffer.from([128, 255, 0]), { encoding: 'pcm', bitsPerSample: 8, channels: 1 }))).toEqual([0, 127 << 8, -128 << 8]);
    const s24 = Buffer.alloc(6);
    s24.writeIntLE(0x123456, 0, 3);
    s24.writeIntLE(-0x123456, 3, 3);
    expect(Array.from(toMonoInt16(s24, { encoding: 'pcm', bitsPerSample: 24, channels: 1 }))).toEqual([0x1234, -0x1235]);
    const f32 = Buffer.from(Float32Array.from([0.5, -1, 2]).buffer);
    expect(Array.from(toMonoInt16(f32, { encoding: 'float', bitsPerSample: 32, channels: 1 }))).toEqual([16384, -32767, 32767]);
  });

  it('carries frames split across read chunks', async () => {
    // 1,000,003 stereo frames: reads of 1 MiB split frames and samples.
    const frames = 1_000_003;
    const data = Buffer.alloc(frames * 4);
    for (let f = 0; f < frames; f++) {
      data.writeInt16LE(f % 30000, f * 4);
      data.writeInt16LE(f % 30000, f * 4 + 2);
    }
    const file = path.join(temp.path, 'big.wav');
    writeFileSync(file, makeWav(data, { channels: 2 }));
    const read = await readAll(file);
    expect(read.length).toBe(frames);
    expect(read[999_999]).toBe(999_999 % 30000);
    expect(read.at(-1)).toBe(1_000_002 % 30000);
  });

  it('skips chunks before the samples and accepts a streaming length', async () => {
    const file = path.join(temp.path, 'list.wav');
    const plain = makeWav(Buffer.from(Int16Array.from([7, 8, 9]).buffer));
    const list = Buffer.concat([Buffer.from('LIST', 'latin1'), Buffer.from([5, 0, 0, 0]), Buffer.from('INFOx\0', 'latin1')]); // odd length: padded
    const withList = Buffer.concat([plain.subarray(0, 36), list, plain.subarray(36)]);
    withList.writeUInt32LE(0xffffffff, 36 + list.length + 4); // data length unknown
    writeFileSync(file, withList);
    expect(await readAll(file)).toEqual([7, 8, 9]);
  });

  it('names what it cannot read', async () => {
    const file = path.join(temp.path, 'bad.wav');
    writeFileSync(file, 'RIFF\0\0\0\0WAVEjunk');
    await expect(readWavHeader(file)).rejects.toThrow(WavError);
    writeFileSync(file, makeWav(Buffer.alloc(4), { format: 2 }));
    await expect(readWavHeader(file)).rejects.toThrow(/compressed \(format 2\)/);
  });

  it.skipIf(!ffmpeg)('agrees with ffmpeg on a 24-bit stereo file', async () => {
    const file = path.join(temp.path, 'ff.wav');
    execFileSync(ffmpeg!, ['-v', 'error', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=8000:d=0.5', '-ac', '2', '-c:a', 'pcm_s24le', file]);
    const ours = await readAll(file);
    const theirs = new Int16Array(execFileSync(ffmpeg!, ['-v', 'error', '-i', file, '-ac', '1', '-f', 's16le', '-']).buffer.slice(0));
    expect(ours.length).toBe(theirs.length);
    ours.forEach((v, i) => expect(Math.abs(v - theirs[i]!)).toBeLessThanOrEqual(1));
  });
});
