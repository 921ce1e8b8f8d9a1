/**
 * Every readable format opens in the app and shows its cues on the waveform: three cues
 * at 1.0–2.5 s, 3.0–4.5 s and 5.0–6.5 s, written the way each tool writes them.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, cueBox, cueBoxes, expect, test } from './fixtures';

const FILES: Record<string, { name: string; text: string; label: RegExp }> = {
  srt: {
    name: 'talk.srt',
    label: /SubRip/,
    text: '1\r\n00:00:01,000 --> 00:00:02,500\r\nOne\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,500\r\n<i>Two</i>\r\n\r\n3\r\n00:00:05,000 --> 00:00:06,500\r\nThree\r\n',
  },
  vtt: {
    name: 'talk.vtt',
    label: /^WebVTT/,
    text: 'WEBVTT\n\nNOTE made by hand\n\n00:01.000 --> 00:02.500\nOne\n\nsecond\n00:03.000 --> 00:04.500 align:start\n<v Ann>Two\n\n00:05.000 --> 00:06.500\nThree\n',
  },
  whisper: {
    name: 'talk.txt',
    label: /Whisper timestamps/,
    text: '[00:00:01.000 --> 00:00:02.500]   One\n[00:00:03.000 --> 00:00:04.500]   Two\n[00:00:05.000 --> 00:00:06.500]   Three\n',
  },
  sbv: { name: 'talk.sbv', label: /SBV/, text: '0:00:01.000,0:00:02.500\nOne\n\n0:00:03.000,0:00:04.500\nTwo\n\n0:00:05.000,0:00:06.500\nThree\n' },
  ass: {
    name: 'talk.ass',
    label: /Advanced SubStation/,
    text: '[Script Info]\nScriptType: v4.00+\n\n[V4+ Styles]\nFormat: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, MarginV, Encoding\nStyle: Default,Arial,48,&H00FFFFFF,&H000000FF,&H00000000,&H00000000,0,0,0,0,100,100,0,0,1,2,2,2,10,10,10,1\n\n[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\nDialogue: 0,0:00:01.00,0:00:02.50,Default,,0,0,0,,One\nComment: 0,0:00:02.00,0:00:02.50,Default,,0,0,0,,a note\nDialogue: 0,0:00:03.00,0:00:04.50,Default,,0,0,0,,{\\i1}Two{\\i0}\nDialogue: 0,0:00:05.00,0:00:06.50,Default,,0,0,0,,Three\n',
  },
  lrc: { name: 'talk.lrc', label: /WebVTT \(imported from LRC/, text: '[ti:Talk]\n[00:01.00]One\n[00:02.50]\n[00:03.00]Two\n[00:04.50]\n[00:05.00]Three\n[00:06.50]\n' },
  'whisper-json': {
    name: 'talk.json',
    label: /imported from Whisper JSON/,
    text: JSON.stringify({
      text: ' One Two Three',
      segments: [
        [1, 2.5, ' One'],
        [3, 4.5, ' Two'],
        [5, 6.5, ' Three'],
      ].map(([start, end, text], id) => ({ id, seek: 0, start, end, text, tokens: [], temperature: 0, avg_logprob: -0.2, compression_ratio: 1.2, no_speech_prob: 0.01 })),
      language: 'en',
    }),
  },
  'whisperx-json': {
    name: 'talk.whisperx.json',
    label: /imported from WhisperX JSON/,
    text: JSON.stringify({
      segments: [
        [1, 2.5, 'One'],
        [3, 4.5, 'Two'],
        [5, 6.5, 'Three'],
      ].map(([start, end, word]) => ({ start, end, text: ` ${word}`, words: [{ word, start, end, score: 0.9 }] })),
      word_segments: [],
    }),
  },
  tsv: { name: 'talk.tsv', label: /imported from Whisper TSV/, text: 'start\tend\ttext\n1000\t2500\tOne\n3000\t4500\tTwo\n5000\t6500\tThree\n' },
  csv: { name: 'talk.csv', label: /imported from whisper\.cpp CSV/, text: 'start,end,text\n1000,2500," One"\n3000,4500," Two"\n5000,6500," Three"\n' },
};

const folder = mkdtempSync(path.join(os.tmpdir(), 'cuesmith-formats-'));
const media = path.join(ROOT, 'resources/sample/sample.ogg');

for (const [format, file] of Object.entries(FILES)) {
  test(`${format} opens with its cues on the waveform`, async ({ launch }) => {
    const transcript = path.join(folder, file.name);
    writeFileSync(transcript, file.text);
    const page = await launch({ transcript, media });
    await expect(page.locator('.status-bar')).toContainText(file.label);
    await expect(cueBoxes(page)).toHaveCount(3);
    await expect(cueBox(page, 1)).toHaveAttribute('aria-label', 'Cue 1, 0:01.000–0:02.500');
    await expect(cueBox(page, 3)).toHaveAttribute('aria-label', 'Cue 3, 0:05.000–0:06.500');
    await expect(page.getByRole('textbox', { name: 'Transcript' })).toContainText('Three');
  });
}
