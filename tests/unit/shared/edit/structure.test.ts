import { describe, expect, it } from 'vitest';
import { deleteCue, insertCueAfter, insertCueAt, mergeWithNext } from '../../../../src/shared/edit';
import { after, essence, open, srtIndices } from './helpers';

const SRT = '1\n00:00:01,000 --> 00:00:02,000\nOne\n\n2\n00:00:03,000 --> 00:00:04,000\nTwo\n\n3\n00:00:05,000 --> 00:00:06,000\nThree\n';
const VTT = 'WEBVTT\n\nNOTE kept\n\nintro\n00:00:01.000 --> 00:00:02.000 align:start\nOne\n\n00:00:03.000 --> 00:00:04.000\nTwo\n\nNOTE also kept\n\n00:00:05.000 --> 00:00:06.000\nThree\n';
const WHISPER = '[00:00:01.000 --> 00:00:02.000]  One\n[00:00:03.000 --> 00:00:04.000]  Two\nsecond line\n[00:00:05.000 --> 00:00:06.000]  Three\n';
const ASS_HEAD =
  '[Script Info]\nScriptType: v4.00+\n\n[V4+ Styles]\nFormat: Name, Fontname\nStyle: Default,Arial\n\n[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n';
const ASS = `${ASS_HEAD}Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,One\nComment: 0,0:00:02.00,0:00:03.00,Default,,0,0,0,,a comment\nDialogue: 1,0:00:03.00,0:00:04.00,Sign,,0,0,0,,Two\\Nlines\nDialogue: 0,0:00:05.00,0:00:06.00,Default,,0,0,0,,Three\n`;

describe('insertCueAfter', () => {
  it('adds an SRT block with the next number and renumbers the blocks after it', () => {
    const d = open('srt', SRT);
    const result = after(d, insertCueAfter(d.format, d.doc, d.cues, 0, 2100, 2900, 'New'));
    expect(result.text).toBe(
      '1\n00:00:01,000 --> 00:00:02,000\nOne\n\n2\n00:00:02,100 --> 00:00:02,900\nNew\n\n3\n00:00:03,000 --> 00:00:04,000\nTwo\n\n4\n00:00:05,000 --> 00:00:06,000\nThree\n',
    );
    expect(result.selection).toBe(result.text.indexOf('New'));
  });

  it('inserts before the first cue with index -1', () => {
    const d = open('srt', SRT);
    const result = after(d, insertCueAfter(d.format, d.doc, d.cues, -1, 0, 500, 'Zero'));
    expect(result.text.startsWith('1\n00:00:00,000 --> 00:00:00,500\nZero\n\n2\n00:00:01,000')).toBe(true);
    expect(srtIndices(result)).toEqual(['1', '2', '3', '4']);
  });

  it('after the last cue keeps the file ending as it was', () => {
    const d = open('srt', SRT.trimEnd());
    const result = after(d, insertCueAfter(d.format, d.doc, d.cues, 2, 7000, 8000, 'Four'));
    expect(result.text.endsWith('Three\n\n4\n00:00:07,000 --> 00:00:08,000\nFour')).toBe(true);
  });

  it('continues numbering that does not start at 1, and numbers after a cue without an index by position', () => {
    const d = open('srt', SRT.replace('1\n', '7\n').replace('2\n00', '8\n00').replace('3\n00', '9\n00'));
    expect(srtIndices(after(d, insertCueAfter(d.format, d.doc, d.cues, 0, 2100, 2900, 'New')))).toEqual(['7', '8', '9', '10']);
    const bare = open('srt', SRT.replace('1\n00', '00'));
    expect(srtIndices(after(bare, insertCueAfter(bare.format, bare.doc, bare.cues, 0, 2100, 2900, 'New')))).toEqual(['', '2', '3', '4']);
  });

  it('renumbers only while the numbers were sequential', () => {
    const d = open('srt', SRT.replace('\n3\n', '\n30\n'));
    const result = after(d, insertCueAfter(d.format, d.doc, d.cues, 0, 2100, 2900, 'New'));
    expect(srtIndices(result)).toEqual(['1', '2', '3', '30']);
  });

  it('writes a whisper line, drops blank lines from the text, and refuses invalid times', () => {
    const d = open('whisper', WHISPER);
    const result = after(d, insertCueAfter(d.format, d.doc, d.cues, 1, 4100, 4900, 'a\n\nb'));
    expect(result.text).toBe(WHISPER.replace('second line\n', 'second line\n[00:00:04.100 --> 00:00:04.900]  a\nb\n'));
    expect(after(d, insertCueAfter(d.format, d.doc, d.cues, 2, 7000, 8000, '  spaced  ')).cues[3]!.text).toBe('spaced');
    expect(insertCueAfter(d.format, d.doc, d.cues, 1, 4900, 4100, 'x')).toBeNull();
    expect(insertCueAfter(d.format, d.doc, d.cues, 1, -5, 4100, 'x')).toBeNull();
    expect(insertCueAfter(d.format, d.doc, d.cues, 3, 0, 1, 'x')).toBeNull();
  });

  it('refuses text the format cannot hold', () => {
    const d = open('vtt', VTT);
    expect(insertCueAfter(d.format, d.doc, d.cues, 0, 2100, 2900, '00:00:09.000 --> 00:00:10.000')).toBeNull();
  });
});

describe('insertCueAt', () => {
  it('places the cue in time order', () => {
    const d = open('srt', SRT);
    const result = after(d, insertCueAt(d.format, d.doc, d.cues, 4500, 4800, 'Between'));
    expect(result.cues.map((c) => c.text)).toEqual(['One', 'Two', 'Between', 'Three']);
    expect(srtIndices(result)).toEqual(['1', '2', '3', '4']);
    const last = after(d, insertCueAt(d.format, d.doc, d.cues, 9000, 9500, 'Last'));
    expect(last.cues.map((c) => c.text)).toEqual(['One', 'Two', 'Three', 'Last']);
  });

  it('goes after the header of a WebVTT file and its NOTE blocks', () => {
    const d = open('vtt', VTT);
    const result = after(d, insertCueAt(d.format, d.doc, d.cues, 500, 800, 'First'));
    expect(result.text).toBe(VTT.replace('intro\n', '00:00:00.500 --> 00:00:00.800\nFirst\n\nintro\n'));
  });

  it('adds the first cue to an empty document or a bare header', () => {
    for (const [id, text] of [
      ['srt', ''],
      ['srt', '\n\n'],
      ['vtt', 'WEBVTT\n'],
      ['vtt', 'WEBVTT'],
      ['whisper', ''],
      ['sbv', ''],
      ['ass', ASS_HEAD],
    ] as const) {
      const d = open(id, text);
      const result = after(d, insertCueAt(d.format, d.doc, d.cues, 1000, 2000, 'Hello'));
      expect(essence(result.cues), `${id} ${JSON.stringify(text)}`).toEqual([[1000, 2000, 'Hello']]);
      expect(result.text.endsWith('Hello\n')).toBe(true);
      expect(result.selection).toBe(result.text.indexOf('Hello'));
    }
  });

  it('returns null where a new cue would not be read (an ASS script without [Events])', () => {
    const d = open('ass', '[Script Info]\nScriptType: v4.00+\n');
    expect(insertCueAt(d.format, d.doc, d.cues, 1000, 2000, 'Hello')).toBeNull();
  });

  it('returns null for an ASS file whose Format line orders the fields differently (formatBlock writes the standard order)', () => {
    const d = open('ass', '[Events]\nFormat: Start, End, Layer, Style, Name, MarginL, MarginR, MarginV, Effect, Text\nDialogue: 0:00:01.00,0:00:02.00,0,Default,,0,0,0,,a\n');
    expect(d.cues).toHaveLength(1);
    expect(insertCueAt(d.format, d.doc, d.cues, 2500, 2800, 'x')).toBeNull();
    // Deleting and merging only move existing text, so they work there.
    expect(after(d, deleteCue(d.format, d.doc, d.cues, 0)).cues).toEqual([]);
  });

  it('uses the context the editor passes instead of re-reading the head', () => {
    const d = open('ass', ASS);
    const context = d.format.readContext(d.text.slice(0, d.cues[0]!.from));
    const plan = insertCueAt(d.format, d.doc, d.cues, 4500, 4800, 'x', { context });
    expect(plan).toEqual(insertCueAt(d.format, d.doc, d.cues, 4500, 4800, 'x'));
  });

  it('writes an ASS Dialogue line among the events', () => {
    const d = open('ass', ASS);
    const result = after(d, insertCueAt(d.format, d.doc, d.cues, 4500, 4800, 'x'));
    expect(result.cues.map((c) => c.text)).toEqual(['One', 'Two\nlines', 'x', 'Three']);
    expect(result.text).toContain('Comment: 0,0:00:02.00');
  });
});

describe('deleteCue', () => {
  it('removes the block and one separator, renumbering SRT', () => {
    const d = open('srt', SRT);
    const result = after(d, deleteCue(d.format, d.doc, d.cues, 1));
    expect(result.text).toBe('1\n00:00:01,000 --> 00:00:02,000\nOne\n\n2\n00:00:05,000 --> 00:00:06,000\nThree\n');
    expect(result.selection).toBe(result.text.indexOf('Three'));
  });

  it('removes the first cue without leaving blank lines at the top', () => {
    const d = open('srt', SRT);
    const result = after(d, deleteCue(d.format, d.doc, d.cues, 0));
    expect(result.text).toBe('1\n00:00:03,000 --> 00:00:04,000\nTwo\n\n2\n00:00:05,000 --> 00:00:06,000\nThree\n');
  });

  it('removes the last cue keeping the final line break (or its absence)', () => {
    const d = open('srt', SRT);
    expect(after(d, deleteCue(d.format, d.doc, d.cues, 2)).text).toBe('1\n00:00:01,000 --> 00:00:02,000\nOne\n\n2\n00:00:03,000 --> 00:00:04,000\nTwo\n');
    const bare = open('srt', SRT.trimEnd());
    const result = after(bare, deleteCue(bare.format, bare.doc, bare.cues, 2));
    expect(result.text).toBe('1\n00:00:01,000 --> 00:00:02,000\nOne\n\n2\n00:00:03,000 --> 00:00:04,000\nTwo');
    expect(result.selection).toBe(result.text.length);
  });

  it('removes the only cue', () => {
    const d = open('srt', '1\n00:00:01,000 --> 00:00:02,000\nOne\n');
    expect(after(d, deleteCue(d.format, d.doc, d.cues, 0)).text).toBe('');
  });

  it('keeps WebVTT NOTE blocks, headers and identifiers of other cues', () => {
    const d = open('vtt', VTT);
    expect(after(d, deleteCue(d.format, d.doc, d.cues, 0)).text).toBe(VTT.replace('\n\nintro\n00:00:01.000 --> 00:00:02.000 align:start\nOne', ''));
    expect(after(d, deleteCue(d.format, d.doc, d.cues, 2)).text).toBe(VTT.replace('\n\nNOTE also kept\n\n00:00:05.000 --> 00:00:06.000\nThree', '\n\nNOTE also kept'));
  });

  it('deletes a whisper cue with its continuation lines, and an ASS line but not its comment', () => {
    const w = open('whisper', WHISPER);
    expect(after(w, deleteCue(w.format, w.doc, w.cues, 1)).text).toBe(
      '[00:00:01.000 --> 00:00:02.000]  One\n[00:00:05.000 --> 00:00:06.000]  Three\n',
    );
    const a = open('ass', ASS);
    const result = after(a, deleteCue(a.format, a.doc, a.cues, 0));
    expect(result.text).toBe(ASS.replace('Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,One\n', ''));
  });

  it('returns null for a cue that does not exist', () => {
    const d = open('srt', SRT);
    expect(deleteCue(d.format, d.doc, d.cues, 3)).toBeNull();
  });
});

describe('mergeWithNext', () => {
  it('joins texts with a line break, takes the outer times, renumbers SRT', () => {
    const d = open('srt', SRT);
    const result = after(d, mergeWithNext(d.format, d.doc, d.cues, 0));
    expect(result.text).toBe('1\n00:00:01,000 --> 00:00:04,000\nOne\nTwo\n\n2\n00:00:05,000 --> 00:00:06,000\nThree\n');
    expect(result.selection).toBe(result.text.indexOf('Two'));
  });

  it('merges into an empty cue and from an empty cue without blank lines', () => {
    const d = open('srt', '1\n00:00:01,000 --> 00:00:02,000\n\n2\n00:00:03,000 --> 00:00:04,000\nTwo\n\n3\n00:00:05,000 --> 00:00:06,000\n');
    expect(after(d, mergeWithNext(d.format, d.doc, d.cues, 0)).text).toBe(
      '1\n00:00:01,000 --> 00:00:04,000\nTwo\n\n2\n00:00:05,000 --> 00:00:06,000\n',
    );
    expect(after(d, mergeWithNext(d.format, d.doc, d.cues, 1)).text).toBe(
      '1\n00:00:01,000 --> 00:00:02,000\n\n2\n00:00:03,000 --> 00:00:06,000\nTwo\n',
    );
  });

  it('writes the line break as the format does: ASS \\N', () => {
    const d = open('ass', ASS);
    const result = after(d, mergeWithNext(d.format, d.doc, d.cues, 1));
    expect(result.text).toContain('Dialogue: 1,0:00:03.00,0:00:06.00,Sign,,0,0,0,,Two\\Nlines\\NThree\n');
    expect(result.cues.map((c) => c.text)).toEqual(['One', 'Two\nlines\nThree']);
  });

  it('keeps what stands between the two cues', () => {
    const d = open('vtt', VTT);
    const result = after(d, mergeWithNext(d.format, d.doc, d.cues, 1));
    expect(result.text).toBe(VTT.replace('Two\n\nNOTE also kept\n\n00:00:05.000 --> 00:00:06.000\nThree', 'Two\nThree\n\nNOTE also kept').replace('00:00:03.000 --> 00:00:04.000', '00:00:03.000 --> 00:00:06.000'));
  });

  it('returns null for the last cue', () => {
    const d = open('srt', SRT);
    expect(mergeWithNext(d.format, d.doc, d.cues, 2)).toBeNull();
  });
});
