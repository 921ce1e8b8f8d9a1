import iconv from 'iconv-lite';
import { chmodSync, mkdirSync, promises as fs, readFileSync, readdirSync, renameSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic, type AtomicWriteIo } from '../../../src/main/services/atomic-write';
import { DocumentStore } from '../../../src/main/services/documents';
import { MAX_TRANSCRIPT_BYTES } from '../../../src/shared/api-checks';
import { FORMATS } from '../../../src/shared/formats';
import { useTempDir } from './temp';

/** What the editor hands back: CodeMirror keeps "\n" line breaks internally. */
const asEditorText = (text: string) => text.replace(/\r\n?/g, '\n');

describe('DocumentStore', () => {
  const temp = useTempDir();

  it.each([
    ['lf.srt', Buffer.from('1\n00:00:01,000 --> 00:00:02,000\nHello\n')],
    ['crlf-bom.srt', Buffer.from('\uFEFF1\r\n00:00:01,000 --> 00:00:02,000\r\nHéllo\r\n', 'utf8')],
    ['utf16.srt', iconv.encode('\uFEFF1\r\n00:00:01,000 --> 00:00:02,000\r\nHéllo\r\n', 'utf-16le')],
    ['latin.txt', iconv.encode('[00:00:01.000 --> 00:00:02.000]  Ça coûte 5 € — très cher, naïve, señor\n', 'windows-1252')],
    ['no-final-newline.txt', Buffer.from('[00:00:01.000 --> 00:00:02.000]  x')],
  ])('opens and saves %s unchanged, byte for byte', async (name, bytes) => {
    const file = path.join(temp.path, name);
    writeFileSync(file, bytes);
    const store = new DocumentStore();
    const opened = await store.openFile(file);
    const result = await store.save(opened.id, asEditorText(opened.text));
    expect(result.ok).toBe(true);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('detects the format and reports decoding notices', async () => {
    const file = path.join(temp.path, 'sample.txt');
    writeFileSync(file, '[00:00:01.000 --> 00:00:02.000]  hi\n');
    const opened = await new DocumentStore().openFile(file);
    expect(opened).toMatchObject({ format: 'whisper', encoding: 'utf-8', bom: false, lineEnding: 'lf', name: 'sample.txt' });
  });

  it('names the file when it cannot be opened', async () => {
    const store = new DocumentStore();
    await expect(store.openFile(path.join(temp.path, 'missing.srt'))).rejects.toThrow(/missing\.srt: the file or its folder does not exist/);
    await expect(store.openFile(temp.path)).rejects.toThrow(/is not a regular file/);
    writeFileSync(path.join(temp.path, 'bin.srt'), Buffer.from([0, 1, 2, 3, 0, 0, 0xff]));
    await expect(store.openFile(path.join(temp.path, 'bin.srt'))).rejects.toThrow(/bin\.srt looks like a binary file/);
  });

  it('refuses a file over the size limit by name, without reading it', async () => {
    const file = path.join(temp.path, 'huge.srt');
    writeFileSync(file, '');
    truncateSync(file, MAX_TRANSCRIPT_BYTES + 1); // sparse: no disk is used
    await expect(new DocumentStore().openFile(file)).rejects.toThrow(/huge\.srt is 64 MB; transcripts over 64 MB are not opened/);
  });

  it('opens an empty file with a notice', async () => {
    writeFileSync(path.join(temp.path, 'empty.srt'), '');
    const opened = await new DocumentStore().openFile(path.join(temp.path, 'empty.srt'));
    expect(opened.text).toBe('');
    expect(opened.notices).toContain('empty.srt is empty.');
  });

  it('keeps a failed save from touching the original and says why', async () => {
    const file = path.join(temp.path, 'keep.srt');
    writeFileSync(file, '1\n00:00:01,000 --> 00:00:02,000\nA\n');
    const store = new DocumentStore();
    const opened = await store.openFile(file);
    // Saving over a folder that replaced the file fails at the rename step.
    const moved = path.join(temp.path, 'keep-moved.srt');
    renameSync(file, moved);
    mkdirSync(file);
    const result = await store.save(opened.id, 'changed');
    expect(result).toMatchObject({ ok: false, canceled: false });
    expect(!result.ok && result.message).toMatch(/Could not save .*keep\.srt: it is a folder/);
    expect(readdirSync(temp.path).sort()).toEqual(['keep-moved.srt', 'keep.srt']);
    expect(readFileSync(moved, 'utf8')).toBe('1\n00:00:01,000 --> 00:00:02,000\nA\n');
  });

  it('imports bytes without a file and refuses a plain save', async () => {
    const store = new DocumentStore();
    const opened = store.importBytes('upload.srt', Buffer.from('1\n00:00:01,000 --> 00:00:02,000\nA\n'));
    expect(opened.path).toBeNull();
    expect(await store.save(opened.id, 'x')).toMatchObject({ ok: false, canceled: false });
    const target = path.join(temp.path, 'saved.srt');
    expect(await store.saveAs(opened.id, 'x\n', target)).toMatchObject({ ok: true, path: target, name: 'saved.srt' });
    expect(readFileSync(target, 'utf8')).toBe('x\n');
  });
});

describe('writeFileAtomic', () => {
  const temp = useTempDir();

  it('replaces the file, keeps its permissions and leaves no temporary file', async () => {
    const file = path.join(temp.path, 'a.srt');
    writeFileSync(file, 'old');
    chmodSync(file, 0o640);
    await writeFileAtomic(file, Buffer.from('new'));
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(temp.path)).toEqual(['a.srt']);
  });

  it.each([
    ['open', 'EACCES'],
    ['writeFile', 'ENOSPC'],
    ['sync', 'EIO'],
    ['rename', 'EROFS'],
  ])('leaves the original byte-identical when %s fails with %s', async (step, code) => {
    const file = path.join(temp.path, 'a.srt');
    writeFileSync(file, 'original');
    const fail = () => Promise.reject(Object.assign(new Error(code), { code }));
    const io: AtomicWriteIo = {
      stat: (f) => fs.stat(f),
      chmod: (f, m) => fs.chmod(f, m),
      rm: (f, o) => fs.rm(f, o),
      rename: (a, b) => (step === 'rename' ? fail() : fs.rename(a, b)),
      async open(f, flags, mode) {
        if (step === 'open') return fail();
        const handle = await fs.open(f, flags, mode);
        return {
          writeFile: (d: Uint8Array) => (step === 'writeFile' ? fail() : handle.writeFile(d)),
          sync: () => (step === 'sync' ? fail() : handle.sync()),
          close: () => handle.close(),
        } as never;
      },
    };
    await expect(writeFileAtomic(file, Buffer.from('new data'), io)).rejects.toMatchObject({ code });
    expect(readFileSync(file, 'utf8')).toBe('original');
    expect(readdirSync(temp.path)).toEqual(['a.srt']);
  });

  it('fails without a trace when the folder is gone', async () => {
    await expect(writeFileAtomic(path.join(temp.path, 'nope', 'a.srt'), Buffer.from('x'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(readdirSync(temp.path)).toEqual([]);
  });
});

describe('DocumentStore imports and encodings', () => {
  const temp = useTempDir();
  const fixtures = path.resolve(import.meta.dirname, '../../fixtures/formats');

  it('imports Whisper JSON as a new WebVTT document with word timings, never overwriting the source', async () => {
    const source = path.join(temp.path, 'talk.json');
    const json = JSON.stringify({
      text: ' Hello world.',
      segments: [
        { id: 0, seek: 0, start: 0.5, end: 2.0, text: ' Hello world.', tokens: [1], temperature: 0, avg_logprob: -0.2, compression_ratio: 1.1, no_speech_prob: 0.01, words: [{ word: ' Hello', start: 0.5, end: 1.0, probability: 0.9 }, { word: ' world.', start: 1.1, end: 2.0, probability: 0.8 }] },
      ],
      language: 'en',
    });
    writeFileSync(source, json);
    const store = new DocumentStore();
    const opened = await store.openFile(source);
    expect(opened).toMatchObject({ format: 'vtt', importedFrom: 'whisper-json', name: 'talk.vtt', path: null });
    expect(opened.text).toBe('WEBVTT\n\n00:00:00.500 --> 00:00:02.000\nHello <00:00:01.100>world.\n');
    expect(opened.notices.at(-1)).toMatch(/Imported talk\.json \(Whisper JSON\) as WebVTT with word timings; saving writes talk\.vtt/);
    expect(store.describeForSave(opened.id)).toEqual({ name: 'talk.vtt', folder: temp.path, hasFile: false });
    expect(await store.save(opened.id, opened.text)).toMatchObject({ ok: false });
    await store.saveAs(opened.id, opened.text, path.join(temp.path, 'talk.vtt'));
    expect(readFileSync(source, 'utf8')).toBe(json);
  });

  it('reopens a document in the encoding the user picks', async () => {
    const file = path.join(temp.path, 'cyrillic.srt');
    const bytes = iconv.encode('1\n00:00:01,000 --> 00:00:02,000\nПривет, мир\n', 'koi8-r');
    writeFileSync(file, bytes);
    const store = new DocumentStore();
    const opened = await store.openFile(file);
    const reopened = store.reopenWithEncoding(opened.id, 'koi8-r');
    expect(reopened.text).toContain('Привет, мир');
    expect(reopened).toMatchObject({ id: opened.id, encoding: 'koi8-r', path: file });
    await store.save(opened.id, reopened.text);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(() => store.reopenWithEncoding(opened.id, 'martian')).toThrow(/"martian" is not an encoding/);
  });

  it.each(['jfk.whispercpp.json', 'jfk.whispercpp-full.json', 'whisperx-diarized.json', 'jfk.openai-whisper.tsv', 'jfk.whispercpp-ml16.csv'])('imports the %s fixture', async (name) => {
    const opened = await new DocumentStore().openFile(path.join(fixtures, name));
    expect(opened.format).toBe('vtt');
    expect(opened.text.startsWith('WEBVTT')).toBe(true);
    expect(opened.text.match(/-->/g)!.length).toBeGreaterThanOrEqual(1);
    expect(opened.notices.at(-1)).toMatch(/^Imported /);
  });
});

describe('every editable format round-trips byte for byte', () => {
  const temp = useTempDir();
  const cues = [
    { start: 1000, end: 2500, text: 'Señor Müller — “quoted”' },
    { start: 3000, end: 4500, text: 'Deux lignes\net demi' },
  ];
  const editable = FORMATS.filter((f) => f.kind === 'text');
  const variants = [
    { encoding: 'utf-8', bom: false },
    { encoding: 'utf-8', bom: true },
    { encoding: 'utf-16le', bom: true },
    { encoding: 'utf-16be', bom: true },
    { encoding: 'windows-1252', bom: false },
  ];
  const cases = editable.flatMap((format) =>
    variants.flatMap((variant) => (['\n', '\r\n'] as const).map((eol) => [format.id, variant.encoding, variant.bom, eol === '\n' ? 'LF' : 'CRLF'] as const)),
  );

  it.each(cases)('%s in %s (BOM %s, %s)', async (id, encoding, bom, eol) => {
    const format = FORMATS.find((f) => f.id === id)!;
    if (format.kind !== 'text') throw new Error('not editable');
    const text = format.serialize(cues, { eol: eol === 'LF' ? '\n' : '\r\n' });
    const bytes = iconv.encode((bom ? '\uFEFF' : '') + text, encoding);
    const file = path.join(temp.path, `doc.${format.extensions[0]}`);
    writeFileSync(file, bytes);
    const store = new DocumentStore();
    const opened = await store.openFile(file);
    expect(opened.format).toBe(id);
    expect(opened).toMatchObject({ encoding, bom, lineEnding: eol.toLowerCase() });
    expect(await store.save(opened.id, asEditorText(opened.text))).toMatchObject({ ok: true });
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });
});
