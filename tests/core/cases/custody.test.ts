import { describe, expect, it } from 'vitest';
import { getCase } from '../../../electron/core/cases/cases';
import { custodyLines } from '../../../electron/core/cases/custody';
import { analystCase } from '../../fixtures/case';
import { newVault } from '../../fixtures/temp';

describe('custody.jsonl', () => {
  it('is the same read a row per turn as read at once: every entry about the case, in order, then the head', async () => {
    const { session } = await newVault();
    const { kase } = await analystCase(session);
    const { channelIds, evidenceIds } = getCase(session, kase.id);
    const whole = await custodyLines(session.db, kase.id, channelIds, evidenceIds, 10_000);
    const paged = await custodyLines(session.db, kase.id, channelIds, evidenceIds, 1);
    expect(paged).toEqual(whole);
    const lines = whole.map((l) => JSON.parse(l) as { type: string; seq: number });
    expect(lines.length).toBeGreaterThan(channelIds.length + evidenceIds.length);
    expect(lines.at(-1)!.type).toBe('chain-head');
    const seqs = lines.slice(0, -1).map((l) => l.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
  });
});
