import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { verifyFolder, verifyPackage, type RosterEntry, type VerifyResult } from '../../electron/core/packages';
import { buildCorpus, type CorpusPackage } from '../core/packages/corpus';
import { ageEncrypt, ageKeygen } from '../fixtures/age';
import { sh } from '../core/packages/zip-tools';
import { pendingCalls, recordPendingCalls } from './pending-calls';

/**
 * The browser verifier, as a recipient uses it: the file `jejak verifier` writes, opened from disk
 * in Chromium with every request blocked, given packages through its inputs. Its verdict and
 * failing checks must be verifyPackage's on every package of the package tests.
 */

let dir: string;
let pageUrl: string;
let corpus: CorpusPackage[];

test.beforeAll(async () => {
  test.setTimeout(300_000);
  dir = mkdtempSync(join(tmpdir(), 'jejak-verifier-e2e-'));
  const html = join(dir, 'verify.html');
  const made = spawnSync(process.execPath, ['bin/jejak.js', 'verifier', '--out', html], { encoding: 'utf8' });
  expect(made.status, made.stderr).toBe(0);
  pageUrl = pathToFileURL(html).href;
  mkdirSync(join(dir, 'corpus'));
  corpus = await buildCorpus(join(dir, 'corpus'));
});

test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Seen {
  verdict: string;
  failing: string[];
  details: Record<string, string>;
}

/** Opens the page afresh, recording every request and CSP violation, with the network cut off. */
async function openPage(page: Page): Promise<{ requests: string[]; violations: () => Promise<string[]> }> {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.context().route('**/*', (route) => (route.request().url() === pageUrl ? route.continue() : route.abort()));
  await page.context().setOffline(true);
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { violations: string[] }).violations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await recordPendingCalls(page);
  await page.goto(pageUrl);
  return {
    requests,
    violations: () => page.evaluate(() => (window as unknown as { violations: string[] }).violations),
  };
}

/** A roster file as the CLI's --trust takes it: a list, or { entries, tsaRoots } when it names TSA roots. */
const rosterFile = (roster: RosterEntry[], tsaRoots: string[] = []): string =>
  JSON.stringify(tsaRoots.length > 0 ? { entries: roster, tsaRoots } : roster);

/** What the page shows once it has judged what was given to `input`. */
async function pageVerdict(
  page: Page,
  files: string | string[],
  input: 'verifier-file' | 'verifier-folder' = 'verifier-file',
  roster: RosterEntry[] = [],
  tsaRoots: string[] = [],
): Promise<Seen> {
  await page.goto(pageUrl);
  if (roster.length > 0 || tsaRoots.length > 0) {
    const rosterPath = join(dir, 'roster.json');
    writeFileSync(rosterPath, rosterFile(roster, tsaRoots));
    await page.getByTestId('verifier-roster').setInputFiles(rosterPath);
    await expect(page.getByTestId('roster-loaded')).toBeVisible();
  }
  await page.getByTestId(input).setInputFiles(files);
  const result = page.getByTestId('result');
  const failed = page.getByTestId('open-error');
  await expect(result.or(failed))
    .toBeVisible({ timeout: 60_000 })
    .catch(async (e: Error) =>
      Promise.reject(new Error(`${e.message}\npending in the page: ${await pendingCalls(page)}`)),
    );
  if (await failed.isVisible())
    throw new Error(`the page could not open ${String(files)}: ${await failed.textContent()}`);
  // verifyPackage's details are English; the page says them in the reader's language, Indonesian first
  await page.getByTestId('language').selectOption('en');
  await expect(page.getByTestId('checks').locator('summary').first()).toContainText('Checks');
  const checks = await page.locator('[data-testid=checks] li[data-check]').evaluateAll((items) =>
    items.map((li) => ({
      id: li.getAttribute('data-check') ?? '',
      ok: li.getAttribute('data-ok') === 'true',
      text: li.querySelector('.check-detail')?.textContent ?? '',
    })),
  );
  await page.getByTestId('language').selectOption('id');
  return {
    verdict: (await result.getAttribute('data-verdict')) ?? '',
    failing: checks.filter((c) => !c.ok).map((c) => c.id),
    details: Object.fromEntries(checks.map((c) => [c.id, c.text.slice(c.text.indexOf(' — ') + 3)])),
  };
}

const expected = (r: VerifyResult): Seen => ({
  verdict: r.verdict,
  failing: r.checks.filter((c) => !c.ok).map((c) => c.id),
  details: Object.fromEntries(r.checks.map((c) => [c.id, c.detail])),
});

test('every package of the package tests gets the verdict, failing checks and details of verifyPackage, with no request and no CSP violation', async ({
  page,
}) => {
  test.setTimeout(900_000);
  const { requests, violations } = await openPage(page);
  const differing: string[] = [];
  const wording: string[] = [];
  for (const p of corpus) {
    const want = expected(await verifyPackage(p.path, { roster: p.roster, tsaRoots: p.tsaRoots }));
    const seen = await pageVerdict(page, p.path, 'verifier-file', p.roster, p.tsaRoots);
    if (seen.verdict !== want.verdict || seen.failing.join() !== want.failing.join()) {
      differing.push(
        `${p.name}: page ${seen.verdict} [${seen.failing}], verifyPackage ${want.verdict} [${want.failing}]`,
      );
    }
    for (const id of Object.keys(want.details))
      if (seen.details[id] !== want.details[id])
        wording.push(`${p.name} ${id}: page "${seen.details[id]}", verifyPackage "${want.details[id]}"`);
  }
  console.log(
    `[verifier] ${corpus.length} packages, verdicts equal${differing.length ? ` except ${differing.length}` : ''}; check details equal${wording.length ? ` except ${wording.length}` : ''}`,
  );
  expect(differing).toEqual([]);
  expect(wording).toEqual([]);
  expect(await violations()).toEqual([]);
  expect(requests.filter((url) => url !== pageUrl && !url.startsWith('blob:'))).toEqual([]);
});

test('an unzipped bag folder, picked as a folder, gets the verdict of verifyFolder', async ({ page }) => {
  await openPage(page);
  const approved = corpus.find((p) => p.name === 'genuine/approved, both trusted')!;
  const unzipped = join(dir, 'folder');
  mkdirSync(unzipped);
  expect(sh(`unzip -q ${approved.path} -d ${unzipped}`, dir).code).toBe(0);
  const bag = join(unzipped, 'KOMINFO-2026-11-0042');
  for (const roster of [approved.roster, []]) {
    const want = expected(await verifyFolder(bag, { roster }));
    const seen = await pageVerdict(page, bag, 'verifier-folder', roster);
    expect({ verdict: seen.verdict, failing: seen.failing }).toEqual({ verdict: want.verdict, failing: want.failing });
    expect(seen.details).toEqual(want.details);
  }
  writeFileSync(join(bag, 'data', 'channels.csv'), 'changed\n');
  const want = expected(await verifyFolder(bag));
  const seen = await pageVerdict(page, bag, 'verifier-folder');
  expect({ verdict: seen.verdict, failing: seen.failing }).toEqual({ verdict: 'invalid', failing: want.failing });
  // and in Bahasa Indonesia, what failed is said in Bahasa Indonesia
  await page.getByTestId('language').selectOption('id');
  await expect(page.locator('[data-check=manifest-sha256] .check-detail')).toContainText(
    'data/channels.csv tidak cocok dengan SHA256-nya di manifest',
  );
});

test("a package exported from an analyst's vault: the verdict of verifyPackage, then its screenshots, drawn from memory", async ({
  page,
}) => {
  const { requests, violations } = await openPage(page);
  const exported = join(dir, 'exported.zip');
  const made = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'tests/fixtures/analyst-package.ts', mkdtempSync(join(dir, 'vault-')), exported],
    { encoding: 'utf8' },
  );
  expect(made.status, made.stderr).toBe(0);
  const roster: RosterEntry[] = [
    { fingerprint: made.stdout.trim(), name: 'Budi Analis', unit: 'Direktorat Pengendalian Konten', role: 'analyst' },
  ];
  for (const given of [[], roster]) {
    const want = expected(await verifyPackage(exported, { roster: given }));
    expect(await pageVerdict(page, exported, 'verifier-file', given)).toEqual(want);
  }
  const pictures = page.locator('[data-testid=page-evidence] img');
  await expect(pictures.first()).toBeVisible();
  expect(await pictures.first().getAttribute('src')).toMatch(/^blob:/);
  expect(await violations()).toEqual([]);
  expect(requests.filter((url) => url !== pageUrl && !url.startsWith('blob:'))).toEqual([]);
});

test('the verdict comes first, in Bahasa Indonesia or English, and the evidence pictures only after it, for a valid package only', async ({
  page,
}) => {
  const { requests } = await openPage(page);
  await expect(page.locator('img')).toHaveCount(0);
  const approved = corpus.find((p) => p.name === 'genuine/approved, both trusted')!;
  await pageVerdict(page, approved.path, 'verifier-file', approved.roster);
  await expect(page.getByTestId('verdict')).toContainText('Sah dan tepercaya');
  await page.getByTestId('language').selectOption('en');
  await expect(page.getByTestId('verdict')).toContainText('Valid and trusted');
  // The sample's evidence are not images: each is named, none is drawn.
  await expect(page.getByTestId('page-evidence')).toHaveCount(3);
  await expect(page.locator('[data-testid=page-evidence][data-image=none]')).toHaveCount(3);

  const invalid = corpus.find((p) => p.name === 'rebuilt/one byte of an evidence file')!;
  await pageVerdict(page, invalid.path);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'invalid');
  await expect(page.getByTestId('page-evidence')).toHaveCount(0);
  await expect(page.getByTestId('review-evidence')).toContainText(/not shown|tidak ditampilkan/);
  expect(requests.filter((url) => url !== pageUrl && !url.startsWith('blob:'))).toEqual([]);
});

test('a roster given after the verdict judges the package again, without reading it again', async ({ page }) => {
  await openPage(page);
  const approved = corpus.find((p) => p.name === 'genuine/approved, both trusted')!;
  await pageVerdict(page, approved.path);
  const result = page.getByTestId('result');
  await expect(result).toHaveAttribute('data-verdict', 'valid-untrusted');
  const rosterPath = join(dir, 'late-roster.json');
  writeFileSync(rosterPath, JSON.stringify(approved.roster));
  await page.getByTestId('verifier-roster').setInputFiles(rosterPath);
  await expect(result).toHaveAttribute('data-verdict', 'valid-trusted');
  await expect(page.getByTestId('verdict')).toContainText('Sah dan tepercaya');
  writeFileSync(rosterPath, '{ not a roster');
  await page.getByTestId('verifier-roster').setInputFiles(rosterPath);
  await expect(page.getByTestId('roster-error')).toContainText('cannot be read as JSON');
  await expect(result).toHaveAttribute('data-verdict', 'valid-untrusted');
});

test('a package and its roster dropped together on the page', async ({ page }) => {
  const { requests } = await openPage(page);
  const approved = corpus.find((p) => p.name === 'genuine/approved, both trusted')!;
  const dataTransfer = await page.evaluateHandle(
    ({ zip, roster }) => {
      const transfer = new DataTransfer();
      transfer.items.add(
        new File([Uint8Array.from(atob(zip), (c) => c.charCodeAt(0))], 'KOMINFO-2026-11-0042.zip', {
          type: 'application/zip',
        }),
      );
      transfer.items.add(new File([roster], 'roster.json', { type: 'application/json' }));
      return transfer;
    },
    { zip: readFileSync(approved.path).toString('base64'), roster: JSON.stringify(approved.roster) },
  );
  await page.getByTestId('verifier-drop').dispatchEvent('drop', { dataTransfer });
  await expect(page.getByTestId('result')).toHaveAttribute('data-verdict', 'valid-trusted');
  await expect(page.getByTestId('roster-loaded')).toContainText('roster.json');
  expect(requests.filter((url) => url !== pageUrl && !url.startsWith('blob:'))).toEqual([]);
});

test('a time-stamped package: the time per statement, an untrusted TSA named, and TSA roots given after the verdict', async ({
  page,
}) => {
  const { requests, violations } = await openPage(page);
  const trusted = corpus.find((p) => p.name === 'timestamps/stamped, its TSA trusted')!;
  const seen = await pageVerdict(page, trusted.path, 'verifier-file', trusted.roster);
  expect(seen.verdict).toBe('valid-untrusted');
  await expect(page.getByTestId('verdict')).toContainText('Test TSA');
  await expect(page.getByTestId('statement-time')).toHaveCount(2);
  await expect(page.getByTestId('statement-time').first()).toContainText(
    /Dicap waktu oleh Test TSA .*belum dikonfirmasi/,
  );
  const rosterPath = join(dir, 'late-tsa-roster.json');
  writeFileSync(rosterPath, rosterFile(trusted.roster, trusted.tsaRoots));
  await page.getByTestId('verifier-roster').setInputFiles(rosterPath);
  await expect(page.getByTestId('result')).toHaveAttribute('data-verdict', 'valid-trusted');
  await expect(page.getByTestId('roster-loaded')).toContainText(/Akar TSA: 1/);
  await expect(page.locator('[data-testid=statement-time] .pill')).toHaveCount(0);
  await page.getByTestId('language').selectOption('en');
  await expect(page.getByTestId('statement-time').first()).toContainText(/Time confirmed by Test TSA at/);
  await page.screenshot({
    path: join(process.env.JEJAK_SCREENSHOTS ?? dir, 'verifier-stamped-trusted.png'),
    fullPage: true,
  });

  const flipped = corpus.find((p) => p.name === 'timestamps/a flipped byte in a token')!;
  await pageVerdict(page, flipped.path, 'verifier-file', flipped.roster, flipped.tsaRoots);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'invalid');
  await expect(page.locator('[data-testid=checks] li[data-check=timestamps]')).toHaveAttribute('data-ok', 'false');
  // the other statement's token is intact, but in an invalid package no time is confirmed
  await expect(page.locator('[data-testid=statement-time][data-trusted=true]')).toHaveCount(0);
  await page.screenshot({
    path: join(process.env.JEJAK_SCREENSHOTS ?? dir, 'verifier-stamped-flipped.png'),
    fullPage: true,
  });
  expect(await violations()).toEqual([]);
  expect(requests.filter((url) => url !== pageUrl && !url.startsWith('blob:'))).toEqual([]);
});

test('an encrypted package (.zip.age) is named as such, not judged', async ({ page }) => {
  await openPage(page);
  const sealed = join(dir, 'sealed.zip.age');
  ageEncrypt([ageKeygen(dir, 'page-key.txt').recipient], corpus[0]!.path, sealed);
  await page.getByTestId('verifier-file').setInputFiles(sealed);
  await expect(page.getByTestId('open-error')).toContainText(/terenkripsi \(age/);
  await expect(page.getByTestId('result')).toHaveCount(0);
});
