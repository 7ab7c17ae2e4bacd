import { join } from 'node:path';
import { timestampRequests } from '../../../electron/core/timestamps/package-timestamps';
import { attachTimestamps } from '../../../electron/core/review/attach-timestamps';
import { ageKeygen } from '../../fixtures/age';
import { ANALYST, exitOf, filesIn, valueOf } from '../../fixtures/policy-sides';
import { tempDir } from '../../fixtures/temp';
import { makeTestTsa } from '../../fixtures/tsa';
import { type Binding, type Given, analystEntry, analystPackage, exportArgs, json, seenWrites } from './binding';

interface Verified {
  verdict: string;
  timestamps: Array<{ trusted: boolean }>;
}
const seenVerdict = (exit: number, v: Verified) => ({
  exit,
  verdict: v.verdict,
  timeConfirmed: v.timestamps.map((t) => t.trusted),
});

/** Both sides open the given package: `jejak verify --json`, and review.openPath in the app. */
const verifyGivenPackage: Pick<Binding, 'cli' | 'app'> = {
  cli: (s) => {
    const run = s.run(['verify', s.given.path!, '--json']);
    return seenVerdict(run.code, json(run));
  },
  app: async (s) => {
    await s.vault();
    const reply = await s.call('review.openPath', { path: s.given.path, jobId: 'open' });
    return seenVerdict(exitOf(reply), valueOf(reply));
  },
};

/** The analyst's package with a real TSA's token on its statement, and that TSA's root. */
async function stampedPackage(): Promise<Given> {
  const made = await analystPackage();
  const tsa = makeTestTsa(join(tempDir(), 'tsa'));
  const tokens = (await timestampRequests(made.path!)).map((r) => ({
    name: r.fileName.replace(/\.tsq$/, '.tsr'),
    bytes: tsa.reply(Buffer.from(r.der)),
  }));
  const stamped = join(tempDir(), 'stamped.zip');
  await attachTimestamps({}, made.path!, stamped, tokens);
  return { ...made, path: stamped, root: tsa.rootPem };
}

/** The same vault's person, now deciding as a supervisor (the exports above were theirs as analyst). */
const SUPERVISOR = { ...ANALYST, role: 'supervisor' as const };
const SUPERVISOR_FLAGS = [
  '--name',
  ANALYST.name,
  '--unit',
  ANALYST.unit,
  '--id',
  ANALYST.employeeId,
  '--role',
  'supervisor',
];
const APPROVAL = { decision: 'approved', comment: '', items: [], withoutItemReview: { reason: 'Lengkap' } };

/** The fields that decide where packages go, whom they are sealed for and whom a verification trusts. */
export const PACKAGE_FIELDS: Binding[] = [
  {
    field: 'trustRoster',
    given: analystPackage,
    policy: (_f, g) => ({ trustRoster: analystEntry(g) }),
    expected: () => ({ exit: 0, verdict: 'valid-trusted', timeConfirmed: [] }),
    ...verifyGivenPackage,
  },
  {
    field: 'tsaRoots',
    given: stampedPackage,
    // the signer is trusted either way: only a token whose TSA chains to a root confirms the time
    policy: (_f, g) => ({ tsaRoots: [g.root!], trustRoster: analystEntry(g) }),
    expected: () => ({ exit: 0, verdict: 'valid-trusted', timeConfirmed: [true] }),
    ...verifyGivenPackage,
  },
  {
    field: 'allowedExportFolders',
    given: analystPackage,
    policy: (f) => ({ allowedExportFolders: [f.allowed] }),
    // `case export` / cases.export and `review` / review.decide; evidence export, timestamp attach and
    // case decisions --out: tests/cli/export-folders-cli.test.ts
    expected: () => {
      const seen = { elsewhere: 1, leftElsewhere: [], allowed: 0, written: true };
      return { export: seen, review: seen };
    },
    cli: async (s) => {
      const reference = await s.draftCase();
      const exported = await seenWrites(
        s.folders,
        'p.zip',
        (out) => s.run(['case', 'export', reference, '--out', out]).code,
      );
      s.run(['identity', 'set', ...SUPERVISOR_FLAGS]);
      const review = ['review', s.given.path!, '--approve', '--without-item-review', '--reason', 'Lengkap', '--out'];
      return { export: exported, review: await seenWrites(s.folders, 'r.zip', (out) => s.run([...review, out]).code) };
    },
    app: async (s) => {
      const id = await s.draftCase();
      const exported = await seenWrites(s.folders, 'p.zip', async (out) =>
        exitOf(await s.call('cases.export', exportArgs(id, out))),
      );
      valueOf(await s.call('identity.set', SUPERVISOR));
      const opened = valueOf<{ reviewId: string }>(await s.call('review.openPath', { path: s.given.path, jobId: 'o' }));
      const decide = { ...APPROVAL, reviewId: opened.reviewId, jobId: 'decide' };
      return {
        export: exported,
        review: await seenWrites(s.folders, 'r.zip', async (out) =>
          exitOf(await s.call('review.decide', { ...decide, destination: out })),
        ),
      };
    },
  },
  {
    field: 'exportRecipients',
    given: async () => ({ recipient: ageKeygen(tempDir()).recipient }),
    policy: (_f, g) => ({ exportRecipients: [g.recipient!] }),
    // a plain .zip is refused (exit 1) and nothing is written; NAME.zip.age is sealed for the required key too
    expected: () => ({ plain: 1, sealed: 0, forRequired: true, written: ['p.zip.age'] }),
    cli: async (s) => {
      const reference = await s.draftCase();
      const to = (name: string) =>
        s.run(['case', 'export', reference, '--out', join(s.folders.allowed, name), '--json']);
      const plain = to('p.zip').code;
      const sealed = to('p.zip.age');
      const forRequired = json<{ recipients: string[] }>(sealed).recipients.includes(s.given.recipient!);
      return { plain, sealed: sealed.code, forRequired, written: filesIn(s.folders.allowed) };
    },
    app: async (s) => {
      const id = await s.draftCase();
      const to = (name: string) => s.call('cases.export', exportArgs(id, join(s.folders.allowed, name)));
      const plain = exitOf(await to('p.zip'));
      const sealed = await to('p.zip.age');
      const forRequired = valueOf<{ recipients: string[] }>(sealed).recipients.includes(s.given.recipient!);
      return { plain, sealed: exitOf(sealed), forRequired, written: filesIn(s.folders.allowed) };
    },
  },
];
