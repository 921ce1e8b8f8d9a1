/**
 * Cue text markup across formats. Each format keeps its own markup as text (SRT's
 * `<i>`/`<font>`, WebVTT's tags and character references, ASS override blocks), so a
 * conversion translates it: into a neutral list of styled runs, then out into the target's
 * dialect. Only what the target can express survives (italic, bold, underline); the rest
 * becomes plain text. Converting a format to itself changes nothing.
 */

import { parseCueText, type CueTextNode } from './vtt';

export type MarkupDialect = 'srt' | 'vtt' | 'ass' | 'plain';

export interface StyledRun {
  text: string;
  italic: boolean;
  bold: boolean;
  underline: boolean;
}

type Style = Pick<StyledRun, 'italic' | 'bold' | 'underline'>;
const PLAIN: Style = { italic: false, bold: false, underline: false };

/** Parses cue text of a dialect into styled runs (line breaks stay "\n" inside runs). */
export type RunReader = (text: string) => StyledRun[];

function pushRun(runs: StyledRun[], text: string, style: Style): void {
  if (text === '') return;
  const last = runs[runs.length - 1];
  if (last && last.italic === style.italic && last.bold === style.bold && last.underline === style.underline) {
    last.text += text;
  } else runs.push({ text, ...style });
}

const HTML_STYLE_TAG = /^<(\/?)([ibu])>$/i;
const STYLE_KEY = { i: 'italic', b: 'bold', u: 'underline' } as const;

/** SRT: `<i> <b> <u>` toggle styles; `<font …>` and `{\an8}`-style codes are dropped; anything else is text. */
export function readSrtRuns(text: string): StyledRun[] {
  const runs: StyledRun[] = [];
  let style = { ...PLAIN };
  const pattern = /<\/?[ibu]>|<\/?font\b[^<>]*>|\{\\[^{}]*\}/gi;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    pushRun(runs, text.slice(last, match.index), style);
    last = match.index + match[0].length;
    const tag = HTML_STYLE_TAG.exec(match[0]);
    if (tag) style = { ...style, [STYLE_KEY[tag[2]!.toLowerCase() as 'i' | 'b' | 'u']]: tag[1] !== '/' };
  }
  pushRun(runs, text.slice(last), style);
  return runs;
}

/** ASS: `{\i1}`/`{\i0}`, `{\b1}`/`{\b0}` (or a weight), `{\u1}`/`{\u0}`, `{\r}`; other overrides dropped; `\h` is a no-break space. */
export function readAssRuns(text: string): StyledRun[] {
  const runs: StyledRun[] = [];
  let style = { ...PLAIN };
  let last = 0;
  for (const match of text.matchAll(/\{([^{}]*)\}/g)) {
    pushRun(runs, text.slice(last, match.index).replace(/\\h/g, '\u00a0'), style);
    last = match.index + match[0].length;
    for (const code of match[1]!.split('\\').slice(1)) {
      const toggle = /^([ibu])(\d+)\s*$/.exec(code);
      if (toggle) {
        const on = toggle[1] === 'b' ? Number(toggle[2]) === 1 || Number(toggle[2]) >= 600 : toggle[2] === '1';
        style = { ...style, [STYLE_KEY[toggle[1] as 'i' | 'b' | 'u']]: on };
      } else if (/^r\b/.test(code)) style = { ...PLAIN };
    }
  }
  pushRun(runs, text.slice(last).replace(/\\h/g, '\u00a0'), style);
  return runs;
}

/** WebVTT: the cue text parsing rules (vtt.ts) give a tree; i/b/u become styles, other tags and timestamps vanish, references are decoded. */
export function readVttRuns(text: string): StyledRun[] {
  const runs: StyledRun[] = [];
  const walk = (nodes: readonly CueTextNode[], style: Style): void => {
    for (const node of nodes) {
      if (node.type === 'text') pushRun(runs, node.value, style);
      else if (node.type === 'element') {
        const key = node.name === 'i' || node.name === 'b' || node.name === 'u' ? STYLE_KEY[node.name] : null;
        walk(node.children, key ? { ...style, [key]: true } : style);
      }
    }
  };
  walk(parseCueText(text), PLAIN);
  return runs;
}

export const readPlainRuns: RunReader = (text) => (text === '' ? [] : [{ text, ...PLAIN }]);

function wrap(run: StyledRun, open: (k: 'i' | 'b' | 'u') => string, close: (k: 'i' | 'b' | 'u') => string, body: string): string {
  const keys = (['b', 'i', 'u'] as const).filter((k) => run[STYLE_KEY[k]]);
  return keys.map(open).join('') + body + [...keys].reverse().map(close).join('');
}

const escapeVtt = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function writeRuns(runs: readonly StyledRun[], dialect: MarkupDialect): string {
  switch (dialect) {
    case 'plain':
      return runs.map((r) => r.text).join('');
    case 'srt':
      return runs.map((r) => wrap(r, (k) => `<${k}>`, (k) => `</${k}>`, r.text)).join('');
    case 'vtt':
      return runs.map((r) => wrap(r, (k) => `<${k}>`, (k) => `</${k}>`, escapeVtt(r.text))).join('');
    case 'ass':
      return runs.map((r) => wrap(r, (k) => `{\\${k}1}`, (k) => `{\\${k}0}`, r.text)).join('');
  }
}
