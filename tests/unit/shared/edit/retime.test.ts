import { describe, expect, it } from 'vitest';
import { nudge, retime, setEdgeAt, spot } from '../../../../src/shared/edit';
import { after, open, times } from './helpers';

const SRT = [
  '1',
  '00:00:01,000 --> 00:00:02,000  X1:10 X2:20 Y1:30 Y2:40',
  'One',
  '',
  '2',
  '00:00:03,000 --> 00:00:04,000',
  'Two',
  '',
  '3',
  '00:00:05,000 --> 00:00:06,000',
  'Three',
  '',
].join('\n');

const srt = () => open('srt', SRT);

describe('retime', () => {
  it('rewrites only the time codes, keeping coordinates and everything else', () => {
    const d = srt();
    const plan = retime(d.format, d.cues[0]!, 1200, 2500);
    expect(plan!.changes).toEqual([{ from: d.cues[0]!.timingFrom, to: d.cues[0]!.timingTo, insert: '00:00:01,200 --> 00:00:02,500' }]);
    const result = after(d, plan);
    expect(result.text).toBe(SRT.replace('00:00:01,000 --> 00:00:02,000', '00:00:01,200 --> 00:00:02,500'));
  });

  it('refuses an end before the start, negative or non-finite times, and no-ops', () => {
    const d = srt();
    const cue = d.cues[0]!;
    expect(retime(d.format, cue, 2000, 1000)).toBeNull();
    expect(retime(d.format, cue, -1, 1000)).toBeNull();
    expect(retime(d.format, cue, Number.NaN, 1000)).toBeNull();
    expect(retime(d.format, cue, 1000, 2000)).toBeNull();
  });

  it('writes what the format can hold: ASS centiseconds', () => {
    const d = open('ass', '[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\nDialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,Hi\n');
    expect(retime(d.format, d.cues[0]!, 1004, 2003)).toBeNull();
    expect(times(after(d, retime(d.format, d.cues[0]!, 1006, 2003)).cues)).toEqual([[1010, 2000]]);
  });
});

describe('nudge', () => {
  it('moves one edge or the whole cue', () => {
    const d = srt();
    expect(times(after(d, nudge(d.format, d.cues, 1, 'start', -100)).cues)[1]).toEqual([2900, 4000]);
    expect(times(after(d, nudge(d.format, d.cues, 1, 'end', 40)).cues)[1]).toEqual([3000, 4040]);
    expect(times(after(d, nudge(d.format, d.cues, 1, 'both', 250)).cues)[1]).toEqual([3250, 4250]);
  });

  it('stops at the neighbour it heads for, the gap away', () => {
    const d = srt();
    expect(times(after(d, nudge(d.format, d.cues, 1, 'start', -5000, { minGap: 24 })).cues)[1]).toEqual([2024, 4000]);
    expect(times(after(d, nudge(d.format, d.cues, 1, 'end', 5000, { minGap: 24 })).cues)[1]).toEqual([3000, 4976]);
    expect(times(after(d, nudge(d.format, d.cues, 1, 'both', 5000, { minGap: 24 })).cues)[1]).toEqual([3976, 4976]);
    expect(times(after(d, nudge(d.format, d.cues, 1, 'both', -5000)).cues)[1]).toEqual([2000, 3000]);
  });

  it('goes through neighbours with allowOverlap, but never below 0', () => {
    const d = srt();
    expect(times(after(d, nudge(d.format, d.cues, 1, 'start', -2500, { allowOverlap: true })).cues)[1]).toEqual([500, 4000]);
    expect(times(after(d, nudge(d.format, d.cues, 0, 'both', -5000, { allowOverlap: true })).cues)[0]).toEqual([0, 1000]);
  });

  it('stops one edge at the other: a cue may shrink to zero length, never turn over', () => {
    const d = srt();
    expect(times(after(d, nudge(d.format, d.cues, 1, 'start', 3000)).cues)[1]).toEqual([4000, 4000]);
    expect(times(after(d, nudge(d.format, d.cues, 1, 'end', -3000)).cues)[1]).toEqual([3000, 3000]);
  });

  it('returns null when the cue cannot move that way', () => {
    const d = open('srt', '1\n00:00:00,000 --> 00:00:01,000\nA\n\n2\n00:00:01,000 --> 00:00:02,000\nB\n');
    expect(nudge(d.format, d.cues, 0, 'start', -100)).toBeNull();
    expect(nudge(d.format, d.cues, 0, 'both', -100)).toBeNull();
    expect(nudge(d.format, d.cues, 0, 'end', 100)).toBeNull();
    expect(nudge(d.format, d.cues, 1, 'start', -100)).toBeNull();
    expect(nudge(d.format, d.cues, 1, 'start', 0)).toBeNull();
    expect(nudge(d.format, d.cues, 5, 'start', 100)).toBeNull();
  });

  it('does not pull an edge out of an overlap that was already there, nor make it worse', () => {
    const d = open('srt', '1\n00:00:00,000 --> 00:00:02,000\nA\n\n2\n00:00:01,000 --> 00:00:03,000\nB\n');
    expect(nudge(d.format, d.cues, 1, 'start', -100)).toBeNull();
    expect(times(after(d, nudge(d.format, d.cues, 1, 'start', 100)).cues)[1]).toEqual([1100, 3000]);
    expect(nudge(d.format, d.cues, 0, 'end', 100)).toBeNull();
  });

  it('moves by whole frames of the format: 1 ms in ASS is nothing', () => {
    const d = open('ass', '[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\nDialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,Hi\n');
    expect(nudge(d.format, d.cues, 0, 'both', 1)).toBeNull();
    expect(times(after(d, nudge(d.format, d.cues, 0, 'both', 40)).cues)).toEqual([[1040, 2040]]);
  });
});

describe('setEdgeAt', () => {
  it('sets an edge at the playhead', () => {
    const d = srt();
    expect(times(after(d, setEdgeAt(d.format, d.cues, 1, 'start', 2800)).cues)[1]).toEqual([2800, 4000]);
    expect(times(after(d, setEdgeAt(d.format, d.cues, 1, 'end', 3500)).cues)[1]).toEqual([3000, 3500]);
  });

  it('stops at the neighbour', () => {
    const d = srt();
    expect(times(after(d, setEdgeAt(d.format, d.cues, 1, 'start', 1500, { minGap: 24 })).cues)[1]).toEqual([2024, 4000]);
    expect(times(after(d, setEdgeAt(d.format, d.cues, 1, 'end', 5500, { minGap: 24 })).cues)[1]).toEqual([3000, 4976]);
  });

  it('moves the cue with its duration when the start is set after the end (or the end before the start)', () => {
    const d = open('srt', '1\n00:00:01,000 --> 00:00:02,000\nA\n\n2\n00:00:10,000 --> 00:00:11,000\nB\n');
    expect(times(after(d, setEdgeAt(d.format, d.cues, 0, 'start', 4000)).cues)[0]).toEqual([4000, 5000]);
    expect(times(after(d, setEdgeAt(d.format, d.cues, 0, 'start', 9500)).cues)[0]).toEqual([9500, 10_000]);
    expect(setEdgeAt(d.format, d.cues, 0, 'start', 10_500)).toBeNull();
    expect(times(after(d, setEdgeAt(d.format, d.cues, 1, 'end', 6000)).cues)[1]).toEqual([5000, 6000]);
    expect(times(after(d, setEdgeAt(d.format, d.cues, 1, 'end', 2500)).cues)[1]).toEqual([2000, 2500]);
    expect(setEdgeAt(d.format, d.cues, 1, 'end', 1500)).toBeNull();
  });

  it('returns null when nothing changes', () => {
    const d = srt();
    expect(setEdgeAt(d.format, d.cues, 1, 'start', 3000)).toBeNull();
  });
});

describe('spot', () => {
  it('ends the cue at the playhead and starts the next one the gap later', () => {
    const d = srt();
    const result = after(d, spot(d.format, d.cues, 0, 2600, { minGap: 24 }));
    expect(times(result.cues)).toEqual([
      [1000, 2600],
      [2624, 4000],
      [5000, 6000],
    ]);
    expect(result.text).toContain('X1:10 X2:20 Y1:30 Y2:40');
  });

  it('makes continuous lines with no gap', () => {
    const d = srt();
    expect(times(after(d, spot(d.format, d.cues, 0, 2600)).cues).slice(0, 2)).toEqual([
      [1000, 2600],
      [2600, 4000],
    ]);
  });

  it('only sets the end of the last cue', () => {
    const d = srt();
    expect(times(after(d, spot(d.format, d.cues, 2, 7000, { minGap: 24 })).cues)[2]).toEqual([5000, 7000]);
  });

  it('returns null when the playhead is not after the start, or past the next cue', () => {
    const d = srt();
    expect(spot(d.format, d.cues, 1, 3000)).toBeNull();
    expect(spot(d.format, d.cues, 1, 2000)).toBeNull();
    expect(spot(d.format, d.cues, 0, 3990, { minGap: 24 })).toBeNull();
    expect(spot(d.format, d.cues, 0, 4000)).not.toBeNull();
  });
});
