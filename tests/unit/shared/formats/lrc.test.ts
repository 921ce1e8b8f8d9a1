import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CueData } from '../../../../src/shared/cue';
import { LAST_CUE_DURATION, lrc } from '../../../../src/shared/formats/lrc';
import { whisper } from '../../../../src/shared/formats/whisper';

// ID tags, an offset, a chorus line with three time tags, an empty line ending a cue, and
// an enhanced-LRC line with word times.
const SONG = [
  '[ti:Lanterns on the Quay]',
  '[ar:The Harbour Lights]',
  '[al:Low Tide]',
  '[by:maria]',
  '[length: 3:05]',
  '[offset:+250]',
  '',
  '[00:12.00]Lanterns on the quay',
  '[00:17.20]we wait for the boats to come in',
  '[00:21.10][01:05.40][01:50.00]Hold on, hold on',
  '[00:26.35]',
  '[00:30.00]<00:30.00>The <00:30.45>tide <00:31.10>is <00:31.40>turning<00:33.00>',
  '[01:10.75]Salt in the air',
  '[02:58.00]',
].join('\n');

// whisper.cpp -olrc: [by:whisper.cpp], segment starts only, text with its leading space.
const WHISPER_CPP = [
  '[by:whisper.cpp]',
  '[00:00.00] And so my fellow Americans, ask not what your country can do for you,',
  '[00:07.60] ask what you can do for your country.',
  '',
].join('\n');

const read = (text: string) => lrc.read(text);
const serialize = (cues: readonly CueData[]) => lrc.serialize!(cues);

describe('lrc.read', () => {
  it('reads a song with ID tags, an offset, repeated lines, an end mark and word times', () => {
    const { cues, diagnostics } = read(SONG);
    expect(diagnostics).toEqual([]);
    // [offset:+250] makes every line appear 250 ms sooner.
    expect(cues.map((c) => [c.start, c.end, c.text])).toEqual([
      [11_750, 16_950, 'Lanterns on the quay'],
      [16_950, 20_850, 'we wait for the boats to come in'],
      [20_850, 26_100, 'Hold on, hold on'],
      [29_750, 65_150, 'The tide is turning'],
      [65_150, 70_500, 'Hold on, hold on'],
      [70_500, 109_750, 'Salt in the air'],
      [109_750, 177_750, 'Hold on, hold on'],
    ]);
    expect(cues[3]!.words).toEqual([
      { start: 29_750, end: 30_200, text: 'The' },
      { start: 30_200, end: 30_850, text: 'tide' },
      { start: 30_850, end: 31_150, text: 'is' },
      { start: 31_150, end: 32_750, text: 'turning' },
    ]);
    expect(cues.filter((c) => c.words).length).toBe(1);
  });

  it('shifts later for a negative offset, and clamps lines it moves before 0:00', () => {
    expect(read('[offset:-500]\n[00:01.00]a\n[00:02.00]b').cues.map((c) => c.start)).toEqual([1500, 2500]);
    const { cues, diagnostics } = read('[ti:x]\n[offset:1500]\n[00:01.00]a\n[00:02.00]b');
    expect(cues.map((c) => [c.start, c.end])).toEqual([
      [0, 500],
      [500, 500 + LAST_CUE_DURATION],
    ]);
    expect(diagnostics.map((d) => [d.line, d.severity, d.message])).toEqual([
      [2, 'warning', 'This offset moves some lines before 0:00; they start at 0:00'],
    ]);
  });

  it('reads whisper.cpp output, trimming the leading space, and ends the last line after a default', () => {
    const { cues, diagnostics } = read(WHISPER_CPP);
    expect(diagnostics).toEqual([]);
    expect(cues).toEqual([
      { start: 0, end: 7600, text: 'And so my fellow Americans, ask not what your country can do for you,' },
      { start: 7600, end: 7600 + LAST_CUE_DURATION, text: 'ask what you can do for your country.' },
    ]);
  });

  it('ends the last line at [length:] when that comes after it', () => {
    expect(read('[length:1:00]\n[00:50.00]last').cues[0]!.end).toBe(60_000);
    expect(read('[length:75.5]\n[00:50.00]last').cues[0]!.end).toBe(75_500);
    expect(read('[length:0:40]\n[00:50.00]last').cues[0]!.end).toBe(50_000 + LAST_CUE_DURATION);
  });

  it('reads the time tag forms found in the wild', () => {
    const text = [
      '[00:01]whole seconds',
      '[00:02.5]tenths',
      '[00:03.250]milliseconds',
      '[75:02.30]past the hour, as whisper.cpp writes it',
      '[01:02:03]colon before the hundredths',
      '[1:02:03.45]with hours',
      '[00:05,50]comma',
      '  [ 00:06.00 ]  spaces around',
    ].join('\n');
    const { cues, diagnostics } = read(text);
    expect(cues.map((c) => [c.start, c.text])).toEqual([
      [1000, 'whole seconds'],
      [2500, 'tenths'],
      [3250, 'milliseconds'],
      [5500, 'comma'],
      [6000, 'spaces around'],
      [62_030, 'colon before the hundredths'],
      [3_723_450, 'with hours'],
      [75 * 60_000 + 2300, 'past the hour, as whisper.cpp writes it'],
    ]);
    expect(diagnostics.map((d) => [d.line, d.severity, d.message, text.slice(d.from, d.to)])).toEqual([
      [5, 'warning', 'Time tag: "01:02:03" has a colon before the hundredths; read as mm:ss.xx', '[01:02:03]'],
      [6, 'warning', 'Time tag: "1:02:03.45" has hours, which standard LRC does not; read as h:mm:ss.xx', '[1:02:03.45]'],
      [7, 'warning', 'Time tag: comma before the hundredths (LRC uses a dot)', '[00:05,50]'],
    ]);
  });

  it('merges lines that share a time into one cue of several lines', () => {
    const { cues } = read('[00:10.00]Hold on\n[00:10.00]Tiens bon\n[00:10.00]\n[00:14.00]next');
    expect(cues[0]).toEqual({ start: 10_000, end: 14_000, text: 'Hold on\nTiens bon' });
  });

  it('reports odd lines by line number and keeps reading', () => {
    const text = [
      '[ti:Odd one]',
      '[offset:soon]',
      '[length:forever]',
      '[offset:100]',
      '[offset:200]',
      'plain words',
      '[00:61.00]bad seconds',
      '[ar:Someone] stray text',
      '[00:09.00]<00:09.00>ok <00:70.00>bad',
      '[Chorus]la la',
      '[00:12.00]fine',
    ].join('\n');
    const { cues, diagnostics } = read(text);
    expect(cues.map((c) => [c.start, c.text, c.words])).toEqual([
      [8900, 'ok bad', undefined],
      [11_900, 'fine', undefined],
    ]);
    expect(diagnostics.map((d) => [d.line, d.severity, d.message, text.slice(d.from, d.to)])).toEqual([
      [2, 'warning', 'Offset "soon" is not a whole number of milliseconds; ignored', '[offset:soon]'],
      [3, 'warning', 'Length "forever" is not a time (m:ss); ignored', '[length:forever]'],
      [5, 'warning', 'A second [offset:] tag; only the first is used', '[offset:200]'],
      [6, 'warning', 'Line without a time tag; skipped', 'plain words'],
      [7, 'error', 'Invalid time tag [00:61.00]; it is ignored', '[00:61.00]'],
      [8, 'warning', 'Text after the [ar:] tag is ignored', ' stray text'],
      [9, 'warning', "Invalid word time <00:70.00>; this line's word times are ignored", '<00:70.00>'],
      [10, 'warning', 'Line without a time tag; skipped', '[Chorus]la la'],
    ]);
  });

  it('gives word times to the time tag they belong to, and reads text before the first word tag', () => {
    const { cues } = read('[00:10.00][00:40.00]<00:40.00>Again <00:40.50>and again\n[00:50.00]Oh <00:51.00>yeah\n[00:53.00]');
    expect(cues.map((c) => [c.start, c.text, c.words])).toEqual([
      [10_000, 'Again and again', undefined],
      [
        40_000,
        'Again and again',
        [
          { start: 40_000, end: 40_500, text: 'Again' },
          { start: 40_500, end: 50_000, text: 'and again' },
        ],
      ],
      [
        50_000,
        'Oh yeah',
        [
          { start: 50_000, end: 51_000, text: 'Oh' },
          { start: 51_000, end: 53_000, text: 'yeah' },
        ],
      ],
    ]);
  });

  it('reads karaoke word times without spaces (one tag per character)', () => {
    const [cue] = read('[00:01.00]<00:01.00>我<00:01.40>爱<00:01.80>你<00:02.20>\n[00:03.00]').cues;
    expect(cue!.text).toBe('我爱你');
    expect(cue!.words!.map((w) => [w.text, w.start, w.end])).toEqual([
      ['我', 1000, 1400],
      ['爱', 1400, 1800],
      ['你', 1800, 2200],
    ]);
  });

  it('reads a BOM and CRLF', () => {
    expect(read('\uFEFF[ar:x]\r\n[00:01.00]a\r\n[00:02.00]').cues).toEqual([{ start: 1000, end: 2000, text: 'a' }]);
  });

  it('stays linear on pathological input (a quadratic parser would hit the test timeout)', () => {
    const big = [
      '[00:01.00]' + '<00:01.00>a '.repeat(50_000),
      '[00:02.00]'.repeat(50_000) + 'x',
      '['.repeat(100_000),
      '[00:0'.repeat(100_000),
    ].join('\n');
    const { cues } = read(big);
    expect(cues.map((c) => [c.start, c.words?.length])).toEqual([
      [1000, 50_000],
      [2000, undefined],
    ]);
    expect(cues[1]!.text).toBe('x');
  });

  it('never throws on arbitrary text', () => {
    const fragment = fc.oneof(
      fc.constantFrom('[', ']', '<', '>', '00:12.00', '[00:12.00]', '<00:12.50>', '[offset:+100]', '[offset:-99999]', '[length:1:00]', '[ar:x]', ' ', '\n', '\r\n', 'la'),
      fc.string({ maxLength: 4 }),
    );
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.array(fragment, { maxLength: 60 }).map((a) => a.join('')));
    fc.assert(
      fc.property(text, (source) => {
        const { cues, diagnostics } = read(source);
        for (const cue of cues) {
          expect(cue.start).toBeGreaterThanOrEqual(0);
          expect(cue.end).toBeGreaterThanOrEqual(cue.start);
        }
        for (const d of diagnostics) expect(d.line).toBeGreaterThanOrEqual(1);
      }),
    );
  });
});

describe('lrc.serialize', () => {
  it('writes a header, one line per text line, and end marks where a gap follows', () => {
    const cues: CueData[] = [
      { start: 5000, end: 9000, text: 'Three' },
      { start: 1000, end: 2000, text: 'One' },
      { start: 2000, end: 3500, text: 'Two\nlines' },
      { start: 4000, end: 4000, text: '  ' },
      {
        start: 8000,
        end: 9994,
        text: 'Four more',
        words: [
          { start: 8000, end: 8600, text: 'Four' },
          { start: 8600, end: 9500, text: 'more' },
        ],
      },
    ];
    const text = serialize(cues);
    expect(text).toBe(
      [
        '[re:Cuesmith]',
        '[00:01.00]One',
        '[00:02.00]Two',
        '[00:02.00]lines',
        '[00:03.50]',
        '[00:05.00]Three',
        '[00:08.00]<00:08.00>Four <00:08.60>more<00:09.50>',
        '[00:09.99]',
        '',
      ].join('\n'),
    );
    // What LRC can say comes back; the overlap of Three into Four cannot.
    expect(read(text)).toEqual({
      cues: [
        { start: 1000, end: 2000, text: 'One' },
        { start: 2000, end: 3500, text: 'Two\nlines' },
        { start: 5000, end: 8000, text: 'Three' },
        {
          start: 8000,
          end: 9990,
          text: 'Four more',
          words: [
            { start: 8000, end: 8600, text: 'Four' },
            { start: 8600, end: 9500, text: 'more' },
          ],
        },
      ],
      diagnostics: [],
    });
  });

  it('writes words only when they can be placed in the text', () => {
    const untimed = { start: 0, end: 1000, text: 'a b', words: [{ start: null, end: null, text: 'a' }] };
    const elsewhere = { start: 2000, end: 3000, text: 'c d', words: [{ start: 2000, end: 2500, text: 'x' }] };
    expect(serialize([untimed, elsewhere], )).toBe('[re:Cuesmith]\n[00:00.00]a b\n[00:01.00]\n[00:02.00]c d\n[00:03.00]\n');
  });

  it('rounds to the nearest hundredth and lets minutes pass 99', () => {
    expect(lrc.serialize!([{ start: 6_000_004, end: 6_000_005, text: 'x' }], { eol: '\r\n' })).toBe('[re:Cuesmith]\r\n[100:00.00]x\r\n[100:00.01]\r\n');
  });

  it('round-trips cues in order with centisecond times', () => {
    const line = fc.string({ minLength: 1, maxLength: 20 }).filter((l) => l.trim() === l && !/[\r\n<]/.test(l) && !l.startsWith('['));
    const step = fc.record({
      gap: fc.integer({ min: 0, max: 500 }),
      duration: fc.integer({ min: 1, max: 500 }),
      lines: fc.array(line, { minLength: 1, maxLength: 2 }),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 15 }), (steps) => {
        let time = 0;
        const cues = steps.map((s) => {
          const start = time + s.gap * 10;
          time = start + s.duration * 10;
          return { start, end: time, text: s.lines.join('\n') };
        });
        expect(read(serialize(cues))).toEqual({ cues, diagnostics: [] });
      }),
    );
  });
});

describe('lrc.detect', () => {
  it('recognises time tags and ID tags, and leaves whisper lines alone', () => {
    expect(lrc.detect(SONG)).toBe(0.9);
    expect(lrc.detect(WHISPER_CPP)).toBe(0.9);
    expect(lrc.detect('[ar:Someone]\n[ti:Something]\n')).toBe(0.5);
    expect(lrc.detect('', 'song.LRC')).toBe(0.3);
    expect(lrc.detect('[00:00:00.000 --> 00:00:04.140]  And so')).toBe(0);
    expect(whisper.detect(SONG)).toBe(0);
  });
});
