import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Locator, type Page } from '@playwright/test';
import { api, expect, PASSPHRASE, test } from './fixtures';
import { screenshotPng } from './png';

/**
 * Where the focus is can be seen: the focused element matches :focus-visible and it, or the box
 * drawn around it (a tag editor, or the button of a file input hidden behind it), shows an outline
 * or a shadow.
 */
async function focusShown(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const focused = document.activeElement as HTMLElement | null;
    // past the last element the focus leaves the page for the browser's own controls, then wraps around
    if (!focused || focused === document.body) return null;
    if (!focused.matches(':focus-visible')) return `${focused.outerHTML.slice(0, 80)} is not :focus-visible`;
    const drawn = (el: Element) => {
      const style = getComputedStyle(el);
      return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
    };
    const label = focused instanceof HTMLInputElement ? focused.labels?.[0] : undefined;
    const ring = focused.closest(':focus-within:is(.tag-editor)');
    if (drawn(focused) || (label && drawn(label)) || (ring && drawn(ring))) return null;
    return `${focused.outerHTML.slice(0, 80)} has the focus but no outline or shadow`;
  });
}

const hasFocus = (target: Locator) => target.evaluate((el) => el === document.activeElement, null, { timeout: 5_000 });

/** Tab (or Shift+Tab) until target has the focus; every stop on the way must show the focus. */
async function tabTo(page: Page, target: Locator, back = false) {
  for (let stop = 0; stop < 80; stop++) {
    if (await hasFocus(target)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    expect(await focusShown(page), `Tab stop ${stop + 1} on the way to ${target}`).toBeNull();
  }
  throw new Error(`${target} is not reached with the keyboard`);
}

async function press(page: Page, target: Locator, key: 'Enter' | ' ' = 'Enter') {
  await tabTo(page, target);
  await page.keyboard.press(key === ' ' ? 'Space' : key);
}

/**
 * A file picker opened from the keyboard; the files are what a person would choose in it. The test
 * listens for pickers from its first step (see the test body): Playwright turns interception on
 * only when a listener is added, without waiting, so a listener added just before the key press can
 * lose the race and leave Chromium's own dialog open instead.
 */
async function chooseFiles(page: Page, input: Locator, files: Parameters<Locator['setInputFiles']>[0]) {
  await tabTo(page, input);
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Space');
  await (await chooser).setFiles(files);
}

test('the main flows work with the keyboard alone, and the focus is always visible', async ({ page, harness }) => {
  test.setTimeout(180_000);
  page.on('filechooser', () => undefined);
  const nav = (name: string) => page.getByRole('navigation').getByRole('button', { name, exact: true });
  const dialog = page.getByRole('dialog');

  // A new vault, typed in: the passphrase field has the focus from the start.
  await page.goto(harness.url);
  await expect(page.getByLabel('Frasa sandi', { exact: true })).toBeFocused();
  await page.keyboard.type(PASSPHRASE);
  await tabTo(page, page.getByLabel('Ulangi frasa sandi'));
  await page.keyboard.type(PASSPHRASE);
  await press(page, page.getByLabel('Brankas uji TI tanpa identitas'), ' ');
  await press(page, page.getByRole('button', { name: 'Buat brankas' }));
  const code = (await page.getByTestId('recovery-code').innerText()).replace(/\s+/g, '-');
  await tabTo(page, page.getByLabel(/kelompok 4 karakter terakhir/));
  await page.keyboard.type(code.split('-').at(-1)!);
  await press(page, page.getByRole('button', { name: 'Sudah saya simpan' }));

  // Channels: the Add dialog takes the focus, and gives it back when Escape closes it.
  await press(page, nav('Kanal'));
  await expect(page.getByRole('heading', { name: 'Kanal', level: 1 })).toBeVisible();
  const add = page.getByRole('button', { name: 'Tambah kanal' }).first();
  await press(page, add);
  await expect(dialog).toBeVisible();
  await expect(page.getByLabel('Tautan kanal')).toBeFocused();
  await page.keyboard.type('https://t.me/jejak_papan_ketik_satu\nhttps://t.me/jejak_papan_ketik_dua');
  const category = page.getByLabel('Kategori untuk tautan yang tidak menyebut kategori');
  await tabTo(page, category);
  while ((await category.inputValue()) !== 'hoaks') await page.keyboard.press('ArrowDown');
  await press(page, dialog.getByRole('button', { name: 'Periksa' }));
  await press(page, dialog.getByRole('button', { name: 'Tambahkan 2 kanal' }));
  await expect(page.getByTestId('import-result')).toContainText('2 kanal baru ditambahkan');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(add).toBeFocused();

  // The table: a column sorts from the keyboard, arrows move, Space selects, Enter opens.
  const table = page.getByTestId('channel-table');
  await press(page, table.getByRole('button', { name: 'Platform' }));
  await expect(table.getByRole('columnheader', { name: 'Platform' })).toHaveAttribute('aria-sort', 'ascending');
  // The sort button sits inside the grid: step back to the grid itself, where Home, the arrows and Space act on rows.
  for (let stop = 0; stop < 5 && !(await table.evaluate((el) => el === document.activeElement)); stop++) {
    await page.keyboard.press('Shift+Tab');
  }
  await expect(table).toBeFocused();
  await page.keyboard.press('Home');
  await page.keyboard.press('Space');
  await expect(table.locator('[role=row][aria-selected=true]')).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Tindakan untuk kanal terpilih' })).toContainText('1 kanal dipilih');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('channel-detail')).toBeVisible();

  // A dialog on the channel's page: focus inside, Escape closes it, focus back on what opened it.
  const exclude = page.getByRole('button', { name: 'Kecualikan…' });
  await press(page, exclude);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Alasan')).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await focusShown(page)).toBeNull();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(exclude).toBeFocused();
  await press(page, page.getByRole('button', { name: /Kembali/ }), ' ');
  await expect(table).toBeVisible();

  // Evidence taken in from the file picker, opened from its tile and left again.
  await press(page, nav('Bukti'));
  await chooseFiles(page, page.getByTestId('intake-files'), [
    { name: 'papan-1.png', mimeType: 'image/png', buffer: screenshotPng(801) },
    { name: 'papan-2.png', mimeType: 'image/png', buffer: screenshotPng(802) },
  ]);
  await expect(page.getByTestId('intake-summary')).toHaveText('Selesai: 2 bukti baru, 0 sudah ada, 0 gagal.');
  await press(page, page.getByTestId('evidence-tile').filter({ hasText: 'papan-1.png' }));
  await expect(page.getByTestId('evidence-viewer')).toBeVisible();
  await press(page, page.getByRole('button', { name: '← Kembali' }), ' ');
  await expect(page.getByTestId('evidence-tile')).toHaveCount(2);

  // Search from anywhere with Ctrl+K.
  await page.keyboard.press('Control+k');
  await expect(page.getByLabel('Cari di brankas')).toBeFocused();
  await page.keyboard.type('papan');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('search-results')).toBeVisible();

  // A supervisor reviews a package: every item marked, the confirmation opened and dismissed.
  await api(page, 'identity.set', {
    name: 'Budi Supervisor',
    unit: 'Direktorat',
    employeeId: '1985',
    role: 'supervisor',
  });
  await press(page, nav('Tinjauan'));
  const dir = join(harness.dataDir, 'other-analyst');
  mkdirSync(dir);
  const zip = join(dir, 'paket.zip');
  execFileSync(process.execPath, ['--import', 'tsx', 'tests/fixtures/analyst-package.ts', dir, zip]);
  await chooseFiles(page, page.getByTestId('review-file'), zip);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'valid-untrusted');
  for (const item of await page.getByTestId('review-item').all()) await press(page, item.getByLabel('Sesuai'), ' ');
  const approve = page.getByRole('button', { name: 'Setujui dan tanda tangani' });
  await press(page, approve);
  await expect(page.getByTestId('confirm-decision')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Tanda tangani persetujuan' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(approve).toBeFocused();
  expect(harness.foreignRequests).toEqual([]);
});
