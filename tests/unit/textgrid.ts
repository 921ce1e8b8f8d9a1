/**
 * Test helper: a small reader for Praat TextGrid files ("ooTextFile"), in both the long
 * format (`xmin = 1.05`, `intervals [3]:`) and the short one (bare values, one a line),
 * which carry the same values in the same order. Interval tiers only; a point tier
 * ("TextTier") is read past and left out. Used to score speech detection against
 * forced-aligner word boundaries.
 */

export interface TextGridInterval {
  /** Seconds. */
  xmin: number;
  xmax: number;
  text: string;
}

export interface TextGridTier {
  name: string;
  intervals: TextGridInterval[];
}

export interface TextGrid {
  xmin: number;
  xmax: number;
  tiers: TextGridTier[];
}

/**
 * The values of the file in order: quoted strings (`""` is an escaped quote; strings may
 * span lines), numbers, and the `<exists>` flag. Labels (`xmin =`, `tiers?`,
 * `intervals: size =`) and bracketed indices (`item [1]:`) are what the long format adds
 * to the short one, so they are skipped, as are `!` comments.
 */
function tokens(source: string): (string | number)[] {
  const out: (string | number)[] = [];
  const pattern = /"((?:[^"]|"")*)"|(-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)|(<exists>|<absent>)|\[[^\]\n]*\]|![^\n]*|[^\s"[!]+/g;
  for (const match of source.matchAll(pattern)) {
    if (match[1] !== undefined) out.push(match[1].replace(/""/g, '"'));
    else if (match[2] !== undefined) out.push(Number(match[2]));
    else if (match[3] !== undefined) out.push(match[3]);
  }
  return out;
}

export function parseTextGrid(source: string): TextGrid {
  const values = tokens(source.replace(/^\uFEFF/, ''));
  let at = 0;
  const next = (): string | number => {
    if (at >= values.length) throw new Error('TextGrid ends early');
    return values[at++]!;
  };
  const text = (): string => {
    const value = next();
    if (typeof value !== 'string') throw new Error(`TextGrid: expected text at value ${at}, got ${value}`);
    return value;
  };
  const number = (): number => {
    const value = next();
    if (typeof value !== 'number') throw new Error(`TextGrid: expected a number at value ${at}, got "${value}"`);
    return value;
  };

  if (text() !== 'ooTextFile' || text() !== 'TextGrid') throw new Error('not a Praat TextGrid text file');
  const grid: TextGrid = { xmin: number(), xmax: number(), tiers: [] };
  if (next() !== '<exists>') return grid;
  const tierCount = number();
  for (let t = 0; t < tierCount; t++) {
    const kind = text();
    const name = text();
    number(); // tier xmin
    number(); // tier xmax
    const count = number();
    const intervals: TextGridInterval[] = [];
    for (let i = 0; i < count; i++) {
      if (kind === 'IntervalTier') intervals.push({ xmin: number(), xmax: number(), text: text() });
      else {
        number(); // a point: time, mark
        text();
      }
    }
    if (kind === 'IntervalTier') grid.tiers.push({ name, intervals });
  }
  return grid;
}
