import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JejakApp } from '../../electron/core/app/jejak-app';
import { useEvidenceStore } from '../../renderer/features/evidence/evidence-store';
import { useIntakeStore } from '../../renderer/features/evidence/intake-store';
import { useI18n } from '../../renderer/i18n';
import { tempDir } from '../fixtures/temp';
import { openNewVault } from './real-api';
import { refreshed } from './store-until';

let app: JejakApp;
beforeEach(async () => {
  useI18n.getState().setLanguage('id');
  app = await openNewVault();
});
afterEach(() => app.lock('test'));

const intake = () => useIntakeStore.getState();

/** Counts the window's calls on a channel of the bridge (the real core still answers them). */
function countCalls(area: 'evidence', method: 'intakePaths' | 'intakePath' | 'intakeBytes'): { n: number } {
  const bridge = window.jejak as unknown as Record<string, Record<string, (args: unknown) => Promise<unknown>>>;
  const real = bridge[area]![method]!;
  const count = { n: 0 };
  bridge[area]![method] = (args) => {
    count.n++;
    return real(args);
  };
  return count;
}

describe('files on disk taken in from the window', { timeout: 60_000 }, () => {
  it('go to the core in batches (evidence.intakePaths), each file answered in order with its own error', async () => {
    const dir = tempDir();
    const names: string[] = [];
    for (let i = 0; i < 40; i++) {
      const name = `f${String(i).padStart(2, '0')}.bin`;
      writeFileSync(join(dir, name), i === 33 ? '' : `file ${i} `.repeat(100));
      names.push(name);
    }
    const batched = countCalls('evidence', 'intakePaths');
    const single = countCalls('evidence', 'intakePath');
    await intake().takePaths([dir]);
    const folder = dir.split('/').pop();
    expect(intake()).toMatchObject({ phase: 'done', total: 40, done: 40, notProcessed: 0 });
    expect(intake().outcomes.map((o) => o.label)).toEqual(names.map((n) => `${folder}/${n}`));
    expect(intake().outcomes.map((o) => o.status)).toEqual(names.map((_, i) => (i === 33 ? 'failed' : 'added')));
    expect(intake().outcomes[33]).toMatchObject({
      error: { code: 'INVALID_INPUT', reason: { key: 'intakeError.empty' } },
    });
    expect([batched.n, single.n]).toEqual([2, 0]);
    expect((await refreshed(useEvidenceStore)).total).toBe(39);
  });
});
