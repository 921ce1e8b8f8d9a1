/** `cuesmith waveform`: peaks (and the energy track) of a recording, for other tools. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { energyJson, toAudiowaveformDat, toAudiowaveformJson } from '../../shared/audio/audiowaveform';
import { writeFileAtomic } from '../../main/services/atomic-write';
import { FFMPEG_MISSING_MESSAGE, resolveMediaTools } from '../../main/services/ffmpeg';
import { AnalysisJob } from '../../main/services/media-analysis';
import { resolveUserPath } from '../../main/services/paths';
import { probeMedia } from '../../main/services/probe';
import { describeFileError } from '../../main/services/user-error';
import { EXIT, InputError, UsageError, type CliIo, type Command } from '../io';

const usage = `Usage: cuesmith waveform <media> -o <peaks.json|peaks.dat> [--pps N] [--track N] [--energy <file.json>]

Reads a recording in one streaming pass and writes its waveform peaks in BBC
audiowaveform's format (JSON version 2, or binary .dat version 2; 8-bit, one channel),
which peaks.js and wavesurfer examples read. Progress goes to standard error.

Options:
  -o, --output <file>   where to write the peaks; .dat writes the binary form, anything else JSON
  --pps N               peaks per second (default 100)
  --track N             the audio track, counting from 1 (default 1)
  --energy <file>       also write the 10 ms energy track (dBFS) as JSON
  -h, --help            this text

Needs ffmpeg for anything but WAV. Exit codes: 0 written, 2 usage error or unreadable input.
`;

function reportProgress(io: CliIo, job: AnalysisJob, label: string): () => void {
  const timer = setInterval(() => {
    const { fraction, secondsRemaining } = job.progress();
    const left = secondsRemaining === null ? '' : `, about ${Math.ceil(secondsRemaining)} s left`;
    io.stderr(`Reading ${label}… ${Math.floor(fraction * 100)} %${left}\n`);
  }, 1000);
  return () => clearInterval(timer);
}

export const waveformCommand: Command = {
  name: 'waveform',
  summary: 'write the waveform peaks of a recording (BBC audiowaveform JSON or .dat)',
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        output: { type: 'string', short: 'o' },
        pps: { type: 'string' },
        track: { type: 'string' },
        energy: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      io.stdout(usage);
      return EXIT.ok;
    }
    if (positionals.length !== 1) throw new UsageError('waveform takes one media file.');
    if (!values.output) throw new UsageError('waveform needs -o <peaks.json|peaks.dat>.');
    const pps = Number(values.pps ?? 100);
    if (!Number.isInteger(pps) || pps < 1 || pps > 1000) throw new UsageError('--pps is a whole number from 1 to 1000.');
    const track = Number(values.track ?? 1) - 1;
    if (!Number.isInteger(track) || track < 0) throw new UsageError('--track counts from 1.');

    const file = resolveUserPath(positionals[0]!, io.env);
    const label = positionals[0]!;
    const tools = resolveMediaTools(undefined, io.env);
    let probe;
    try {
      probe = await probeMedia(file, tools.ffprobe);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code) throw new InputError(describeFileError(error, 'read', label));
      throw new InputError(tools.ffmpeg ? `Could not read ${label}: ${(error as Error).message}` : `Cannot read ${label}. ${FFMPEG_MISSING_MESSAGE}`);
    }
    if (track >= probe.audio.length) throw new InputError(`${label} has ${probe.audio.length} audio track(s), not ${track + 1}.`);

    const job = new AnalysisJob({ file, name: label, track, duration: probe.duration, ffmpeg: tools.ffmpeg, cache: null, peaksPerSecond: pps });
    const stop = reportProgress(io, job, label);
    let analysis;
    try {
      analysis = await job.result;
    } catch (error) {
      throw new InputError((error as Error).message);
    } finally {
      stop();
    }
    const output = resolveUserPath(values.output, io.env);
    const peaks = path.extname(output).toLowerCase() === '.dat' ? toAudiowaveformDat(analysis) : new TextEncoder().encode(toAudiowaveformJson(analysis));
    const writes: [string, string, Uint8Array][] = [[values.output, output, peaks]];
    if (values.energy) writes.push([values.energy, resolveUserPath(values.energy, io.env), new TextEncoder().encode(energyJson(analysis))]);
    for (const [name, target, bytes] of writes) {
      try {
        await writeFileAtomic(target, bytes);
      } catch (error) {
        throw new InputError(describeFileError(error, 'write', name));
      }
    }
    io.stderr(`Read ${label}: ${analysis.duration.toFixed(1)} s, ${analysis.peaks.length / 2} peaks → ${values.output}\n`);
    return EXIT.ok;
  },
};
