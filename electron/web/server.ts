/**
 * The web harness (dev and tests only, never packaged): serves the built renderer and the same
 * contract over HTTP on 127.0.0.1, so Chromium can drive the real UI against the real core.
 * Access needs the one-time token printed at start; it is swapped for an HttpOnly cookie.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY } from '../common/csp';
import { MiB } from '../common/limits';
import type { AppEvent, Envelope } from '../contract';
import { EVIDENCE_HEADERS, type ImageReply } from '../core/app/evidence-images';
import { decodeUrlPath, serveStatic } from '../core/app/static-files';

/** an evidence upload (MAX_EVIDENCE_UPLOAD_BYTES as base64) with its details */
const MAX_BODY = 96 * MiB;
const COOKIE = 'jejak_session';

export interface HarnessOptions {
  dispatch(channel: string, args: unknown): Promise<Envelope<unknown>>;
  /** evidence images by "<id>/<variant>", as the desktop app's jejak-evidence: protocol serves them */
  evidenceImage?(path: string): ImageReply;
  /** images of a package open for review, by "<reviewId>/data/…" */
  packageImage?(path: string): Promise<ImageReply>;
  onEvent?(listener: (event: AppEvent) => void): void;
  rendererDir: string;
  port?: number;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    req.on('data', (d: Buffer) => {
      size += d.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
      } else parts.push(d);
    });
    req.on('end', () => resolve(Buffer.concat(parts)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'Content-Type': type });
  res.end(body);
}

const sendError = (res: ServerResponse, status: number, code: string, message: string) =>
  send(res, status, JSON.stringify({ ok: false, error: { code, message } }), 'application/json');

export async function startHarness(opts: HarnessOptions): Promise<{ url: string; close(): Promise<void> }> {
  let token: string | null = randomBytes(24).toString('hex');
  const sessionId = randomBytes(24).toString('hex');
  let expectedHost = '';
  const sseClients = new Set<ServerResponse>();
  opts.onEvent?.((event) => {
    for (const client of sseClients) client.write(`data: ${JSON.stringify(event)}\n\n`);
  });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<unknown> => {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    // A page on another origin that resolves to 127.0.0.1 (DNS rebinding) sends another Host.
    if (req.headers.host !== expectedHost) return send(res, 421, 'Wrong host.');
    const url = new URL(req.url ?? '/', `http://${expectedHost}`);
    const offered = url.searchParams.get('token');
    if (offered !== null) {
      if (!token || !sameSecret(offered, token))
        return send(res, 403, 'This link was already used or is wrong. Restart `npm start` for a new one.');
      token = null;
      res.writeHead(302, { 'Set-Cookie': `${COOKIE}=${sessionId}; HttpOnly; SameSite=Strict; Path=/`, Location: '/' });
      return res.end();
    }
    const cookie = /(?:^|;\s*)jejak_session=([0-9a-f]+)/.exec(req.headers.cookie ?? '')?.[1];
    if (!cookie || !sameSecret(cookie, sessionId))
      return send(res, 403, 'Open the link with the token that `npm start` printed.');
    if (url.pathname === '/api/events' && req.method === 'GET') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      sseClients.add(res);
      req.on('close', () => sseClients.delete(res));
      return;
    }
    const isEvidence = url.pathname.startsWith('/evidence/') && opts.evidenceImage;
    const isPackage = url.pathname.startsWith('/package/') && opts.packageImage;
    if (req.method === 'GET' && (isEvidence || isPackage)) {
      const reply = isEvidence
        ? opts.evidenceImage!(url.pathname.slice('/evidence/'.length))
        : await opts.packageImage!(url.pathname.slice('/package/'.length));
      res.writeHead(reply.status, { ...EVIDENCE_HEADERS, ...reply.headers, 'Content-Type': reply.type });
      if (Buffer.isBuffer(reply.body)) return res.end(reply.body);
      try {
        for await (const chunk of reply.body) res.write(chunk);
      } catch {
        // An integrity failure mid-stream: cut the response so no wrong bytes are shown as complete.
        return res.destroy();
      }
      return res.end();
    }
    if (url.pathname.startsWith('/api/') && req.method === 'POST') {
      // A custom header forces a CORS preflight, which this server never answers: no cross-site calls.
      if (req.headers['x-jejak-request'] !== '1') return send(res, 403, 'Missing request header.');
      let args: unknown;
      try {
        const body = await readBody(req);
        args = body.length ? JSON.parse(body.toString('utf8')) : {};
      } catch {
        return sendError(res, 400, 'INVALID_INPUT', 'The request body is not valid JSON.');
      }
      const channel = decodeUrlPath(url.pathname.slice('/api/'.length));
      if (channel === null)
        return sendError(res, 400, 'INVALID_INPUT', 'The request path is not valid percent-encoding.');
      const envelope = await opts.dispatch(channel, args);
      return send(res, 200, JSON.stringify(envelope), 'application/json');
    }
    if (req.method === 'GET' && serveStatic(opts.rendererDir, url.pathname, res)) return;
    if (req.method === 'GET' && !url.pathname.startsWith('/api/') && serveStatic(opts.rendererDir, '/index.html', res))
      return;
    send(res, 404, 'Not found.');
  };
  // One bad request must never take the harness down: whatever escapes a route is a 500 for that request.
  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      console.error('[jejak] web harness request failed:', e instanceof Error ? e.stack : e);
      if (!res.headersSent) sendError(res, 500, 'INTERNAL', 'An unexpected error occurred. Details are in the log.');
      else res.destroy();
    });
  });

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  expectedHost = `127.0.0.1:${port}`;
  return {
    url: `http://${expectedHost}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of sseClients) c.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
