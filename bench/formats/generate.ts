/** Deterministic subtitle files of any size, for benchmarks. */

const WORDS = 'the of and to a in that it is was for on are as with his they at be this from have or by one had not but what all were when we there can an your which their said if do will each about how up out them then she many some so these would other into has more her two like him see time could no make than first been its who now people my made over did down only way find use may water long little very after words called just where most know'.split(' ');

/** A small linear congruential generator, so every run benchmarks the same text. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export interface GeneratedCue {
  start: number;
  end: number;
  text: string;
}

export function generateCues(count: number, seed = 42): GeneratedCue[] {
  const next = random(seed);
  const cues: GeneratedCue[] = [];
  let t = 1000;
  for (let i = 0; i < count; i++) {
    const length = 4 + Math.floor(next() * 10);
    const words = Array.from({ length }, () => WORDS[Math.floor(next() * WORDS.length)]!);
    const text = words.length > 8 ? `${words.slice(0, 7).join(' ')}\n${words.slice(7).join(' ')}` : words.join(' ');
    const duration = 800 + Math.floor(next() * 4000);
    cues.push({ start: t, end: t + duration, text: text[0]!.toUpperCase() + text.slice(1) + '.' });
    t += duration + Math.floor(next() * 400);
  }
  return cues;
}
