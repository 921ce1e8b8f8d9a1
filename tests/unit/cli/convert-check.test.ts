import iconv from 'iconv-lite';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../main/temp';
import { ROOT, runCli } from './run-cli';

const SAMPLE = path.join(ROOT, 'resources/sample/sample.txt');

describe('cuesmith convert', () => {
  const temp = useTempDir();

  it('converts the whisper sample to SRT on standard output', async () => {
    const result = await runCli(['convert', SAMPLE, '--to', 'srt']);
    expect(result.code).toBe(0);
    const text = result.output.toString('utf8');
    expect(text.startsWith('1\n00:00:01,500 --> 00:00:04,740\nWelcome to this short talk about the animals of the Andes.\n\n2\n')).toBe(true);
    expect(text.match(/-->/g)).toHaveLength(8);
  });

  it('reads standard input and writes a file with the chosen encoding, BOM and line endings', async () => {
    const out = path.join(temp.path, 'out.srt');
    const result = await runCli(['convert', '-', '--from', 'whisper', '--to', 'srt', '-o', 'out.srt', '--encoding', 'utf-16le', '--bom', '--eol', 'crlf'], {
      stdin: '[00:00:01.000 --> 00:00:02.000]  Señor\n',
      cwd: temp.path,
    });
    expect(result.code).toBe(0);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(iconv.decode(bytes.subarray(2), 'utf-16le')).toBe('1\r\n00:00:01,000 --> 00:00:02,000\r\nSeñor\r\n');
  });

  it('reports input problems on stderr as file:line:col and exits 1, still converting', async () => {
    const file = path.join(temp.path, 'bad.srt');
    writeFileSync(file, '1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\n00:00:99,000 --> 00:00:03,000\nbroken\n');
    const result = await runCli(['convert', 'bad.srt', '--to', 'whisper'], { cwd: temp.path });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('bad.srt:6:1: error: Invalid time code (start minutes and seconds must be below 60); this cue is ignored\n');
    expect(result.output.toString()).toBe('[00:00:01.000 --> 00:00:02.000]  ok\n');
  });

  it('exits 2 with a message for unreadable input and bad options', async () => {
    expect(await runCli(['convert', 'missing.srt', '--to', 'srt'], { cwd: temp.path })).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^cuesmith: Could not read missing\.srt: the file or its folder does not exist\./),
    });
    writeFileSync(path.join(temp.path, 'x.bin'), Buffer.from([0, 1, 2, 0, 0, 3]));
    expect(await runCli(['convert', 'x.bin', '--to', 'srt'], { cwd: temp.path })).toMatchObject({ code: 2, stderr: expect.stringMatching(/x\.bin looks like a binary file/) });
    expect(await runCli(['convert', SAMPLE])).toMatchObject({ code: 2, stderr: expect.stringMatching(/needs --to/) });
    expect(await runCli(['convert', SAMPLE, '--to', 'docx'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/"docx" is not a format/) });
    expect(await runCli(['convert', SAMPLE, '--to', 'srt', '--encoding', 'klingon'])).toMatchObject({ code: 2 });
    writeFileSync(path.join(temp.path, 'notes.txt'), 'just some words\n');
    expect(await runCli(['convert', 'notes.txt', '--to', 'srt'], { cwd: temp.path })).toMatchObject({ code: 2, stderr: expect.stringMatching(/Could not recognise the format of notes\.txt/) });
  });
});

describe('cuesmith check', () => {
  const temp = useTempDir();
  const broken = '1\n00:00:01,000 --> 00:00:02,000\nok\n\n1\n00:00:03,000 --> 00:00:04,000\ndup index\n\n3\n00:00:61,000 --> 00:00:07,000\nbad time\n';

  it('prints file:line:col diagnostics and exits 1 on findings', async () => {
    writeFileSync(path.join(temp.path, 'b.srt'), broken);
    const result = await runCli(['check', 'b.srt'], { cwd: temp.path });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      'b.srt:5:1: warning: Cue index 1 repeats the index of cue 1\n' +
        'b.srt:9:1: info: Cue index 3 is out of sequence (expected 2)\n' +
        'b.srt:10:1: error: Invalid time code (start minutes and seconds must be below 60); this cue is ignored\n',
    );
  });

  it('prints JSON with cue numbers and times', async () => {
    writeFileSync(path.join(temp.path, 'b.srt'), broken);
    const result = await runCli(['check', 'b.srt', '--json'], { cwd: temp.path });
    expect(JSON.parse(result.stdout)).toEqual({
      file: 'b.srt',
      format: 'srt',
      cues: 2,
      diagnostics: [
        { rule: 'parse', severity: 'warning', message: 'Cue index 1 repeats the index of cue 1', cue: 2, start: 3000, end: 4000, line: 5 },
        { rule: 'parse', severity: 'info', message: 'Cue index 3 is out of sequence (expected 2)', cue: null, start: null, end: null, line: 9 },
        {
          rule: 'parse',
          severity: 'error',
          message: 'Invalid time code (start minutes and seconds must be below 60); this cue is ignored',
          cue: null,
          start: null,
          end: null,
          line: 10,
        },
      ],
    });
  });

  it('exits 0 on a clean file', async () => {
    expect(await runCli(['check', SAMPLE])).toMatchObject({ code: 0, stdout: '' });
  });
});

describe('cuesmith formats', () => {
  it('lists every format with what can be done with it', async () => {
    const result = await runCli(['formats']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^srt +SubRip \(SRT\) +\.srt +edit, export$/m);
    expect(result.stdout).toMatch(/^whisper +Whisper timestamps +\.txt +edit, export$/m);
  });
});
