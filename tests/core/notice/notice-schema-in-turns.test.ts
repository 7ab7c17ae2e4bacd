import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportCase } from '../../../electron/core/cases/export-case';
import type { Notice } from '../../../electron/core/notice/notice-types';
import {
  noticeSchemaProblems,
  noticeSchemaProblemsInTurns,
  type SchemaProblem,
} from '../../../electron/core/notice/schemas';
import { analystCase, RESOURCES } from '../../fixtures/case';
import { newVault, tempDir } from '../../fixtures/temp';

/** The notice.json of a real export, as a package holds it. */
async function exportedNotice(): Promise<Notice> {
  const { session } = await newVault();
  const { kase } = await analystCase(session);
  const zip = join(tempDir(), 'package.zip');
  const { name } = await exportCase(session, {}, kase.id, zip, {
    language: 'id',
    resourcesDir: RESOURCES,
    version: '0.1.0-test',
  });
  session.close('test');
  return JSON.parse(execFileSync('unzip', ['-p', zip, `${name}/data/notice.json`], { encoding: 'utf8' })) as Notice;
}

const sorted = (problems: SchemaProblem[]) =>
  problems.map((p) => `${p.path} ${p.message}`).sort((a, b) => a.localeCompare(b));

/** Both checks of `value`: the whole notice at once, and in turns. */
async function bothChecks(value: unknown) {
  return { whole: sorted(noticeSchemaProblems(value)), inTurns: sorted(await noticeSchemaProblemsInTurns(value)) };
}

describe('the notice schema checked in turns (export)', () => {
  it('finds the problems the whole check finds, naming the same fields, wherever they are', async () => {
    const notice = await exportedNotice();
    expect(notice.evidence.length).toBeGreaterThan(1);
    const valid = await bothChecks(notice);
    expect(valid).toEqual({ whole: [], inTurns: [] });

    type Entry = Record<string, unknown>;
    const broken = structuredClone(notice) as unknown as { noticeId: string; items: Entry[]; evidence: Entry[] };
    broken.noticeId = 'not-a-uuid';
    broken.items[0]!.category = 'bukan kategori';
    broken.items.at(-1)!.unexpected = true;
    broken.evidence.at(-1)!.sha256 = 'sha256:xyz';
    delete broken.evidence[0]!.size;
    const found = await bothChecks(broken);
    expect(found.inTurns).toEqual(found.whole);
    expect(found.inTurns.map((p) => p.split(' ')[0])).toEqual(
      [
        '/noticeId',
        '/items/0/category',
        `/items/${broken.items.length - 1}/unexpected`,
        `/evidence/${broken.evidence.length - 1}/sha256`,
        '/evidence/0/size',
      ].sort((a, b) => a.localeCompare(b)),
    );

    for (const odd of [null, 'text', [], { ...notice, items: 'none' }, { ...notice, evidence: undefined }]) {
      const both = await bothChecks(odd);
      expect(both.inTurns).toEqual(both.whole);
      expect(both.whole.length).toBeGreaterThan(0);
    }
  });

  it('holds a list to its maxItems, and gives the thread turns while it checks a long one', async () => {
    const notice = await exportedNotice();
    const tooMany = { ...notice, items: new Array<unknown>(100_001).fill(notice.items[0]) };
    const found = await bothChecks(tooMany);
    expect(found.whole).toEqual(['/items must NOT have more than 100000 items']);
    expect(found.inTurns).toEqual(found.whole);

    let turns = 0;
    const ticking = setInterval(() => turns++, 0);
    try {
      await noticeSchemaProblemsInTurns({ ...notice, evidence: new Array<unknown>(200_000).fill(notice.evidence[0]) });
    } finally {
      clearInterval(ticking);
    }
    expect(turns).toBeGreaterThan(0);
  });

  it("checks one item's long evidence list in turns, finding what the whole check finds in it", async () => {
    const notice = await exportedNotice();
    const item = notice.items[0]!;
    const paths = Array.from({ length: 200_000 }, (_, i) => `data/evidence/${i + 1}-0123456789ab.png`);
    // the notice's own evidence list empty: no turn but those taken within the item
    const long = { ...notice, items: [{ ...item, evidence: paths }], evidence: [] };
    expect(await bothChecks(long)).toEqual({ whole: [], inTurns: [] });

    let turns = 0;
    const ticking = setInterval(() => turns++, 0);
    try {
      await noticeSchemaProblemsInTurns(long);
    } finally {
      clearInterval(ticking);
    }
    expect(turns).toBeGreaterThan(0);

    const broken: unknown[] = [...paths.slice(0, 3000)];
    broken[10] = 'data/evidence/not-a-path.png';
    broken[2000] = 42;
    broken[2500] = broken[20];
    broken[2600] = broken[30];
    const found = await bothChecks({ ...notice, items: [{ ...item, evidence: broken, title: 7 }] });
    expect(found.inTurns).toEqual(found.whole);
    expect(found.whole.map((p) => p.split(' ')[0])).toEqual(
      expect.arrayContaining(['/items/0/evidence', '/items/0/evidence/10', '/items/0/evidence/2000', '/items/0/title']),
    );
  });
});
