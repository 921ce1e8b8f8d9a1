/**
 * The browser host: the built renderer and the same API over HTTP, for end-to-end tests
 * and for machines where Electron cannot run. Bound to 127.0.0.1 only. Every request
 * needs the per-launch token — in the URL of the first page load, which then sets a
 * same-site cookie scoped to this port, or in an `X-Cuesmith-Token` header. The Host
 * header must name the loopback address (no DNS rebinding) and API calls must come from
 * this origin.
 */
import { timingSafeEqual } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { CuesmithApi } from '../../shared/api';
import { MAX_TRANSCRIPT_BYTES } from '../../shared/api-checks';
import { fromWireJson, toWireJson } from '../../shared/wire';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../security';
import { dispatch } from '../services/dispatch';
import type { MediaStore } from '../services/media';

/** Base64 makes bytes 4/3 larger; leave room for the JSON around them. */
export const MAX_BODY_BYTES = Math.ceil((MAX_TRANSCRIPT_BYTES * 4) / 3) + 1024 * 1024;

const STATIC_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface WebHostOptions {
  /** The built renderer (out/renderer). */
  rendererDir: string;
  api: CuesmithApi;
  media: MediaStore;
  token: string;
  port?: number;
}

export interface WebHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Every file of the built renderer, by URL path. Nothing outside this list is served. */
function staticFiles(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string, prefix: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full, `${prefix}${entry.name}/`);
      else if (entry.isFile()) files.set(`${prefix}${entry.name}`, full);
    }
  };
  walk(root, '/');
  return files;
}

function sameSecret(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  let indexHtml: Buffer;
  try {
    indexHtml = readFileSync(path.join(options.rendererDir, 'index.html'));
    statSync(options.rendererDir);
  } catch {
    throw new Error(`The app is not built (no ${path.join(options.rendererDir, 'index.html')}); run "npm run build" first.`);
  }
  const files = staticFiles(options.rendererDir);
  const { token, api, media } = options;
  let cookieName = 'cuesmith';
  let allowedHosts = new Set<string>();

  const send = (
    res: http.ServerResponse,
    status: number,
    body: string | Buffer,
    headers: Record<string, string> = {},
  ): void => {
    res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Length': String(Buffer.byteLength(body)), ...headers });
    res.end(body);
  };
  const refuse = (res: http.ServerResponse, status: number, message: string): void =>
    send(res, status, `${message}\n`, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });

  async function readBody(req: http.IncomingMessage): Promise<string | null> {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) return null;
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) return null;
      chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') return refuse(res, 405, 'API calls use POST.');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) {
      return refuse(res, 403, 'Cross-origin API calls are refused.');
    }
    if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) {
      return refuse(res, 415, 'API calls send application/json.');
    }
    const body = await readBody(req);
    if (body === null) {
      res.setHeader('Connection', 'close');
      return refuse(res, 413, `Request body over ${MAX_BODY_BYTES} bytes.`);
    }
    let args: unknown;
    try {
      args = (fromWireJson(body) as { args?: unknown }).args;
    } catch {
      return refuse(res, 400, 'Malformed request body.');
    }
    const outcome = await dispatch(api, method, args);
    send(res, 200, toWireJson(outcome), {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
    });
  }

  async function handleMedia(req: http.IncomingMessage, res: http.ServerResponse, id: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Media is read with GET or HEAD.');
    const answer = await media.respond(id, req.headers.range, req.method);
    res.writeHead(answer.status, { ...SECURITY_HEADERS, 'Cache-Control': 'no-store', ...answer.headers });
    if (!answer.body) {
      res.end();
      return;
    }
    answer.body.on('error', () => res.destroy());
    res.on('close', () => answer.body?.destroy());
    answer.body.pipe(res);
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!allowedHosts.has(req.headers.host ?? '')) return refuse(res, 403, 'Unexpected Host header.');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const fromUrl = url.searchParams.get('token');
    const fromHeader = req.headers['x-cuesmith-token'];
    const fromCookie = cookieValue(req.headers.cookie, cookieName);
    const viaUrl = sameSecret(fromUrl, token);
    const authorised =
      viaUrl || sameSecret(typeof fromHeader === 'string' ? fromHeader : null, token) || sameSecret(fromCookie, token);
    if (!authorised) {
      return refuse(res, 401, 'Cuesmith: open the address printed when the server started (it carries the access token).');
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return refuse(res, 400, 'Malformed URL.');
    }
    if (pathname.startsWith('/api/')) return handleApi(req, res, pathname.slice(5));
    if (pathname.startsWith('/media/')) return handleMedia(req, res, pathname.slice(7));
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed.');

    const headers: Record<string, string> = { 'Cache-Control': 'no-cache' };
    if (viaUrl) headers['Set-Cookie'] = `${cookieName}=${token}; Path=/; HttpOnly; SameSite=Strict`;
    if (pathname === '/' || pathname === '/index.html') {
      return send(res, 200, req.method === 'HEAD' ? '' : indexHtml, {
        ...headers,
        'Content-Type': STATIC_TYPES['.html']!,
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      });
    }
    const file = files.get(pathname);
    if (!file) return refuse(res, 404, 'Not found.');
    const type = STATIC_TYPES[path.extname(file)] ?? 'application/octet-stream';
    return send(res, 200, readFileSync(file), { ...headers, 'Content-Type': type });
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('cuesmith web:', error);
      if (!res.headersSent) refuse(res, 500, 'Internal error.');
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  // Cookies are not separated by port; name ours after it so two instances do not collide.
  cookieName = `cuesmith-${port}`;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return {
    port,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
