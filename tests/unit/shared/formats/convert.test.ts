/**
 * Conversions between every readable and every writable format: times survive (to the
 * target's precision), text survives, and markup is translated — never leaked as tags
 * into formats without markup, always escaped where the target needs it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CueData } from '../../../../src/shared/cue';
import { FORMATS, getFormat, readCues, type FormatId } from '../../../../src/shared/formats';
import { convertCues } from '../../../../src/shared/formats/convert';

const readable = FORMATS.filter((f) => f.kind !== 'export').map((f) => f.id);
const writable = FORMATS.filter((f) => f.kind !== 'data' || f.serialize).map((f) => f.id).filter((id) => id !== 'txt');

/** Time resolution of each format, in ms. */
const RESOLUTION: Partial<Record<FormatId, number>> = { ass: 10, ssa: 10, lrc: 10 };
/** Formats that cannot hold a line break inside a cue. */
const SINGLE_LINE = new Set<FormatId>(['tsv', 'whisper-json', 'whisperx-json']);

function roundTrip(cues: CueData[], from: FormatId, to: FormatId): CueData[] {
  const source = getFormat(from);
  const target = getFormat(to);
  if (source.kind === 'export' || target.kind === 'data' && !target.serialize) throw new Error('not convertible');
  const read = readCues(source, source.serialize!(cues)).cues;
  return readCues(target, target.serialize!(convertCues(read, from, to))).cues;
}

describe('conversion between formats', () => {
  const word = fc.stringMatching(/^[A-Za-zÀ-ÿ0-9'?!.,]{1,12}$/);
  const line = fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
  // Cues in order with gaps (LRC's end times are implicit: a gap keeps them).
  const cues = fc
    .array(fc.record({ gap: fc.integer({ min: 10, max: 5000 }), length: fc.integer({ min: 100, max: 8000 }), lines: fc.array(line, { minLength: 1, maxLength: 2 }) }), { minLength: 1, maxLength: 8 })
    .map((raw) => {
      let t = 0;
      return raw.map((c) => {
        const start = (t += c.gap);
        t += c.length;
        return { start: Math.round(start / 10) * 10, end: Math.round(t / 10) * 10, text: c.lines.join('\n') };
      });
    });

  it.each(readable.flatMap((from) => writable.map((to) => [from, to] as const)))('%s → %s keeps times and text', (from, to) => {
    fc.assert(
      fc.property(cues, (input) => {
        const output = roundTrip(input, from, to);
        expect(output).toHaveLength(input.length);
        const flatten = (text: string) => (SINGLE_LINE.has(to) || SINGLE_LINE.has(from) ? text.replace(/\n/g, ' ') : text);
        output.forEach((cue, i) => {
          const resolution = Math.max(RESOLUTION[from] ?? 1, RESOLUTION[to] ?? 1);
          expect(Math.abs(cue.start - input[i]!.start)).toBeLessThan(resolution);
          expect(Math.abs(cue.end - input[i]!.end)).toBeLessThan(resolution);
          expect(flatten(cue.text)).toBe(flatten(input[i]!.text));
        });
      }),
      { numRuns: 20 },
    );
  });
});

describe('markup translation', () => {
  const one = (text: string): CueData[] => [{ start: 0, end: 1000, text }];
  const convert = (text: string, from: FormatId, to: FormatId) => convertCues(one(text), from, to)[0]!.text;

  it('maps italic, bold and underline between SRT, WebVTT and ASS', () => {
    expect(convert('<i>so</i> <b>very</b>', 'srt', 'ass')).toBe('{\\i1}so{\\i0} {\\b1}very{\\b0}');
    expect(convert('{\\i1}so{\\i0} {\\b1}very{\\b0}', 'ass', 'vtt')).toBe('<i>so</i> <b>very</b>');
    expect(convert('<v Roger><i>Hi</i> &amp; bye</v>', 'vtt', 'srt')).toBe('<i>Hi</i> & bye');
  });

  it('escapes what WebVTT would read as markup, and drops what other formats cannot show', () => {
    expect(convert('a < b & c', 'srt', 'vtt')).toBe('a &lt; b &amp; c');
    expect(convert('{\\an8}<font color="red">Top</font>', 'srt', 'vtt')).toBe('Top');
    expect(convert('<c.loud>Hey</c> <00:00:00.500>you', 'vtt', 'whisper')).toBe('Hey you');
    expect(convert('{\\pos(10,10)\\i1}x{\\i0}\\hy', 'ass', 'whisper-json')).toBe('x\u00a0y');
  });

  it('changes nothing when the format stays the same', () => {
    expect(convert('<font color="red">{\\an8}x</font>', 'srt', 'srt')).toBe('<font color="red">{\\an8}x</font>');
  });

  it('keeps word timings and speech-to-text signals through a conversion', () => {
    const cues: CueData[] = [
      { start: 0, end: 1000, text: 'Hello world', words: [{ start: 0, end: 400, text: 'Hello' }, { start: 500, end: 1000, text: 'world' }], meta: { avg_logprob: -0.3 } },
    ];
    const vtt = getFormat('vtt');
    const text = vtt.kind === 'text' ? vtt.serialize(convertCues(cues, 'whisper-json', 'vtt')) : '';
    expect(text).toContain('Hello <00:00:00.500>world');
    const back = readCues(vtt, text).cues[0]!;
    expect(back.words?.map((w) => [w.start, w.text])).toEqual([
      [0, 'Hello'],
      [500, 'world'],
    ]);
    expect(convertCues(cues, 'whisper-json', 'vtt')[0]!.meta).toEqual({ avg_logprob: -0.3 });
  });
});
