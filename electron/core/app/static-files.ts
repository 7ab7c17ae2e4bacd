import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** A URL path with its percent-escapes decoded, or null when they are malformed (`%E0%A4%A`). */
export function decodeUrlPath(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

/** Resolves a URL path inside root, or null for anything that would leave it. */
export function resolveStatic(root: string, urlPath: string): string | null {
  const decoded = decodeUrlPath(urlPath.split('?')[0]!);
  if (decoded === null || decoded.includes('\0')) return null;
  const relative = normalize(decoded === '/' ? '/index.html' : decoded).replace(/^([/\\])+/, '');
  const full = join(root, relative);
  if (!full.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  return existsSync(full) && statSync(full).isFile() ? full : null;
}

/** The Content-Type of one of the renderer's files, by its extension (they are all ours). */
export function contentTypeOf(file: string): string {
  return TYPES[extname(file)] ?? 'application/octet-stream';
}

export function serveStatic(root: string, urlPath: string, res: ServerResponse): boolean {
  const file = resolveStatic(root, urlPath);
  if (!file) return false;
  res.writeHead(200, { 'Content-Type': contentTypeOf(file) });
  createReadStream(file).pipe(res);
  return true;
}
