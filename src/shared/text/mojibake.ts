/**
 * Mojibake: UTF-8 text that a program decoded as Windows-1252 or Latin-1 ("VicuÃ±a" for
 * "Vicuña", "donâ€™t" for "don’t"), sometimes more than once. We find it and propose the
 * repair span by span, with offsets, so the editor can show every fix for review.
 *
 * The ideas come from python-ftfy (its "badness" heuristic, "sloppy" Windows-1252, lossy
 * sequences); the rules and the code are ours, tuned for precision: real text must never
 * be "repaired" into something else, so a doubtful span is left alone.
 *
 * 1. Units. A character whose Windows-1252/Latin-1 byte starts a UTF-8 sequence ("Ã" is
 *    C3), followed by characters whose bytes continue it ("±" is B1), re-encodes exactly
 *    to one character ("ñ"). Adjacent units form a span. Damaged forms count too: U+FFFD or
 *    "?" for a lost byte ("â€�"), a plain space for a lost no-break space ("voilÃ le").
 * 2. Evidence. Each unit is judged by its characters and neighbours, for or against: real
 *    text puts "…" or "’" after a capital ("MARQUÉ…", "ZZAJÉ’s"), never "±" after "Ã"
 *    ("VicuÃ±a"). A span is suspect when the evidence for outweighs the evidence against.
 * 3. Plausibility. The repair must be clearly better: none of the suspicious sequences a
 *    repair of real text would produce (controls, IPA and other rare letters, a lone letter
 *    of another script glued to Latin, a case flip inside a word). Repaired text that is
 *    itself mojibake is repaired again, up to three times.
 * 4. Consistency. When the rest of the text has correct non-ASCII characters, one lone
 *    suspicious pair is not enough. Once the text is known to be broken, spans with no
 *    evidence either way ("Ð " in a Cyrillic word, "â € ") are repaired along with it.
 * 5. Stray C1 controls are Windows-1252 text read as Latin-1: "\u0093" becomes "“".
 *
 * Hand-written tables instead of TextDecoder: src/shared has no DOM or Node types, and
 * Node's own windows-1252 decoder maps 0x80–0x9F wrongly (see PLATFORM.md).
 */

export interface MojibakeFix {
  /** Offset of the first replaced character in the input. */
  from: number;
  /** Offset just past the replaced characters in the input. */
  to: number;
  before: string;
  after: string;
}

export interface MojibakeRepair {
  text: string;
  /** In input order, not overlapping. */
  fixes: MojibakeFix[];
}

/**
 * Bytes 0x80–0x9F in Windows-1252. The five bytes Windows leaves undefined (81, 8D, 8F,
 * 90, 9D) come out as the C1 control of the same number, as "sloppy" decoders and Latin-1
 * do. Every other byte reads the same in both encodings, so one table serves both.
 */
const WINDOWS_1252_80_TO_9F =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

const BYTE_OF_WINDOWS_1252_CHAR = new Map(Array.from(WINDOWS_1252_80_TO_9F, (char, i) => [char.charCodeAt(0), 0x80 + i]));

/** The byte a Windows-1252 or Latin-1 decoder turned into this UTF-16 unit, or -1. */
function byteOf(code: number): number {
  return code < 0x100 ? code : (BYTE_OF_WINDOWS_1252_CHAR.get(code) ?? -1);
}

function charOfByte(byte: number): string {
  return byte >= 0x80 && byte < 0xa0 ? WINDOWS_1252_80_TO_9F[byte - 0x80]! : String.fromCharCode(byte);
}

function utf8Bytes(codePoint: number): number[] {
  if (codePoint < 0x80) return [codePoint];
  if (codePoint < 0x800) return [0xc0 | (codePoint >> 6), 0x80 | (codePoint & 0x3f)];
  // A lone surrogate has no UTF-8 form; encoders write U+FFFD instead.
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return utf8Bytes(0xfffd);
  if (codePoint < 0x10000) return [0xe0 | (codePoint >> 12), 0x80 | ((codePoint >> 6) & 0x3f), 0x80 | (codePoint & 0x3f)];
  return [0xf0 | (codePoint >> 18), 0x80 | ((codePoint >> 12) & 0x3f), 0x80 | ((codePoint >> 6) & 0x3f), 0x80 | (codePoint & 0x3f)];
}

/** What a program shows when it reads this text's UTF-8 bytes as Windows-1252: "Vicuña" → "VicuÃ±a". */
export function misdecodeAsWindows1252(text: string): string {
  const out: string[] = [];
  for (const char of text) for (const byte of utf8Bytes(char.codePointAt(0)!)) out.push(charOfByte(byte));
  return out.join('');
}

/** Characters whose byte is a UTF-8 continuation (80–BF): Latin-1's, and Windows-1252's own 27. */
const CONTINUATION_CLASS =
  '\\u0080-\\u00bf' +
  Array.from(WINDOWS_1252_80_TO_9F)
    .filter((char) => char.charCodeAt(0) > 0xff)
    .map((char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .join('');

/**
 * Any C1 control, or a lead character followed by a continuation, by U+FFFD (a lost byte)
 * or by a space (a lost no-break space, for the leads where that is allowed).
 */
const MOJIBAKE_HINT = new RegExp(
  `[\\u0080-\\u009f]|[\\u00c2-\\u00f4][${CONTINUATION_CLASS}\\ufffd]|[\\u00c2\\u00c3\\u00ce\\u00d0\\u00d9] |[\\u00e2\\u00e3\\u00f0] [${CONTINUATION_CLASS}\\ufffd]`,
);

/**
 * Cheap pre-check, one regular expression: false means `repairMojibake` would return null.
 * True means "worth a closer look", not "broken": Italian "PIÙ " or a C1 control match too.
 */
export function looksLikeMojibake(text: string): boolean {
  return MOJIBAKE_HINT.test(text);
}

const SPACE = 0x20;
const QUESTION_MARK = 0x3f;
const APOSTROPHE = 0x27;
const NO_BREAK_SPACE = 0xa0;
const A_CIRCUMFLEX = 0xc2; // Â
const A_TILDE = 0xc3; // Ã
const C_CEDILLA = 0xc7; // Ç
const RIGHT_SINGLE_QUOTE = 0x2019;
const REPLACEMENT_CHARACTER = 0xfffd;
/** Text broken more than three times over is beyond saving (ftfy's corpus stops at three). */
const MAX_DECODINGS = 3;

/** One UTF-8 sequence as it appears after the wrong decoding. */
interface Unit {
  from: number;
  to: number;
  /** The character the bytes stand for; U+FFFD when a byte was lost on the way. */
  decoded: string;
  byteCount: number;
  /** A continuation came out as a C1 control: the bytes went through Latin-1. */
  viaLatin1: boolean;
  /** A continuation byte was lost (U+FFFD, or "?" in "â€?"). */
  lossy: boolean;
  /** A no-break space (byte A0) came back as a plain space. */
  lostNoBreakSpace: boolean;
}

/** Lead bytes whose sequences often contain A0 in the given position, making common characters. */
function mayHaveLostNoBreakSpace(lead: number, position: number, byteCount: number): boolean {
  // Â+A0 no-break space, Ã+A0 "à", Î+A0 "Π", Ð+A0 "Р", Ù+A0 "٠". Not "Å " (Š): "Å" is a Nordic word.
  if (byteCount === 2) return lead === 0xc2 || lead === 0xc3 || lead === 0xce || lead === 0xd0 || lead === 0xd9;
  // E0 (Indic, Thai) only as the last byte; E2 (punctuation, symbols) and E3 (CJK
  // punctuation, kana) anywhere. "á " (E1) would turn Spanish into Mongolian.
  if (byteCount === 3) return lead === 0xe2 || lead === 0xe3 || (lead === 0xe0 && position === 2);
  return lead === 0xf0; // emoji
}

/** UTF-8 forbids overlong forms, surrogates and code points past U+10FFFF: the second byte's range depends on the lead. */
function secondByteFits(lead: number, byte: number): boolean {
  if (lead === 0xe0) return byte >= 0xa0;
  if (lead === 0xed) return byte <= 0x9f;
  if (lead === 0xf0) return byte >= 0x90;
  if (lead === 0xf4) return byte <= 0x8f;
  return true;
}

/** "Ã" + space: in "Ã s " and "Ã quele" (Portuguese às, àquele) or before another space, the space was the A0. */
function spaceBelongsToGrave(text: string, at: number): boolean {
  return at >= text.length || text.charCodeAt(at) === SPACE || text.startsWith('s ', at) || text.startsWith('quel', at) || text.startsWith('quil', at);
}

function unitAt(text: string, at: number): Unit | null {
  const lead = byteOf(text.charCodeAt(at));
  const byteCount = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  if (byteCount === 0) return null;
  let codePoint = lead & (0xff >> (byteCount + 1));
  let viaLatin1 = false;
  let lossy = false;
  let lostNoBreakSpace = false;
  for (let position = 1; position < byteCount; position++) {
    const code = text.charCodeAt(at + position);
    let byte = byteOf(code);
    if (byte >= 0x80 && byte <= 0xbf) {
      viaLatin1 ||= code <= 0x9f;
      if (position === 1 && !secondByteFits(lead, byte)) return null;
    } else if (code === REPLACEMENT_CHARACTER || (code === QUESTION_MARK && isRightQuoteStem(text, at, lead, position))) {
      lossy = true;
      byte = 0x80;
    } else if (code === SPACE && !lostNoBreakSpace && mayHaveLostNoBreakSpace(lead, position, byteCount)) {
      lostNoBreakSpace = true;
      byte = NO_BREAK_SPACE;
      if (position === 1 && !secondByteFits(lead, byte)) return null;
    } else {
      return null;
    }
    codePoint = (codePoint << 6) | (byte & 0x3f);
  }
  let to = at + byteCount;
  // "voilÃ le": the A0 vanished and the space is the word separator, so only "Ã" is "à".
  if (lostNoBreakSpace && lead === A_TILDE && !spaceBelongsToGrave(text, to)) to = at + 1;
  const decoded = lossy ? '\ufffd' : String.fromCodePoint(codePoint);
  return { from: at, to, decoded, byteCount, viaLatin1, lossy, lostNoBreakSpace };
}

/** "â€?": ” is E2 80 9D, and 9D, undefined in Windows-1252, became "?" in a lossy decoder. */
function isRightQuoteStem(text: string, at: number, lead: number, position: number): boolean {
  return lead === 0xe2 && position === 2 && byteOf(text.charCodeAt(at + 1)) === 0x80;
}

const LOWERCASE = /\p{Ll}/u;
const UPPERCASE = /\p{Lu}/u;
const LETTER = /\p{L}/u;
const MARK = /\p{M}/u;
const LATIN = /\p{Script=Latin}/u;
const GREEK = /\p{Script=Greek}/u;
const COMMON = /\p{Script=Common}/u;

const matches = (pattern: RegExp, code: number): boolean => code >= 0 && pattern.test(String.fromCodePoint(code));
const isLowercase = (code: number) => matches(LOWERCASE, code);
const isUppercase = (code: number) => matches(UPPERCASE, code);
const isLetter = (code: number) => matches(LETTER, code);
const isDigit = (code: number) => code >= 0x30 && code <= 0x39;
const codesOf = (chars: string): Set<number> => new Set(Array.from(chars, (c) => c.charCodeAt(0)));

/** Punctuation that real text puts right after a word, also after an accented capital ("MARQUÉ…", "NESTLÉ®"). */
const ENDS_WORDS = codesOf('’”…–—™®©°»');
/** After "Ã" and "Â" only these: Portuguese caps end in "Ã" ("NÃO…"), but "Ã™", "Ã©" or "Ã»" are always broken. */
const ENDS_WORDS_AFTER_A_HAT = codesOf('’”…–—');
/** The letters Windows-1252 puts among the continuation bytes. */
const WINDOWS_1252_LETTERS = codesOf('ŠšŒœŽžŸƒ');
/** What may stand before a no-break space that "Â " stands for. */
const ENDS_SENTENCES = codesOf('.,!?;:)');
/** Typographic characters that occur next to mojibake in real, partly correct text. */
const TEXT_PUNCTUATION = codesOf('\u00a0‘’‚“”„–—…•«»‹›¡¿©®°™');

/**
 * A stray continuation character right before a unit means the unit is the tail of a
 * longer garble that does not decode; fixing a piece of it would make things worse.
 */
function isGarbleCharacter(code: number): boolean {
  const byte = byteOf(code);
  const isControl = code >= 0x80 && code <= 0x9f;
  return byte >= 0x80 && byte <= 0xbf && !isControl && !TEXT_PUNCTUATION.has(code);
}

type Verdict = -1 | 0 | 1;
const AGAINST: Verdict = -1;
const NEUTRAL: Verdict = 0;
const FOR: Verdict = 1;

/** Reads a character code of the analysed text, or of its surroundings past either end (NaN beyond). */
type Look = (index: number) => number;

/** Contractions after an apostrophe: "JOSÉ’s" is a possessive, not mojibake. */
function isContractionTail(look: Look, at: number): boolean {
  const letters = [look(at), look(at + 1), look(at + 2)];
  const tail = String.fromCharCode(...letters.map((c) => (isLetter(c) ? c : SPACE)));
  return /^(?:[stdm] |ll |re |ve )/i.test(tail);
}

/** Stands for a neighbour that belongs to an adjacent unit: no evidence either way, the span decides. */
const IN_UNIT = -2;

interface Surroundings {
  /** A stray continuation character precedes the unit. */
  garbleBefore: boolean;
  unitBefore: boolean;
  unitAfter: boolean;
}

function judgeUnit(unit: Unit, look: Look, around: Surroundings): Verdict {
  if (around.garbleBefore) return AGAINST;
  if (unit.byteCount > 2) return unit.lostNoBreakSpace ? NEUTRAL : FOR;
  if (unit.viaLatin1) return FOR;
  const before = around.unitBefore ? IN_UNIT : look(unit.from - 1);
  const after = around.unitAfter ? IN_UNIT : look(unit.to);
  if (unit.lossy) return isLowercase(before) ? FOR : NEUTRAL;
  const lead = look(unit.from);
  const continuation = unit.lostNoBreakSpace ? NO_BREAK_SPACE : look(unit.from + 1);
  if (continuation === NO_BREAK_SPACE) return judgeSpaceUnit(unit, lead, before, after, look);
  const hatLead = lead === A_CIRCUMFLEX || lead === A_TILDE;
  const endsWords = hatLead ? ENDS_WORDS_AFTER_A_HAT : ENDS_WORDS;
  // Czech capitals put Š or Ž after Í ("VÍŠ", "ŘÍŠE"), which would decode to a combining mark.
  const isCzechCapitals = (lead === 0xcc || lead === 0xcd) && WINDOWS_1252_LETTERS.has(continuation);
  if (!endsWords.has(continuation) && !isCzechCapitals) return FOR;
  // A capital right after a lowercase letter is out of place in real text.
  if (isUppercase(lead) && isLowercase(before)) return FOR;
  if (isCzechCapitals) return NEUTRAL;
  // Punctuation that may end a word: decide by the neighbours.
  if (isLetter(after)) {
    // "Ç’a" is French ("ç’a été"), not "ǒa".
    const apostrophe = continuation === RIGHT_SINGLE_QUOTE && before !== IN_UNIT && (lead === C_CEDILLA || isContractionTail(look, unit.to));
    return apostrophe ? AGAINST : FOR;
  }
  if (before === IN_UNIT || after === IN_UNIT) return NEUTRAL;
  if (isUppercase(before)) return AGAINST;
  // "1920Ã—1080" is broken; "4288×…" is a number followed by an ellipsis.
  if (isDigit(before)) return hatLead ? FOR : AGAINST;
  return NEUTRAL;
}

/** A lead followed by a no-break space, or by the plain space one became. */
function judgeSpaceUnit(unit: Unit, lead: number, before: number, after: number, look: Look): Verdict {
  if (lead === A_TILDE && (isLowercase(before) || before === APOSTROPHE || before === RIGHT_SINGLE_QUOTE)) return FOR; // voilà, jusqu'à
  if (lead === A_CIRCUMFLEX && (isLowercase(before) || ENDS_SENTENCES.has(before))) return FOR; // "namedÂ scars"
  if (after === IN_UNIT) return NEUTRAL;
  // Gàidhlig, às, àquele; "Škoda" and "Ơn" come out as "Å koda" and "Æ n" with a no-break space.
  if (isLowercase(after) && (lead === A_TILDE || (isUppercase(lead) && !unit.lostNoBreakSpace))) return FOR;
  if (lead === A_TILDE) {
    // Nobody writes a no-break space after "Ã", except inside caps: "LÃ , il" is "Là, il".
    if (!unit.lostNoBreakSpace) return isUppercase(after) ? AGAINST : FOR;
    if (after === SPACE) {
      const nextWord = look(unit.to + 1);
      if (isLowercase(nextWord)) return FOR; // à as a word of its own
      if (isUppercase(nextWord)) return AGAINST; // "C O N C L U S Ã O"
    }
  }
  return isUppercase(before) ? AGAINST : NEUTRAL; // "SELKÄ EDELLÄ", "MISUTÂ AJIKKO"
}

interface Span {
  from: number;
  to: number;
  units: Unit[];
  verdict: 'evident' | 'neutral' | 'rejected';
  /** Strong enough without support from other spans: several units, a 3-4 byte unit, or Latin-1 controls. */
  standsAlone: boolean;
  /** So clearly broken that rare characters in the repair are accepted (emoticons, several scripts). */
  overwhelming: boolean;
}

interface Plan {
  spans: Span[];
  /** Offsets of C1 controls outside any unit (and not inside a garble): Windows-1252 text read as Latin-1. */
  strayControls: number[];
  /** Every non-ASCII character outside the units is a C1 control: the text may be wholly misdecoded. */
  consistent: boolean;
  /** Every character outside the units is in Windows-1252 or Latin-1, so C1 controls can stand for Windows-1252. */
  windows1252Only: boolean;
}

function toSpan(units: Unit[], verdicts: Verdict[]): Span {
  const forCount = verdicts.filter((v) => v === FOR).length;
  const againstCount = verdicts.filter((v) => v === AGAINST).length;
  // Adjacent units hardly occur in real text: three never, two only next to evidence against.
  const runBonus = units.length >= 3 || (units.length === 2 && againstCount === 0) ? 1 : 0;
  const score = forCount - againstCount + runBonus;
  return {
    from: units[0]!.from,
    to: units[units.length - 1]!.to,
    units,
    verdict: score > 0 ? 'evident' : score === 0 && againstCount === 0 ? 'neutral' : 'rejected',
    standsAlone: units.length > 1 || units.some((u) => u.viaLatin1 || (u.byteCount > 2 && !u.lostNoBreakSpace)),
    overwhelming: units.length >= 3 || forCount >= 2,
  };
}

function planSpans(text: string, look: Look): Plan {
  const runs: { units: Unit[]; garbleBefore: boolean }[] = [];
  const strayControls: number[] = [];
  let consistent = true;
  let windows1252Only = true;
  let lastUnitEnd = -1;
  for (let i = 0; i < text.length; ) {
    const unit = unitAt(text, i);
    const strayBefore = i > 0 && lastUnitEnd !== i;
    if (unit === null) {
      const code = text.charCodeAt(i);
      if (code >= 0x80 && code <= 0x9f) {
        if (!strayBefore || !isGarbleCharacter(text.charCodeAt(i - 1))) strayControls.push(i);
      } else if (code >= 0x80) {
        consistent = false;
        windows1252Only &&= byteOf(code) >= 0;
      }
      i++;
      continue;
    }
    if (unit.from === lastUnitEnd) runs[runs.length - 1]!.units.push(unit);
    else runs.push({ units: [unit], garbleBefore: strayBefore && isGarbleCharacter(text.charCodeAt(i - 1)) });
    lastUnitEnd = unit.to;
    i = unit.to;
  }
  const spans = runs.map(({ units, garbleBefore }) =>
    toSpan(
      units,
      units.map((unit, k) => judgeUnit(unit, look, { garbleBefore: k === 0 && garbleBefore, unitBefore: k > 0, unitAfter: k < units.length - 1 })),
    ),
  );
  return { spans, strayControls, consistent, windows1252Only };
}

/** Replaces each span of `text` by what its units decode to. */
function decodeSpans(text: string, spans: Span[]): string {
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += text.slice(at, span.from) + span.units.map((u) => u.decoded).join('');
    at = span.to;
  }
  return out + text.slice(at);
}

/** Rare in any text, common in repairs of text that was fine: IPA, spacing modifiers, historic or rare scripts. */
function isRareCharacter(codePoint: number): boolean {
  const allowedLatinExtendedB =
    codePoint === 0x1a0 || codePoint === 0x1a1 || codePoint === 0x1af || codePoint === 0x1b0 || // Vietnamese ơ ư
    (codePoint >= 0x1cd && codePoint <= 0x1dc) || // Pinyin tones
    (codePoint >= 0x218 && codePoint <= 0x21b); // Romanian ș ț
  if (codePoint >= 0x180 && codePoint <= 0x24f) return !allowedLatinExtendedB;
  return (
    (codePoint >= 0x250 && codePoint <= 0x2ff) || // IPA, spacing modifier letters
    (codePoint >= 0x370 && codePoint <= 0x385) || // Greek numeral signs and accents on their own
    (codePoint >= 0x3cf && codePoint <= 0x3ff) || // archaic Greek, Coptic
    (codePoint >= 0x460 && codePoint <= 0x58f) || // historic Cyrillic, Armenian
    (codePoint >= 0x591 && codePoint <= 0x5cf) || // Hebrew points
    (codePoint >= 0x5eb && codePoint <= 0x5ff) ||
    (codePoint >= 0x700 && codePoint <= 0x8ff) || // Syriac to Samaritan
    (codePoint >= 0x1d00 && codePoint <= 0x1dff) // phonetic extensions
  );
}

/** Controls, private use, noncharacters and the planes nothing is assigned to: never the result of a repair. */
function isNeverText(codePoint: number): boolean {
  return (
    (codePoint < 0x20 && codePoint !== 0x09 && codePoint !== 0x0a && codePoint !== 0x0d) ||
    (codePoint >= 0x7f && codePoint <= 0x9f) ||
    (codePoint >= 0xe000 && codePoint <= 0xf8ff) ||
    (codePoint >= 0xfdd0 && codePoint <= 0xfdef) ||
    (codePoint & 0xfffe) === 0xfffe ||
    (codePoint >= 0x40000 && codePoint <= 0xdffff) ||
    codePoint >= 0xe0200
  );
}

/** A letter of a script other than Latin and Greek (Greek letters stand alone in science: "IL2Rγc", "10 μs"). */
const isForeignLetter = (code: number) => isLetter(code) && !matches(LATIN, code) && !matches(GREEK, code) && !matches(COMMON, code);

/**
 * Letters of other scripts must form a word of at least two letters that does not touch
 * Latin letters or digits: "Bront넔", "5ף35" and "aí´´" → "a픴" are repairs of real text.
 * Only the runs that take in a repaired character (from..to of `chars`) are checked.
 */
function foreignWordsAreWords(chars: number[], from: number, to: number): boolean {
  const touchesLatin = (code: number) => isDigit(code) || (isLetter(code) && matches(LATIN, code));
  for (let i = 0; i < chars.length; ) {
    if (!isForeignLetter(chars[i]!)) {
      i++;
      continue;
    }
    const start = i;
    let letters = 0;
    while (i < chars.length && (isForeignLetter(chars[i]!) || matches(MARK, chars[i]!))) {
      if (isLetter(chars[i]!)) letters++;
      i++;
    }
    const repairedHere = start < to && i > from;
    if (repairedHere && (letters < 2 || touchesLatin(chars[start - 1] ?? Number.NaN) || touchesLatin(chars[i] ?? Number.NaN))) return false;
  }
  return true;
}

/** "MģÄM", "AHř": a lowercase letter inside a run of capitals ("Où" is fine), or a capital after a lowercase letter. */
function flipsCase(chars: number[], i: number): boolean {
  const code = chars[i]!;
  if (!matches(LATIN, code)) return false;
  const before = chars[i - 1] ?? Number.NaN;
  if (isUppercase(code)) return isLowercase(before);
  if (!isLowercase(code) || !isUppercase(before)) return false;
  return isUppercase(chars[i + 1] ?? Number.NaN) || isUppercase(chars[i - 2] ?? Number.NaN);
}

/** Whether `repaired`, put in place of the span from..to of `text`, reads like real text. */
function isPlausible(repaired: string, text: string, from: number, to: number, overwhelming: boolean): boolean {
  const inner = Array.from(repaired, (c) => c.codePointAt(0)!);
  if (inner.some(isNeverText)) return false;
  if (overwhelming) return true;
  if (inner.some(isRareCharacter)) return false;
  // Two characters of context on each side, NaN past the ends.
  const chars = [text.charCodeAt(from - 2), text.charCodeAt(from - 1), ...inner, text.charCodeAt(to), text.charCodeAt(to + 1)];
  if (!foreignWordsAreWords(chars, 2, 2 + inner.length)) return false;
  return !inner.some((_, i) => flipsCase(chars, i + 2));
}

/**
 * A decoded layer is decoded again only when it shows what a second round of mojibake
 * leaves: a pair ("Ã©", "Åš"), a C1 control, or a symbol among the continuations. A
 * lowercase accented letter followed by two letters ("éšš") is what the first round
 * legitimately produced.
 */
function hasTelltale(text: string, span: Span): boolean {
  return span.units.some(
    (unit) => unit.byteCount === 2 || unit.viaLatin1 || Array.from(text.slice(unit.from + 1, unit.to)).some((c) => !WINDOWS_1252_LETTERS.has(c.charCodeAt(0))),
  );
}

/**
 * Decodes a span, then again while the result is itself clearly mojibake (double
 * encoding), and returns the deepest result that reads like real text, or null.
 */
function repairSpan(text: string, span: Span): string | null {
  const layers = [{ text: span.units.map((u) => u.decoded).join(''), lenient: span.overwhelming }];
  while (layers.length < MAX_DECODINGS) {
    const layer = layers[layers.length - 1]!;
    const look: Look = (i) => (i < 0 ? text.charCodeAt(span.from + i) : i >= layer.text.length ? text.charCodeAt(span.to + i - layer.text.length) : layer.text.charCodeAt(i));
    // Inner layers are short: a lone unit needs evidence of its own, and every span a telltale.
    const inner = planSpans(layer.text, look).spans.filter(
      (s) => (s.verdict === 'evident' || (s.verdict === 'neutral' && s.units.length > 1)) && hasTelltale(layer.text, s),
    );
    if (inner.length === 0) break;
    // Leniency carries over only where the inner spans are strong by themselves: "×£" inside
    // "5Ã—Â£35" is a real "5×£35", not a Hebrew letter.
    layers.push({ text: decodeSpans(layer.text, inner), lenient: layer.lenient && inner.every((s) => s.standsAlone) });
  }
  for (let i = layers.length - 1; i >= 0; i--) {
    const layer = layers[i]!;
    if (isPlausible(layer.text, text, span.from, span.to, layer.lenient)) return layer.text;
  }
  return null;
}

/**
 * Finds mojibake and proposes its repair, or returns null when nothing should change.
 * Covers UTF-8 read as Windows-1252 (also "sloppy", with the five undefined bytes) or as
 * Latin-1, up to three times over, and Windows-1252 read as Latin-1 (stray C1 controls).
 * Never throws; linear in the length of the text.
 */
export function repairMojibake(text: string): MojibakeRepair | null {
  if (!looksLikeMojibake(text)) return null;
  const plan = planSpans(text, (i) => text.charCodeAt(i));
  const candidates = plan.spans.flatMap((span) => {
    const after = span.verdict === 'rejected' ? null : repairSpan(text, span);
    return after === null ? [] : [{ span, after }];
  });
  const evident = candidates.filter((c) => c.span.verdict === 'evident');
  // In partly correct text a lone suspicious pair ("Bremer/Mccoy – DrÃ¥ber") is not enough.
  const trusted = new Set(plan.consistent || evident.length > 1 ? evident : evident.filter((c) => c.span.standsAlone));
  // Once the text is known to be broken, spans without evidence of their own may follow.
  const spanFixes = (trusted.size === 0 ? [] : candidates.filter((c) => trusted.has(c) || c.span.verdict === 'neutral')).map(
    ({ span, after }) => ({ from: span.from, to: span.to, after }),
  );
  const controlFixes = (plan.windows1252Only ? plan.strayControls : [])
    .map((at) => ({ from: at, to: at + 1, after: WINDOWS_1252_80_TO_9F[text.charCodeAt(at) - 0x80]! }))
    .filter((fix) => fix.after !== text[fix.from]);
  if (spanFixes.length === 0 && controlFixes.length === 0) return null;
  const fixes: MojibakeFix[] = [];
  let repaired = '';
  let at = 0;
  for (const { from, to, after } of mergeInTextOrder(spanFixes, controlFixes)) {
    fixes.push({ from, to, before: text.slice(from, to), after });
    repaired += text.slice(at, from) + after;
    at = to;
  }
  return { text: repaired + text.slice(at), fixes };
}

function mergeInTextOrder<T extends { from: number }>(a: T[], b: T[]): T[] {
  const merged: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) merged.push(a[i]!.from < b[j]!.from ? a[i++]! : b[j++]!);
  return merged.concat(a.slice(i), b.slice(j));
}
