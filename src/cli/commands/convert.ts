/** `cuesmith convert`: any readable format to any writable one. */
import { parseArgs } from 'node:util';
import { convertCues } from '../../shared/formats/convert';
import { writeFileAtomic } from '../../main/services/atomic-write';
import { encodeText, encodingExists } from '../../main/services/encoding';
import { resolveUserPath } from '../../main/services/paths';
import { describeFileError } from '../../main/services/user-error';
import { EXIT, InputError, UsageError, type Command } from '../io';
import { formatDiagnostic, loadInput, parseFormatOption } from '../input';

const usage = `Usage: cuesmith convert <input|-> --to <format> [-o <output|->] [--from <format>]
                        [--encoding <name>] [--bom] [--eol lf|crlf] [--input-encoding <name>]

Reads a transcript or subtitle file (or standard input, "-") and writes it in another
format to -o (default: standard output). Problems found while reading are printed to
standard error as file:line:col: severity: message.

Options:
  --to <format>             the format to write (see "cuesmith formats")
  -o, --output <file|->     where to write (default: standard output); files are replaced atomically
  --from <format>           the input's format, when detection guesses wrong
  --encoding <name>         the output's encoding (default utf-8), e.g. utf-16le, windows-1252
  --bom                     start the output with a byte-order mark
  --eol lf|crlf             line endings of the output (default lf)
  --input-encoding <name>   read the input in this encoding instead of detecting it
  -h, --help                this text

Exit codes: 0 converted cleanly, 1 converted with warnings or errors in the input, 2 usage error or unreadable input.
`;

export const convertCommand: Command = {
  name: 'convert',
  summary: 'convert a transcript or subtitle file to another format',
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        to: { type: 'string' },
        output: { type: 'string', short: 'o' },
        from: { type: 'string' },
        encoding: { type: 'string' },
        bom: { type: 'boolean' },
        eol: { type: 'string' },
        'input-encoding': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      io.stdout(usage);
      return EXIT.ok;
    }
    if (positionals.length !== 1) throw new UsageError('convert takes one input file (or "-" for standard input).');
    const target = parseFormatOption(values.to, '--to');
    if (!target) throw new UsageError('convert needs --to <format>.');
    if (target.kind === 'data' && !target.serialize) throw new UsageError(`${target.label} can be read but not written.`);
    const encoding = values.encoding ?? 'utf-8';
    if (!encodingExists(encoding)) throw new UsageError(`--encoding "${encoding}" is not an encoding Cuesmith knows.`);
    if (values['input-encoding'] && !encodingExists(values['input-encoding'])) {
      throw new UsageError(`--input-encoding "${values['input-encoding']}" is not an encoding Cuesmith knows.`);
    }
    if (values.eol !== undefined && values.eol !== 'lf' && values.eol !== 'crlf') throw new UsageError('--eol is lf or crlf.');

    const input = await loadInput(positionals[0]!, io, {
      from: parseFormatOption(values.from, '--from'),
      inputEncoding: values['input-encoding'],
    });
    for (const d of input.diagnostics) {
      if (d.severity !== 'info') io.stderr(formatDiagnostic(input.label, d) + '\n');
    }
    const cues = convertCues(input.cues, input.format.id, target.id);
    const text = target.serialize!(cues, {});
    const bytes = encodeText(text, encoding, values.bom ?? false, values.eol === 'crlf' ? 'crlf' : 'lf');
    const output = values.output ?? '-';
    if (output === '-') {
      io.writeStdout(bytes);
    } else {
      try {
        await writeFileAtomic(resolveUserPath(output, io.env), bytes);
      } catch (error) {
        throw new InputError(describeFileError(error, 'write', output));
      }
    }
    const findings = input.diagnostics.some((d) => d.severity !== 'info');
    return findings ? EXIT.findings : EXIT.ok;
  },
};
