import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtVerifierPage } from '../../electron/cli/verifier-commands';
import { cliWorkspace } from '../fixtures/cli';

/** `jejak verifier --out FILE.html` hands out the page `npm run build` made, as it is. */

const cspHash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('jejak verifier', () => {
  it('writes the built page byte for byte, exit 0, and never over an existing file (exit 2)', () => {
    const { dir, run } = cliWorkspace();
    const out = join(dir, 'verify.html');
    const first = run(['verifier', '--out', out]);
    expect(first.code, first.stderr).toBe(0);
    expect(readFileSync(out).equals(readFileSync(builtVerifierPage()))).toBe(true);

    writeFileSync(out, 'mine');
    const again = run(['verifier', '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
    expect(readFileSync(out, 'utf8')).toBe('mine');
    expect(run(['verifier']).code).toBe(2);
  });

  it('is one file whose CSP allows its own inline script and style, by hash, and nothing else', () => {
    const page = readFileSync(builtVerifierPage(), 'utf8');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page)?.[1] ?? '';
    const scripts = [...page.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    const styles = [...page.matchAll(/<style>([\s\S]*?)<\/style>/g)];
    expect(scripts).toHaveLength(1);
    expect(styles).toHaveLength(1);
    expect(scripts[0]![1]).toBe(' type="module"');
    expect(csp.split('; ')).toEqual([
      "default-src 'none'",
      `script-src ${cspHash(scripts[0]![2]!)}`,
      `style-src ${cspHash(styles[0]![1]!)}`,
      'img-src blob:',
      "base-uri 'none'",
      "form-action 'none'",
    ]);
    expect(page).not.toMatch(/<link\s|<script[^>]*\ssrc=/);
  });
});
