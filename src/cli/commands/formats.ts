/** `cuesmith formats`: the formats Cuesmith reads and writes. */
import { FORMATS } from '../../shared/formats';
import { EXIT, type Command } from '../io';

const usage = `Usage: cuesmith formats

Lists every format by the name --to and --from take, with what Cuesmith can do with it:
"edit" (opened as text in the editor), "import" (read, converted to an editable format),
"export" (written).
`;

export const formatsCommand: Command = {
  name: 'formats',
  summary: 'list the formats and what can be done with each',
  usage,
  async run(args, io) {
    if (args.includes('--help') || args.includes('-h')) {
      io.stdout(usage);
      return EXIT.ok;
    }
    const rows = FORMATS.map((f) => {
      const can = f.kind === 'text' ? 'edit, export' : f.kind === 'data' ? (f.serialize ? 'import, export' : 'import') : 'export';
      return [f.id, f.label, f.extensions.map((e) => `.${e}`).join(' '), can];
    });
    const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
    for (const row of rows) io.stdout(row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell)).join('  ') + '\n');
    return EXIT.ok;
  },
};
