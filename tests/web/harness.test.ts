import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { packageImage } from '../../electron/core/app/evidence-images';
import { startHarness } from '../../electron/web/server';
import { testApp } from '../fixtures/app';
import { tempDir } from '../fixtures/temp';
import { writeFileSync } from 'node:fs';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

async function harness() {
  const rendererDir = tempDir();
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Jejak</title>');
  const calls: string[] = [];
  const app = testApp();
  const h = await startHarness({
    rendererDir,
    dispatch: async (channel) => (calls.push(channel), { ok: true, value: { channel } }),
    packageImage: (path) => packageImage(app, path),
  });
  close = h.close;
  return { ...h, calls, origin: new URL(h.url).origin };
}

describe('web harness', () => {
  it('swaps the one-time token for an HttpOnly cookie, and refuses it a second time', async () => {
    const h = await harness();
    expect((await send(`${h.origin}/`)).status).toBe(403);
    const first = await send(h.url);
    expect(first.status).toBe(302);
    const cookie = String(first.headers['set-cookie']).split(';')[0]!;
    expect(String(first.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    expect((await send(h.url)).status).toBe(403);
    const page = await send(`${h.origin}/`, { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
  });

  it('answers calls only with the cookie and the request header, and only for our Host', async () => {
    const h = await harness();
    const cookie = String((await send(h.url)).headers['set-cookie']).split(';')[0]!;
    const api = `${h.origin}/api/vault.status`;
    expect((await send(api, { method: 'POST', headers: { Cookie: cookie }, body: '{}' })).status).toBe(403);
    expect((await send(api, { method: 'POST', headers: { 'X-Jejak-Request': '1' }, body: '{}' })).status).toBe(403);
    expect(
      (
        await send(api, {
          method: 'POST',
          headers: { Cookie: cookie, 'X-Jejak-Request': '1', Host: 'evil.example:80' },
          body: '{}',
        })
      ).status,
    ).toBe(421);
    const ok = await send(api, { method: 'POST', headers: { Cookie: cookie, 'X-Jejak-Request': '1' }, body: '{}' });
    expect(JSON.parse(ok.body)).toEqual({ ok: true, value: { channel: 'vault.status' } });
    const bad = await send(api, {
      method: 'POST',
      headers: { Cookie: cookie, 'X-Jejak-Request': '1' },
      body: '{not json',
    });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(h.calls).toEqual(['vault.status']);
  });

  it('serves nothing outside the renderer folder', async () => {
    const h = await harness();
    const cookie = String((await send(h.url)).headers['set-cookie']).split(';')[0]!;
    for (const path of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd']) {
      const reply = await send(`${h.origin}${path}`, { headers: { Cookie: cookie } });
      expect(reply.body).not.toContain('root:');
    }
  });

  it('answers 400 to malformed percent-encoding on /api/ and /package/, and stays up', async () => {
    const h = await harness();
    const cookie = String((await send(h.url)).headers['set-cookie']).split(';')[0]!;
    const headers = { Cookie: cookie, 'X-Jejak-Request': '1' };
    for (const bad of ['%E0%A4%A', '%', '%zz', 'vault.status%']) {
      const api = await send(`${h.origin}/api/${bad}`, { method: 'POST', headers, body: '{}' });
      expect(api.status).toBe(400);
      expect(JSON.parse(api.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect((await send(`${h.origin}/package/${bad}`, { headers })).status).toBe(400);
    }
    const good = await send(`${h.origin}/api/vault.status`, { method: 'POST', headers, body: '{}' });
    expect(JSON.parse(good.body)).toEqual({ ok: true, value: { channel: 'vault.status' } });
    expect(
      (await send(`${h.origin}/package/00000000-0000-0000-0000-000000000000/data/x.png`, { headers })).status,
    ).toBe(404);
    expect(h.calls).toEqual(['vault.status']);
  });
});
