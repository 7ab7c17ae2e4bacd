import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPackage, writePackage, type CheckId, type Signer } from '../../../electron/core/packages';
import { cleanTempDirs, makeSigner, sampleInput, tempDir } from './helpers';
import { BOM_TAG_FILES, restate, STATEMENT_EDITS } from './corpus/statements';
import { forge, retagged, withBom } from './forge';

/** Statements and tag files are read strictly: nothing a second reader could read differently. */

let dir: string;
let analyst: Signer;
let good: string;
let n = 0;
const target = () => join(dir, `strict-${(n += 1)}.zip`);
const failing = (r: { checks: Array<{ id: string; ok: boolean }> }) => r.checks.filter((c) => !c.ok).map((c) => c.id);
const detail = (r: { checks: Array<{ id: string; detail: string }> }, id: CheckId) =>
  r.checks.find((c) => c.id === id)?.detail ?? '';

beforeAll(async () => {
  dir = tempDir();
  analyst = makeSigner('analyst');
  good = (
    await writePackage(sampleInput(analyst).input, join(dir, 'good.zip'), { now: new Date('2026-11-28T04:00:00Z') })
  ).path;
});
afterAll(cleanTempDirs);

/** Statement 1 rewritten by `change` and signed again with the analyst's own key. */
async function restated(change: (text: string) => string) {
  const path = await forge(good, target(), restate(analyst, change));
  return verifyPackage(path);
}

describe('statements', () => {
  it('the untouched package is valid', async () => {
    expect((await verifyPackage(good)).verdict).toBe('valid-untrusted');
  });

  it('a duplicate key is refused, naming the key, even when the last value is the real one', async () => {
    const result = await restated(STATEMENT_EDITS.duplicateKey);
    expect(result.verdict).toBe('invalid');
    expect(failing(result)).toEqual(['statement-format']);
    expect(detail(result, 'statement-format')).toContain('"decision" twice');
  });

  it('a duplicate key inside signer is named with its path', async () => {
    const result = await restated(STATEMENT_EDITS.duplicateSignerKey);
    expect(failing(result)).toEqual(['statement-format']);
    expect(detail(result, 'statement-format')).toContain('"signer.name" twice');
  });

  it('a duplicate key spelled with an escape is the same key', async () => {
    const result = await restated(STATEMENT_EDITS.duplicateEscapedKey);
    expect(detail(result, 'statement-format')).toContain('"comment" twice');
  });

  it('a statement not written the way Jejak writes it is refused', async () => {
    for (const change of [STATEMENT_EDITS.crlf, STATEMENT_EDITS.noFinalNewline, STATEMENT_EDITS.compact]) {
      const result = await restated(change);
      expect(failing(result)).toEqual(['statement-format']);
      expect(detail(result, 'statement-format')).toContain('not written the way');
    }
  });

  it('a byte-order mark before a statement is refused', async () => {
    const result = await restated(STATEMENT_EDITS.byteOrderMark);
    expect(failing(result)).toEqual(['statement-format']);
    expect(detail(result, 'statement-format')).toContain('byte-order mark');
  });

  it('a review in the analyst statement is refused: only a supervisor reviews', async () => {
    const result = await restated(STATEMENT_EDITS.analystReview);
    expect(failing(result)).toEqual(['statement-format']);
    expect(detail(result, 'statement-format')).toContain('review');
  });
});

describe('tag files carry no byte-order mark', () => {
  it.each(BOM_TAG_FILES)('%s with a BOM (and every hash and signature redone) is refused by %s', async (file, id) => {
    const path = await forge(good, target(), (e) => retagged(e, analyst, { [file]: withBom }));
    const result = await verifyPackage(path);
    expect(result.verdict).toBe('invalid');
    expect(failing(result)).toEqual([id]);
    expect(detail(result, id)).toContain(`${file} starts with a byte-order mark`);
  });

  it('the same edits without a BOM verify, so the BOM is what is refused', async () => {
    const path = await forge(good, target(), (e) => retagged(e, analyst, { 'bag-info.txt': (b) => b }));
    expect((await verifyPackage(path)).verdict).toBe('valid-untrusted');
  });
});
