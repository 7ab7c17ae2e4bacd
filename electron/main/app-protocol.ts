import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { protocol } from 'electron';
import { EVIDENCE_HEADERS, evidenceImage, packageImage } from '../core/app/evidence-images';
import type { JejakApp } from '../core/app/jejak-app';
import { contentTypeOf, resolveStatic } from '../core/app/static-files';
import { CONTENT_SECURITY_POLICY } from '../common/csp';
import { APP_HOST, APP_SCHEME, EVIDENCE_SCHEME } from './ipc-names';

/** Must run before the app is ready: our schemes behave like https (secure, standard origin). */
export function registerSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    { scheme: EVIDENCE_SCHEME, privileges: { standard: true, secure: true, stream: true } },
  ]);
}

/**
 * Streams evidence images from the encrypted store (jejak-evidence://evidence/<id>/<thumb|original>)
 * and from packages open for review (jejak-evidence://package/<reviewId>/data/…), never via disk.
 */
export function serveEvidence(app: JejakApp): void {
  protocol.handle(EVIDENCE_SCHEME, async (request) => {
    const url = new URL(request.url);
    const reply =
      url.host === 'evidence'
        ? evidenceImage(app, url.pathname)
        : url.host === 'package'
          ? await packageImage(app, url.pathname)
          : { status: 404, type: 'text/plain', body: Buffer.from('Not found') };
    const body = Buffer.isBuffer(reply.body)
      ? reply.body
      : (Readable.toWeb(Readable.from(reply.body)) as ReadableStream);
    return new Response(body, { status: reply.status, headers: { ...EVIDENCE_HEADERS, 'Content-Type': reply.type } });
  });
}

/** Serves the built renderer from app://jejak/, confined to its folder. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? resolveStatic(rendererDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(await readFile(file), {
      headers: {
        'Content-Type': contentTypeOf(file),
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
}
