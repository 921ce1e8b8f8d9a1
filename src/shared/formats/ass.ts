/**
 * Advanced SubStation Alpha (.ass, ScriptType v4.00+) and its predecessor SubStation
 * Alpha v4 (.ssa, ScriptType v4.00): one parser, two writers.
 *
 * A script is a list of sections ([Script Info], [V4+ Styles] or [V4 Styles], [Events],
 * [Fonts], [Graphics], [Aegisub Project Garbage] …). Only the `Dialogue:` lines of
 * [Events] are cues; everything else — script info, styles, `Comment:` lines, embedded
 * fonts — lies outside every cue's offsets, so editing cues leaves it byte for byte.
 *
 * Dialogue fields follow the [Events] `Format:` line in any order, as libass reads them
 * (Aegisub ignores that line and assumes the standard order). Text is the last field and
 * keeps its commas; a Format line that puts Text earlier makes the rest of the line the
 * text, as in libass. Without a Format line we assume the standard fields: SSA's when the
 * first field is `Marked=…`, ASS's otherwise.
 *
 * Offsets: `timingFrom..timingTo` runs from the Start value to the End value. With the
 * standard `…, Start, End, …` order that is exactly `0:00:01.00,0:00:02.50`, the text
 * `formatTiming` writes. A Format line that puts another field between them (or End
 * first) gets an error diagnostic: the span then still runs from the first to the last
 * of the two, and rewriting it would overwrite the fields between.
 *
 * Cue text keeps override blocks (`{\i1}`) and `\h` as text; only the line breaks `\N`
 * and `\n` become "\n" (and "\n" is written back as `\N`).
 */
import type { Cue, CueData, Diagnostic } from '../cue';
import { clockToMillis, fractionToMillis } from '../time';
import { iterateLines, type SourceLine } from '../text/lines';
import { lineDiagnostic } from './diagnostics';
import type { FormatContext, SerializeOptions, TextFormat } from './types';

type Flavour = 'ass' | 'ssa';

const STANDARD_EVENT_FIELDS: Record<Flavour, readonly string[]> = {
  ass: ['Layer', 'Start', 'End', 'Style', 'Name', 'MarginL', 'MarginR', 'MarginV', 'Effect', 'Text'],
  ssa: ['Marked', 'Start', 'End', 'Style', 'Name', 'MarginL', 'MarginR', 'MarginV', 'Effect', 'Text'],
};

/** Event fields that become cue meta, by lower-cased field name. `Actor` is an old name for Name. */
const META_KEYS: Readonly<Record<string, string>> = {
  layer: 'layer',
  marked: 'marked',
  style: 'style',
  name: 'name',
  actor: 'name',
  marginl: 'marginL',
  marginr: 'marginR',
  marginv: 'marginV',
  effect: 'effect',
};
const NUMERIC_META = new Set(['layer', 'marked', 'marginL', 'marginR', 'marginV']);
/** Meta that is left out when empty, to keep cues from other formats and ours alike. */
const OPTIONAL_META = new Set(['name', 'effect']);
const KNOWN_EVENT_FIELDS = new Set([...Object.keys(META_KEYS), 'start', 'end', 'text']);
/** Field names as people write them, for messages. */
const FIELD_LABELS = new Map(
  [...STANDARD_EVENT_FIELDS.ass, ...STANDARD_EVENT_FIELDS.ssa, 'Actor'].map((f) => [f.toLowerCase(), f]),
);

// ---------------------------------------------------------------------------- times

/** `H:MM:SS.cc`, leniently: any number of hour digits, 1–2 minute and second digits, any fraction. */
const ASS_TIME = /^(\d+):(\d{1,2}):(\d{1,2})(?:\.(\d*))?$/;

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Milliseconds as `H:MM:SS.cc`, rounded to the nearest centisecond (Aegisub truncates; nearest errs less). */
function formatTime(ms: number): string {
  const centis = Math.round(Math.max(0, ms) / 10);
  const hours = Math.floor(centis / 360_000);
  const minutes = Math.floor((centis % 360_000) / 6000);
  const seconds = Math.floor((centis % 6000) / 100);
  return `${hours}:${pad2(minutes)}:${pad2(seconds)}.${pad2(centis % 100)}`;
}

function formatTiming(start: number, end: number): string {
  return `${formatTime(start)},${formatTime(end)}`;
}

/**
 * A time field. Renderers disagree on fractions that are not two digits: Aegisub reads
 * them as a decimal fraction (`0:00:01.5` = 1.5 s), libass and ffmpeg as a count of
 * centiseconds (1.05 s), and libass takes a time without a fraction as 0. We read them
 * like Aegisub and say what libass-based players (mpv, VLC, ffmpeg) will show instead.
 */
function readTime(value: string): { ms: number; problem?: string } {
  const match = ASS_TIME.exec(value);
  if (!match) return { ms: Number.NaN };
  const wholeSeconds = clockToMillis(Number(match[1]), Number(match[2]), Number(match[3]), 0);
  const digits = match[4] ?? '';
  const ms = wholeSeconds + fractionToMillis(digits);
  if (Number.isNaN(ms) || digits.length === 2) return { ms };
  const libass = digits === '' ? 0 : wholeSeconds + Number(digits) * 10;
  const what = digits === '' ? 'has no centiseconds' : `has ${digits.length} fraction digit${digits.length === 1 ? '' : 's'}`;
  return {
    ms,
    problem: `"${value}" ${what}: read as ${formatTime(ms)}, but libass-based players show ${formatTime(libass)} (write H:MM:SS.cc)`,
  };
}

// ---------------------------------------------------------------------------- parsing

type SectionKind = 'info' | 'styles' | 'events' | 'other';

function sectionKind(name: string): SectionKind | null {
  switch (name.trim().toLowerCase()) {
    case 'script info':
      return 'info';
    case 'v4+ styles':
    case 'v4 styles':
    case 'v4 styles+':
      return 'styles';
    case 'events':
      return 'events';
    case 'fonts':
    case 'graphics':
    case 'aegisub project garbage':
    case 'aegisub extradata':
      return 'other';
    default:
      return null;
  }
}

const SECTION = /^\s*\[([^\]]*)\]\s*$/;
const KEY = /^\s*([A-Za-z][A-Za-z ]*):/;
const isComment = (text: string): boolean => /^\s*(?:;|!:)/.test(text);

/** The lower-cased field names of Dialogue lines, up to and including Text. */
type EventFormat = readonly string[];

const STANDARD_FORMATS: Record<Flavour, EventFormat> = {
  ass: STANDARD_EVENT_FIELDS.ass.map((f) => f.toLowerCase()),
  ssa: STANDARD_EVENT_FIELDS.ssa.map((f) => f.toLowerCase()),
};

/** Reads an [Events] Format line; null when it is unusable (the standard one applies). */
function readEventFormat(line: SourceLine, body: string, diagnostics: Diagnostic[]): EventFormat | null {
  let fields = body.split(',').map((f) => f.trim().toLowerCase());
  const missing = ['start', 'end', 'text'].filter((f) => !fields.includes(f));
  if (missing.length > 0) {
    const names = missing.map((f) => f[0]!.toUpperCase() + f.slice(1)).join(', ');
    diagnostics.push(
      lineDiagnostic(line, 'error', `The Format line has no ${names} field; Dialogue lines are read with the standard fields instead`),
    );
    return null;
  }
  const textIndex = fields.indexOf('text');
  if (textIndex < fields.length - 1) {
    diagnostics.push(
      lineDiagnostic(line, 'warning', 'Text is not the last field of the Format line; everything after it in a Dialogue line is read as text'),
    );
    fields = fields.slice(0, textIndex + 1);
  }
  for (const field of new Set(fields)) {
    if (!KNOWN_EVENT_FIELDS.has(field)) {
      diagnostics.push(lineDiagnostic(line, 'info', `Unknown field "${field}" in the Format line; its values are ignored`));
    }
  }
  if (fields.indexOf('end') !== fields.indexOf('start') + 1) {
    diagnostics.push(
      lineDiagnostic(
        line,
        'error',
        'The Format line does not put End right after Start: changing a timing rewrites everything from the first to the last of them as "start,end", overwriting the fields between. Reorder the fields to the standard "…, Start, End, …" before editing timings',
      ),
    );
  }
  return fields;
}

interface Field {
  /** The value without surrounding spaces (Text: the raw rest of the line). */
  value: string;
  /** Absolute offsets of `value`. */
  from: number;
  to: number;
}

/** The fields of an event line after its `Dialogue:`, or null when it has too few. */
function splitEventFields(line: SourceLine, bodyIndex: number, format: EventFormat): Map<string, Field> | null {
  const fields = new Map<string, Field>();
  let pos = bodyIndex;
  for (const name of format) {
    if (name === 'text') {
      fields.set(name, { value: line.text.slice(pos), from: line.from + pos, to: line.to });
      break;
    }
    const comma = line.text.indexOf(',', pos);
    if (comma < 0) return null;
    let from = pos;
    let to = comma;
    while (from < to && /\s/.test(line.text[from]!)) from++;
    while (to > from && /\s/.test(line.text[to - 1]!)) to--;
    if (!fields.has(name)) fields.set(name, { value: line.text.slice(from, to), from: line.from + from, to: line.from + to });
    pos = comma + 1;
  }
  return fields;
}

function metaValue(key: string, value: string): string | number | null {
  if (!NUMERIC_META.has(key)) return value;
  const number = key === 'marked' ? value.replace(/^marked\s*=\s*/i, '') : value;
  return /^-?\d+$/.test(number) ? Number(number) : null;
}

function readDialogue(line: SourceLine, bodyIndex: number, format: EventFormat, diagnostics: Diagnostic[]): Cue | null {
  const fields = splitEventFields(line, bodyIndex, format);
  if (!fields) {
    const found = line.text.slice(bodyIndex).split(',').length;
    diagnostics.push(
      lineDiagnostic(line, 'error', `Dialogue line has ${found} fields but the Format line has ${format.length}; this line is ignored`),
    );
    return null;
  }
  const startField = fields.get('start')!;
  const endField = fields.get('end')!;
  const textField = fields.get('text')!;
  const timingFrom = Math.min(startField.from, endField.from);
  const timingTo = Math.max(startField.to, endField.to);

  const start = readTime(startField.value);
  const end = readTime(endField.value);
  let valid = true;
  for (const [time, field] of [[start, startField], [end, endField]] as const) {
    if (Number.isNaN(time.ms)) {
      diagnostics.push(
        lineDiagnostic(line, 'error', `Invalid time "${field.value}" (expected H:MM:SS.cc); this line is ignored`, field.from, field.to),
      );
      valid = false;
    } else if (time.problem) {
      diagnostics.push(lineDiagnostic(line, 'warning', `Time code ${time.problem}`, field.from, field.to));
    }
  }
  if (!valid) return null;
  if (end.ms < start.ms) {
    diagnostics.push(lineDiagnostic(line, 'warning', 'Cue ends before it starts', timingFrom, timingTo));
  }

  const meta: Record<string, string | number> = {};
  for (const [name, field] of fields) {
    const key = META_KEYS[name];
    if (!key || (OPTIONAL_META.has(key) && field.value === '')) continue;
    const value = metaValue(key, field.value);
    if (value === null) {
      diagnostics.push(
        lineDiagnostic(line, 'warning', `${FIELD_LABELS.get(name)} "${field.value}" is not a whole number; it is ignored`, field.from, field.to),
      );
    } else {
      meta[key] = value;
    }
  }

  return {
    start: start.ms,
    end: end.ms,
    text: textField.value.replace(/\\[Nn]/g, '\n'),
    meta,
    from: line.from,
    to: line.to,
    timingFrom,
    timingTo,
    textFrom: textField.from,
    textTo: textField.to,
  };
}

/** Where a reading stands: what the lines read so far establish for the next one. */
interface ReadingState {
  section: SectionKind | null;
  sectionName: string;
  eventFormat: EventFormat | null;
  /** Whether the note about a missing [Events] Format line has been given. */
  reportedMissingFormat: boolean;
  styleFieldCount: number;
}

const startOfScript = (): ReadingState => ({
  section: null,
  sectionName: '',
  eventFormat: null,
  reportedMissingFormat: false,
  styleFieldCount: 0,
});

/** Reads the lines of `text` from `state`, which it leaves where the text ends. */
function read(text: string, state: ReadingState) {
  const cues: Cue[] = [];
  const diagnostics: Diagnostic[] = [];
  let { section, sectionName, eventFormat, reportedMissingFormat, styleFieldCount } = state;

  for (const line of iterateLines(text)) {
    const content = line.number === 1 ? line.text.replace(/^\uFEFF/, '') : line.text;
    if (content.trim() === '') continue;

    const header = SECTION.exec(content);
    if (header) {
      sectionName = header[1]!.trim();
      section = sectionKind(sectionName);
      if (section === null) {
        diagnostics.push(lineDiagnostic(line, 'info', `Unknown section [${sectionName}]; kept as it is`));
        section = 'other';
      }
      if (section === 'styles') styleFieldCount = /^v4 styles$/i.test(sectionName) ? 18 : 23;
      continue;
    }
    if (section === 'other') continue;
    if (section === null) {
      diagnostics.push(lineDiagnostic(line, 'warning', 'Text outside any section (a script starts with [Script Info])'));
      continue;
    }
    if (isComment(content)) continue;

    const key = KEY.exec(content);
    const keyName = key ? key[1]!.trimEnd().toLowerCase() : '';
    const bodyIndex = key ? key[0].length + (line.text.length - content.length) : 0;

    if (section !== 'events' && (keyName === 'dialogue' || keyName === 'comment')) {
      diagnostics.push(lineDiagnostic(line, 'warning', `Event line in [${sectionName}] instead of [Events]; players ignore it`));
      continue;
    }

    if (section === 'info') {
      if (!key) diagnostics.push(lineDiagnostic(line, 'warning', 'Script Info line is not "Key: value"; players ignore it'));
      else if (keyName === 'scripttype' && !/^v4\.00\+?$/i.test(content.slice(key[0].length).trim())) {
        diagnostics.push(lineDiagnostic(line, 'warning', 'Unknown ScriptType (expected v4.00+ for ASS or v4.00 for SSA)'));
      }
      continue;
    }

    if (section === 'styles') {
      const fieldCount = content.slice(key ? key[0].length : 0).split(',').length;
      if (keyName === 'format') styleFieldCount = fieldCount;
      else if (keyName !== 'style') {
        diagnostics.push(lineDiagnostic(line, 'warning', `Unrecognised line in [${sectionName}]; players ignore it`));
      } else if (fieldCount !== styleFieldCount) {
        diagnostics.push(
          lineDiagnostic(line, 'warning', `Style has ${fieldCount} fields but the Format line has ${styleFieldCount}`),
        );
      }
      continue;
    }

    // [Events]
    switch (keyName) {
      case 'format':
        eventFormat = readEventFormat(line, line.text.slice(bodyIndex), diagnostics);
        break;
      case 'dialogue': {
        let format = eventFormat;
        if (!format) {
          const flavour: Flavour = /^\s*marked\s*=/i.test(line.text.slice(bodyIndex)) ? 'ssa' : 'ass';
          format = STANDARD_FORMATS[flavour];
          if (!reportedMissingFormat) {
            reportedMissingFormat = true;
            diagnostics.push(
              lineDiagnostic(line, 'info', `No Format line in [Events] above this line; reading Dialogue lines as "${STANDARD_EVENT_FIELDS[flavour].join(', ')}"`),
            );
          }
        }
        const cue = readDialogue(line, bodyIndex, format, diagnostics);
        if (cue) cues.push(cue);
        break;
      }
      case 'comment':
        break;
      case 'picture':
      case 'sound':
      case 'movie':
      case 'command':
        diagnostics.push(lineDiagnostic(line, 'info', `${key![1]!.trimEnd()} events are not subtitles; kept as they are`));
        break;
      default:
        diagnostics.push(lineDiagnostic(line, 'warning', 'Unrecognised line in [Events]; players ignore it'));
    }
  }
  Object.assign(state, { section, sectionName, eventFormat, reportedMissingFormat, styleFieldCount });
  return { cues, diagnostics };
}

const parse = (text: string) => read(text, startOfScript());

// ---------------------------------------------------------------------------- incremental reading

/**
 * What the head (everything before the first Dialogue cue) establishes for the lines after
 * it: the [Events] field order (null: no usable Format line, so each Dialogue line is read
 * with the standard fields of its flavour, told line by line by a `Marked=` first field).
 * The rest of the reading state is the same at every cue: inside [Events] (a fragment reads
 * the section headers inside it as the whole parse does), and the note about a missing
 * Format line already given (it belongs to the first Dialogue line, and a fragment cannot
 * know whether it starts there).
 *
 * A Format line in [Events] *after* the first cue (no writer we know puts one there) is
 * beyond this: the cues after it read with its fields, which a fragment that starts after
 * it does not know, and editing it changes how every later cue reads. Such a document must
 * be read whole after each edit.
 */
function contextReader(id: Flavour) {
  return (head: string): FormatContext => {
    const state = startOfScript();
    read(head, state);
    return { format: id, eventFormat: state.eventFormat };
  };
}

function parseFragment(fragment: string, context: FormatContext) {
  const fields = context.eventFormat;
  const eventFormat = Array.isArray(fields) && fields.every((f) => typeof f === 'string') ? (fields as string[]) : null;
  return read(fragment, { ...startOfScript(), section: 'events', sectionName: 'Events', eventFormat, reportedMissingFormat: true });
}

// ---------------------------------------------------------------------------- writing

interface Dialect {
  scriptType: string;
  /** Script Info lines beyond ScriptType and PlayRes. */
  info: readonly string[];
  stylesSection: string;
  styleFormat: string;
  /** Everything after the name of the Default style. */
  defaultStyle: string;
  /** The first Dialogue field (Layer or Marked). */
  firstField(meta: CueData['meta']): string;
}

const wholeNumber = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isInteger(value) ? value : fallback;

const DIALECTS: Record<Flavour, Dialect> = {
  ass: {
    scriptType: 'v4.00+',
    info: ['WrapStyle: 0', 'ScaledBorderAndShadow: yes', 'YCbCr Matrix: None'],
    stylesSection: '[V4+ Styles]',
    styleFormat:
      'Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding',
    // Aegisub's default style: Arial 48, white, 2 px outline and shadow, bottom centre.
    defaultStyle: 'Arial,48,&H00FFFFFF,&H000000FF,&H00000000,&H00000000,0,0,0,0,100,100,0,0,1,2,2,2,10,10,10,1',
    firstField: (meta) => String(wholeNumber(meta?.layer, 0)),
  },
  ssa: {
    scriptType: 'v4.00',
    info: [],
    stylesSection: '[V4 Styles]',
    styleFormat:
      'Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, TertiaryColour, BackColour, Bold, Italic, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, AlphaLevel, Encoding',
    // The same look in v4 terms: colours are decimal BGR numbers, as Aegisub's SSA writer puts them.
    defaultStyle: 'Arial,48,16777215,255,0,0,0,0,1,2,2,2,10,10,10,0,1',
    firstField: (meta) => `Marked=${meta?.marked === 1 ? 1 : 0}`,
  },
};

/** A name-like field: commas would shift every later field, so they become ";" as in Aegisub. */
const plainField = (value: unknown): string =>
  typeof value === 'string' ? value.replace(/,/g, ';').replace(/[\r\n]/g, '').trim() : '';

function dialogueLine(cue: CueData, dialect: Dialect): string {
  const meta = cue.meta;
  return [
    `Dialogue: ${dialect.firstField(meta)}`,
    formatTiming(cue.start, cue.end),
    plainField(meta?.style) || 'Default',
    plainField(meta?.name),
    wholeNumber(meta?.marginL, 0),
    wholeNumber(meta?.marginR, 0),
    wholeNumber(meta?.marginV, 0),
    plainField(meta?.effect),
    cue.text.replace(/\r\n|\r|\n/g, '\\N'),
  ].join(',');
}

function serializer(flavour: Flavour) {
  const dialect = DIALECTS[flavour];
  return (cues: readonly CueData[], options: SerializeOptions = {}): string => {
    // Every style the cues name gets a line (with the default look), so players find them all.
    const styles = new Set(['Default', ...cues.map((cue) => plainField(cue.meta?.style)).filter((s) => s !== '')]);
    const lines = [
      '[Script Info]',
      '; Script generated by Cuesmith',
      `ScriptType: ${dialect.scriptType}`,
      'PlayResX: 1920',
      'PlayResY: 1080',
      ...dialect.info,
      '',
      dialect.stylesSection,
      dialect.styleFormat,
      ...[...styles].map((name) => `Style: ${name},${dialect.defaultStyle}`),
      '',
      '[Events]',
      `Format: ${STANDARD_EVENT_FIELDS[flavour].join(', ')}`,
      ...cues.map((cue) => dialogueLine(cue, dialect)),
      '',
    ];
    return lines.join(options.eol ?? '\n');
  };
}

// ---------------------------------------------------------------------------- detection

function declaredFlavour(head: string): Flavour | null {
  if (/^\s*\[V4\+ Styles\]/im.test(head) || /^\s*ScriptType\s*:\s*v4\.00\+/im.test(head)) return 'ass';
  if (/^\s*\[V4 Styles\]/im.test(head) || /^\s*ScriptType\s*:\s*v4\.00\s*$/im.test(head)) return 'ssa';
  return null;
}

function detector(flavour: Flavour) {
  return (text: string, fileName?: string): number => {
    const head = text.slice(0, 4096).replace(/^\uFEFF/, '');
    const extension = /\.(ass|ssa)$/i.exec(fileName ?? '')?.[1]?.toLowerCase() as Flavour | undefined;
    const score = /^\s*\[Script Info\]/i.test(head) ? 0.95 : /^\s*Dialogue\s*:/im.test(head) ? 0.6 : 0;
    if (score === 0) return extension === flavour ? 0.3 : 0;
    const guess = declaredFlavour(head) ?? extension ?? 'ass';
    return guess === flavour ? score : 0.2;
  };
}

export const ass: TextFormat = {
  kind: 'text',
  id: 'ass',
  label: 'Advanced SubStation Alpha',
  extensions: ['ass'],
  detect: detector('ass'),
  parse,
  serialize: serializer('ass'),
  formatTiming,
  formatBlock: (cue) => dialogueLine(cue, DIALECTS.ass),
  blockSeparator: '\n',
  readContext: contextReader('ass'),
  parseFragment,
};

export const ssa: TextFormat = {
  kind: 'text',
  id: 'ssa',
  label: 'SubStation Alpha',
  extensions: ['ssa'],
  detect: detector('ssa'),
  parse,
  serialize: serializer('ssa'),
  formatTiming,
  formatBlock: (cue) => dialogueLine(cue, DIALECTS.ssa),
  blockSeparator: '\n',
  readContext: contextReader('ssa'),
  parseFragment,
};
