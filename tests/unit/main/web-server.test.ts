import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../../src/main/services/backend';
import { SettingsStore } from '../../../src/main/services/settings';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/security';
import { MAX_BODY_BYTES, startWebHost, type WebHost } from '../../../src/main/web/server';
import { fromWireJson, toWireJson } from '../../../src/shared/wire';
import { makeWav } from '../wav-fixture';
import { useTempDir } from './temp';

const TOKEN = 'test-token-0123456789abcdef';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function request(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: { Host: `127.0.0.1:${port}`, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('browser host', () => {
  const temp = useTempDir();
  let host: WebHost;
  let backend: Backend;
  let mediaFile: string;

  beforeEach(async () => {
    const renderer = path.join(temp.path, 'renderer');
    mkdirSync(path.join(renderer, 'assets'), { recursive: true });
    writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>t</title>');
    writeFileSync(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(path.join(temp.path, 'secret.txt'), 'do not serve');
    mediaFile = path.join(temp.path, 'clip.wav');
    writeFileSync(mediaFile, makeWav(Buffer.alloc(956, 7))); // 1,000 bytes in all
    const transcript = path.join(temp.path, 'talk.srt');
    writeFileSync(transcript, '1\n00:00:01,000 --> 00:00:02,000\nHi\n');
    backend = createBackend({
      dataDir: path.join(temp.path, 'data'),
      host: { kind: 'browser', version: 'test', nativeDialogs: false },
      settings: new SettingsStore(path.join(temp.path, 'data')),
      sampleDir: temp.path,
      mediaUrl: (id) => `/media/${id}`,
      startup: { transcript, media: mediaFile },
    });
    host = await startWebHost({ rendererDir: renderer, api: backend, media: backend.media, token: TOKEN });
  });
  afterEach(() => host.close());

  const auth = { 'X-Cuesmith-Token': TOKEN };
  const api = (method: string, args: unknown[], headers: Record<string, string> = {}) =>
    request(host.port, {
      method: 'POST',
      path: `/api/${method}`,
      headers: { 'Content-Type': 'application/json', ...auth, ...headers },
      body: toWireJson({ args }),
    });

  it('listens on 127.0.0.1 and gives the address with its token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${TOKEN}`);
  });

  it('refuses requests without the right token', async () => {
    expect((await request(host.port, { path: '/' })).status).toBe(401);
    expect((await request(host.port, { path: '/?token=wrong' })).status).toBe(401);
    expect((await request(host.port, { path: '/assets/app.js' })).status).toBe(401);
    expect((await request(host.port, { path: '/api/hostInfo', method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"args":[]}' })).status).toBe(401);
    expect((await request(host.port, { path: '/media/x' })).status).toBe(401);
  });

  it('serves the page with the token, then accepts its same-site cookie', async () => {
    const page = await request(host.port, { path: `/?token=${TOKEN}` });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const cookie = page.headers['set-cookie']![0]!;
    expect(cookie).toMatch(new RegExp(`^cuesmith-${host.port}=${TOKEN}; Path=/; HttpOnly; SameSite=Strict`));
    const asset = await request(host.port, { path: '/assets/app.js', headers: { Cookie: cookie.split(';')[0]! } });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
  });

  it('refuses another Host (DNS rebinding) and cross-origin API calls', async () => {
    expect((await request(host.port, { path: `/?token=${TOKEN}`, headers: { Host: 'evil.example:80' } })).status).toBe(403);
    expect((await api('hostInfo', [], { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await api('hostInfo', [], { Origin: `http://127.0.0.1:${host.port}` })).status).toBe(200);
    const form = await request(host.port, { method: 'POST', path: '/api/hostInfo', headers: { ...auth, 'Content-Type': 'text/plain' }, body: '{"args":[]}' });
    expect(form.status).toBe(415);
  });

  it('serves only the built renderer, never other files', async () => {
    for (const p of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/secret.txt', `/${encodeURIComponent(path.join(temp.path, 'secret.txt'))}`]) {
      const reply = await request(host.port, { path: p, headers: auth });
      expect(reply.body.toString()).not.toContain('do not serve');
      expect(reply.status, p).toBe(404);
    }
    expect((await request(host.port, { path: '/%E0%A4%A', headers: auth })).status).toBe(400);
  });

  it('answers API calls and validates their arguments', async () => {
    const info = fromWireJson((await api('hostInfo', [])).body.toString());
    expect(info).toEqual({ ok: true, value: { kind: 'browser', version: 'test', nativeDialogs: false } });
    const session = fromWireJson((await api('startupSession', [])).body.toString()) as { ok: true; value: { transcript: { text: string }; media: { url: string } } };
    expect(session.value.transcript.text).toContain('Hi');
    expect(session.value.media.url).toMatch(/^\/media\/[\w-]+$/);
    expect(fromWireJson((await api('mediaPeaks', ['../../etc/passwd'])).body.toString())).toEqual({ ok: false, error: 'mediaPeaks: argument 1 must be an identifier.' });
    expect(fromWireJson((await api('nope', [])).body.toString())).toEqual({ ok: false, error: 'Unknown API method.' });
    expect(fromWireJson((await api('openRecent', ['/etc/passwd'])).body.toString())).toEqual({ ok: false, error: 'That file is not in the recent files list.' });
    expect(fromWireJson((await api('openTranscriptDialog', [])).body.toString())).toMatchObject({ ok: false, error: expect.stringMatching(/no file dialogs/) });
    const bad = await request(host.port, { method: 'POST', path: '/api/hostInfo', headers: { ...auth, 'Content-Type': 'application/json' }, body: '{not json' });
    expect(bad.status).toBe(400);
  });

  it('imports uploaded transcript bytes', async () => {
    const reply = fromWireJson((await api('importTranscript', ['up.srt', new TextEncoder().encode('1\n00:00:01,000 --> 00:00:02,000\nUp\n')])).body.toString());
    expect(reply).toMatchObject({ ok: true, value: { name: 'up.srt', format: 'srt', path: null } });
  });

  it('refuses bodies over the size limit', async () => {
    const reply = await request(host.port, {
      method: 'POST',
      path: '/api/importTranscript',
      headers: { ...auth, 'Content-Type': 'application/json', 'Content-Length': String(MAX_BODY_BYTES + 1) },
    }).catch((error: NodeJS.ErrnoException) => ({ status: error.code === 'ECONNRESET' ? 413 : 0 }) as Reply);
    expect(reply.status).toBe(413);
  });

  it('serves opened media with Range support and nothing else', async () => {
    const session = fromWireJson((await api('startupSession', [])).body.toString()) as { value: { media: { url: string } } };
    const url = session.value.media.url;
    const partial = await request(host.port, { path: url, headers: { ...auth, Range: 'bytes=100-199' } });
    expect(partial.status).toBe(206);
    expect(partial.headers['content-range']).toBe('bytes 100-199/1000');
    expect(partial.body.length).toBe(100);
    const head = await request(host.port, { method: 'HEAD', path: url, headers: auth });
    expect([head.status, head.headers['content-length'], head.headers['accept-ranges']]).toEqual([200, '1000', 'bytes']);
    expect((await request(host.port, { path: url, headers: { ...auth, Range: 'bytes=5000-' } })).status).toBe(416);
    for (const p of ['/media/unknownTokenXYZ', `/media/${encodeURIComponent(mediaFile)}`, '/media/..%2Fsecret.txt', '/media/../secret.txt']) {
      expect((await request(host.port, { path: p, headers: auth })).status, p).toBe(404);
    }
  });
});
