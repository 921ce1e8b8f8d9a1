/**
 * What we write is read back by an independent tool: a real whisper.cpp transcript,
 * converted by the CLI, then read by ffmpeg — same cue count, times and text.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findExecutable } from '../../../src/main/services/ffmpeg';
import { vtt } from '../../../src/shared/formats/vtt';
import { whisper } from '../../../src/shared/formats/whisper';
import { useTempDir } from '../main/temp';
import { hasShared, sharedPath } from '../shared-corpora';
import { runCli } from './run-cli';

const ffmpeg = findExecutable('ffmpeg');
const ffprobe = findExecutable('ffprobe');

describe.skipIf(!hasShared || !ffmpeg || !ffprobe)('ffmpeg reads back our conversions of a whisper.cpp transcript', () => {
  const temp = useTempDir();
  const transcript = hasShared ? sharedPath('media/jfk/jfk.whispercpp-readme-ml16-segments.txt') : '';

  it.each(['srt', 'vtt', 'ass', 'ssa', 'sbv', 'lrc'])('%s', async (format) => {
    const expected = whisper.parse(readFileSync(transcript, 'utf8')).cues;
    const out = path.join(temp.path, `jfk.${format}`);
    expect((await runCli(['convert', transcript, '--to', format, '-o', out])).code).toBe(0);

    const packets = execFileSync(ffprobe!, ['-v', 'error', '-show_entries', 'packet=pts_time,duration_time', '-of', 'csv=p=0', out], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((line) => line.split(',').map((v) => Math.round(Number(v) * 1000)) as [number, number]);
    // LRC has no end times: our closing empty line becomes one zero-length packet at the end.
    if (format === 'lrc') expect(packets.pop()!.map(Math.abs)).toEqual([expected.at(-1)!.end, 0]);
    expect(packets).toHaveLength(expected.length);
    packets.forEach(([start, duration], i) => {
      expect(start).toBe(expected[i]!.start);
      expect(start + duration).toBe(expected[i]!.end);
    });

    const asVtt = execFileSync(ffmpeg!, ['-v', 'error', '-i', out, '-f', 'webvtt', '-'], { encoding: 'utf8' });
    const texts = vtt.parse(asVtt).cues.map((c) => c.text).filter((text) => text !== '');
    expect(texts).toEqual(expected.map((c) => c.text));
  });
});
