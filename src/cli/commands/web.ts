/** `cuesmith web`: serve the editor to a browser. */
import { parseArgs } from 'node:util';
import { resolveUserPath } from '../../main/services/paths';
import { EXIT, UsageError, type Command } from '../io';
import { runWebHost } from './web-host';

const usage = `Usage: cuesmith web [transcript] [media] [--port N]

Serves the Cuesmith editor on http://127.0.0.1 only and prints exactly one line:
  Cuesmith is running at http://127.0.0.1:PORT/?token=…
Open that address in a browser. Requests without the token are refused. Ctrl+C stops it.

Options:
  --port N    listen on port N (default: a free port)
  -h, --help  this text
`;

export const webCommand: Command = {
  name: 'web',
  summary: 'serve the editor to a browser on 127.0.0.1',
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      io.stdout(usage);
      return EXIT.ok;
    }
    if (positionals.length > 2) throw new UsageError('web takes at most a transcript and a media file.');
    let port: number | undefined;
    if (values.port !== undefined) {
      port = Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0–65535, not "${values.port}".`);
    }
    const [transcript, media] = positionals.map((file) => resolveUserPath(file, io.env));
    const host = await runWebHost({ transcript, media, port, root: io.root, env: io.env });
    io.stdout(`Cuesmith is running at ${host.url}\n`);
    return 'running';
  },
};
