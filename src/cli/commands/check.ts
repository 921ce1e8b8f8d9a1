/** `cuesmith check`: what is wrong with a transcript, by line. */
import { parseArgs } from 'node:util';
import { EXIT, UsageError, type Command } from '../io';
import { cueOfDiagnostic, formatDiagnostic, loadInput, parseFormatOption } from '../input';

const usage = `Usage: cuesmith check <input> [--json] [--from <format>]

Reads a transcript or subtitle file and prints every problem found, one a line:
  file:line:col: severity: message
With --json, prints one object:
  {"file","format","cues","diagnostics":[{"rule","severity","message","cue","start","end","line"}]}
where cue is the 1-based number of the cue concerned (null when none) and start/end are
its times in milliseconds.

Options:
  --json             machine-readable output
  --from <format>    the input's format, when detection guesses wrong
  -h, --help         this text

Exit codes: 0 clean (notes of severity "info" do not count), 1 findings, 2 usage error or unreadable input.
`;

export const checkCommand: Command = {
  name: 'check',
  summary: 'report problems in a transcript or subtitle file',
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, from: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      io.stdout(usage);
      return EXIT.ok;
    }
    if (positionals.length !== 1) throw new UsageError('check takes one input file.');
    const input = await loadInput(positionals[0]!, io, { from: parseFormatOption(values.from, '--from') });
    const diagnostics = [...input.diagnostics].sort((a, b) => a.line - b.line || a.column - b.column);
    if (values.json) {
      const report = {
        file: input.label,
        format: input.format.id,
        cues: input.cues.length,
        diagnostics: diagnostics.map((d) => {
          const index = cueOfDiagnostic(input.cues, d);
          const cue = index === null ? undefined : input.cues[index];
          return {
            rule: d.rule ?? 'parse',
            severity: d.severity,
            message: d.message,
            cue: index === null ? null : index + 1,
            start: cue ? cue.start : null,
            end: cue ? cue.end : null,
            line: d.line,
          };
        }),
      };
      io.stdout(JSON.stringify(report, null, 2) + '\n');
    } else {
      for (const d of diagnostics) io.stdout(formatDiagnostic(input.label, d) + '\n');
    }
    return diagnostics.some((d) => d.severity !== 'info') ? EXIT.findings : EXIT.ok;
  },
};
