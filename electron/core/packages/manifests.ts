/** BagIt manifests (RFC 8493 §2.1.3, §2.2.1): one `<hex>  <path>` line per file, LF endings. */

import { type Phrase, say } from './phrases';

export type Algorithm = 'sha256' | 'sha512';

const HEX_LENGTH: Record<Algorithm, number> = { sha256: 64, sha512: 128 };

export interface ManifestLine {
  hash: string;
  path: string;
}

/**
 * Two spaces between hash and path, as `sha256sum` prints and `sha256sum -c` reads. Our paths
 * never contain CR, LF or `%` (bag-names.ts restricts them), so no percent-encoding is needed.
 */
export function formatManifest(lines: readonly ManifestLine[]): string {
  return lines.map((l) => `${l.hash}  ${l.path}\n`).join('');
}

export interface ParsedManifest {
  /** path → lowercase hex */
  hashes: Map<string, string>;
  problems: Phrase[];
}

/** Reads a manifest strictly: every line well formed, no path twice. CRLF endings are accepted. */
export function parseManifest(text: string, algorithm: Algorithm, fileName: string): ParsedManifest {
  const hashes = new Map<string, string>();
  const problems: Phrase[] = [];
  const line = new RegExp(`^([0-9a-fA-F]{${HEX_LENGTH[algorithm]}})[ \\t]+(\\S(?:.*\\S)?)$`);
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  lines.forEach((raw, i) => {
    const m = line.exec(raw.endsWith('\r') ? raw.slice(0, -1) : raw);
    if (!m) {
      problems.push(say('check.manifest.line', { file: fileName, line: i + 1, algorithm }));
      return;
    }
    const path = m[2] as string;
    if (hashes.has(path)) problems.push(say('check.manifest.twice', { file: fileName, path }));
    hashes.set(path, (m[1] as string).toLowerCase());
  });
  return { hashes, problems };
}
