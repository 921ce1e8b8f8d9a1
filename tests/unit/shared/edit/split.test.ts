import { describe, expect, it } from 'vitest';
import { splitCue } from '../../../../src/shared/edit';
import { after, essence, open, srtIndices } from './helpers';

const SRT = '1\n00:00:01,000 --> 00:00:03,000\nHello there\n\n2\n00:00:05,000 --> 00:00:06,000\nTwo\n';

describe('splitCue at a text offset', () => {
  it('cuts at the cursor and divides the time by characters on each side', () => {
    const d = open('srt', SRT);
    const at = d.text.indexOf(' there');
    const result = after(d, splitCue(d.format, d.doc, d.cues, 0, { at: 'text', offset: at }));
    // "Hello" 5 characters, "there" 5: the 2 s divide evenly.
    expect(essence(result.cues)).toEqual([
      [1000, 2000, 'Hello'],
      [2000, 3000, 'there'],
      [5000, 6000, 'Two'],
    ]);
    expect(srtIndices(result)).toEqual(['1', '2', '3']);
    expect(result.selection).toBe(result.text.indexOf('there'));
    expect(result.text).toBe('1\n00:00:01,000 --> 00:00:02,000\nHello\n\n2\n00:00:02,000 --> 00:00:03,000\nthere\n\n3\n00:00:05,000 --> 00:00:06,000\nTwo\n');
  });

  it('keeps the minimum gap between the halves', () => {
    const d = open('srt', SRT);
    const at = d.text.indexOf('there');
    const result = after(d, splitCue(d.format, d.doc, d.cues, 0, { at: 'text', offset: at }, { minGap: 24 }));
    expect(essence(result.cues).slice(0, 2)).toEqual([
      [1000, 2000, 'Hello'],
      [2024, 3000, 'there'],
    ]);
  });

  it('cuts a word when the cursor is inside it, and splits at a line break', () => {
    const d = open('srt', '1\n00:00:00,000 --> 00:00:04,000\nabc\ndefgh\n');
    expect(essence(after(d, splitCue(d.format, d.doc, d.cues, 0, { at: 'text', offset: d.text.indexOf('c\n') })).cues)).toEqual([
      [0, 1000, 'ab'],
      [1000, 4000, 'c\ndefgh'],
    ]);
    expect(essence(after(d, splitCue(d.format, d.doc, d.cues, 0, { at: 'text', offset: d.text.indexOf('\ndef') })).cues)).toEqual([
      [0, 1500, 'abc'],
      [1500, 4000, 'defgh'],
    ]);
  });

  it('returns null at the very start or end of the text, outside it, or on empty text', () => {
    const d = open('srt', SRT + '\n3\n00:00:07,000 --> 00:00:08,000\n');
    const cue = d.cues[0]!;
    expect(splitCue(d.format, d.doc, d.cues, 0, { at: 'text', offset: cue.textFrom })).toBeNull();
    expect(splitCue(d.format, d.doc, d.cues, 0, { at: 'text', offset: cue.textTo })).toBeNull();
    expect(splitCue(d.format, d.doc, d.cues, 0, { at: 'text', offset: cue.textTo + 1 })).toBeNull();
    expect(splitCue(d.format, d.doc, d.cues, 0, { at: 'text', offset: cue.textFrom - 1 })).toBeNull();
    expect(splitCue(d.format, d.doc, d.cues, 2, { at: 'text', offset: d.cues[2]!.textFrom })).toBeNull();
  });

  it('splits a zero-length cue into two zero-length cues', () => {
    const d = open('srt', '1\n00:00:01,000 --> 00:00:01,000\nA B\n');
    expect(essence(after(d, splitCue(d.format, d.doc, d.cues, 0, { at: 'text', offset: d.text.indexOf(' B') }, { minGap: 24 })).cues)).toEqual([
      [1000, 1000, 'A'],
      [1000, 1000, 'B'],
    ]);
  });

  it('splits the last cue of a file without a final line break', () => {
    const d = open('srt', SRT.trimEnd());
    const result = after(d, splitCue(d.format, d.doc, d.cues, 1, { at: 'text', offset: d.text.length - 1 }));
    expect(result.text.endsWith('3\n00:00:05,667 --> 00:00:06,000\no')).toBe(true);
    expect(essence(result.cues).slice(1)).toEqual([
      [5000, 5667, 'Tw'],
      [5667, 6000, 'o'],
    ]);
  });
});

describe('splitCue at a time', () => {
  it('cuts the text at the word boundary nearest the time share', () => {
    const d = open('srt', '1\n00:00:00,000 --> 00:00:10,000\none two three four\n');
    // 3 s of 10: 30 % of 15 characters is 4.5; "one|two" leaves 3, "one two|three" 6.
    expect(essence(after(d, splitCue(d.format, d.doc, d.cues, 0, { at: 'time', time: 3000 })).cues)).toEqual([
      [0, 3000, 'one'],
      [3000, 10_000, 'two three four'],
    ]);
    expect(essence(after(d, splitCue(d.format, d.doc, d.cues, 0, { at: 'time', time: 8000 }, { minGap: 24 })).cues)).toEqual([
      [0, 8000, 'one two three'],
      [8024, 10_000, 'four'],
    ]);
  });

  it('prefers a line break when two boundaries are equally near', () => {
    const d = open('srt', '1\n00:00:00,000 --> 00:00:08,000\naa bb\ncc dd\n');
    expect(essence(after(d, splitCue(d.format, d.doc, d.cues, 0, { at: 'time', time: 4000 })).cues)).toEqual([
      [0, 4000, 'aa bb'],
      [4000, 8000, 'cc dd'],
    ]);
  });

  it('keeps a single word on the side with the larger share of time', () => {
    const d = open('srt', '1\n00:00:00,000 --> 00:00:04,000\nWord\n');
    const early = after(d, splitCue(d.format, d.doc, d.cues, 0, { at: 'time', time: 1000 }));
    expect(early.text).toBe('1\n00:00:00,000 --> 00:00:01,000\n\n2\n00:00:01,000 --> 00:00:04,000\nWord\n');
    expect(essence(early.cues)).toEqual([
      [0, 1000, ''],
      [1000, 4000, 'Word'],
    ]);
    expect(essence(after(d, splitCue(d.format, d.doc, d.cues, 0, { at: 'time', time: 3000 })).cues)).toEqual([
      [0, 3000, 'Word'],
      [3000, 4000, ''],
    ]);
  });

  it('splits an empty cue into two empty ones', () => {
    const d = open('srt', '1\n00:00:00,000 --> 00:00:04,000\n');
    expect(essence(after(d, splitCue(d.format, d.doc, d.cues, 0, { at: 'time', time: 1000 })).cues)).toEqual([
      [0, 1000, ''],
      [1000, 4000, ''],
    ]);
  });

  it('returns null at or outside the cue edges and for a zero-length cue', () => {
    const d = open('srt', '1\n00:00:01,000 --> 00:00:02,000\nA B\n\n2\n00:00:03,000 --> 00:00:03,000\nC D\n');
    expect(splitCue(d.format, d.doc, d.cues, 0, { at: 'time', time: 1000 })).toBeNull();
    expect(splitCue(d.format, d.doc, d.cues, 0, { at: 'time', time: 2000 })).toBeNull();
    expect(splitCue(d.format, d.doc, d.cues, 0, { at: 'time', time: 2500 })).toBeNull();
    expect(splitCue(d.format, d.doc, d.cues, 1, { at: 'time', time: 3000 })).toBeNull();
    expect(splitCue(d.format, d.doc, d.cues, 2, { at: 'time', time: 3000 })).toBeNull();
  });
});

describe('splitCue in other formats', () => {
  it('keeps WebVTT settings but not the identifier', () => {
    const d = open('vtt', 'WEBVTT\n\nid-1\n00:00:00.000 --> 00:00:04.000 align:start line:0\nab cd\n');
    const result = after(d, splitCue(d.format, d.doc, d.cues, 0, { at: 'text', offset: d.text.indexOf(' cd') }));
    expect(result.text).toBe('WEBVTT\n\nid-1\n00:00:00.000 --> 00:00:02.000 align:start line:0\nab\n\n00:00:02.000 --> 00:00:04.000 align:start line:0\ncd\n');
  });

  it('keeps the ASS style and layer and cuts at \\N', () => {
    const d = open(
      'ass',
      '[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\nDialogue: 2,0:00:00.00,0:00:04.00,Sign,Bob,0,0,0,,{\\i1}ab\\Ncd\n',
    );
    const result = after(d, splitCue(d.format, d.doc, d.cues, 0, { at: 'time', time: 2500 }));
    expect(result.text).toContain('Dialogue: 2,0:00:00.00,0:00:02.50,Sign,Bob,0,0,0,,{\\i1}ab\nDialogue: 2,0:00:02.50,0:00:04.00,Sign,Bob,0,0,0,,cd\n');
  });

  it('puts the second whisper half on its own timing line', () => {
    const d = open('whisper', '[00:00:00.000 --> 00:00:04.000]  ab cd\n[00:00:05.000 --> 00:00:06.000]  x\n');
    const result = after(d, splitCue(d.format, d.doc, d.cues, 0, { at: 'text', offset: d.text.indexOf('cd') }));
    expect(result.text).toBe('[00:00:00.000 --> 00:00:02.000]  ab\n[00:00:02.000 --> 00:00:04.000]  cd\n[00:00:05.000 --> 00:00:06.000]  x\n');
    expect(result.selection).toBe(result.text.indexOf('cd'));
  });
});
