// scratch: keep a seeded vault at /tmp/jejak-prof to iterate on query plans
import { existsSync } from 'node:fs';
import { listChannels } from '../../electron/core/catalog/channel-list';
import { search } from '../../electron/core/search/search';
import { createVault, unlockVault } from '../../electron/core/vault/vault';
const dir = '/tmp/jejak-prof';
const pass = 'benchmark passphrase with several words';
const kdf = { name: 'scrypt' as const, N: 1024, r: 8, p: 1 };
const WORDS = ['jihad', 'khilafah', 'daulah', 'rekrutmen', 'propaganda', 'kajian', 'hijrah', 'media', 'berita', 'dakwah', 'ansor', 'tauhid', 'syam', 'nusantara', 'video', 'amaliyah', "bai'at", 'mujahid', 'akhwat', 'ikhwan'];
const pick = <T,>(l: T[], i: number) => l[i % l.length]!;
let s;
if (!existsSync(dir)) {
  s = (await createVault(dir, pass, { actor: 'p', kdf })).session;
  const db = s.db.raw;
  const ic = db.prepare(`INSERT INTO channels (platform, kind, key, canonical_url, handle, title, category, status, first_seen, last_seen, notes, created_at, created_by, updated_at) VALUES (?, 'channel', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'b', ?)`);
  db.transaction(() => {
    for (let i = 0; i < 100000; i++) { const at = new Date(Date.UTC(2025,0,1)+i*300000).toISOString(); ic.run(pick(['telegram','x','youtube','website'], i), `b:${i}`, `https://t.me/b_${i}`, `b_${i}`, `${pick(WORDS,i)} ${pick(WORDS,i*7+3)} ${i}`, pick(['terorisme','radikalisme','hoaks','lainnya'], i), pick(['active','reported','blocked','not-actioned','reappeared'], i*3), at, at, `catatan ${pick(WORDS,i*13)} nomor${i}`, at, at); }
    db.prepare(`INSERT INTO blobs VALUES (?, ?, ?, 0, ?)`).run('0'.repeat(64), '0'.repeat(64), '0'.repeat(128), 'x');
    const ie = db.prepare(`INSERT INTO evidence (blob_name, sha256, sha512, size, media_type, original_name, intake_at, taken_by, channel_id, notes) VALUES (?, ?, '', 1, 'image/png', ?, ?, 'b', ?, ?)`);
    for (let i = 0; i < 1000000; i++) ie.run('0'.repeat(64), i.toString(16).padStart(64,'0'), `shot-${i}.png`, new Date(Date.UTC(2025,0,1)+i*30000).toISOString(), (i%100000)+1, `bukti ${pick(WORDS,i*11)} ${pick(WORDS,i*5+1)} ref${i}`);
  })();
} else s = await unlockVault(dir, { passphrase: pass }, { actor: 'p' });
const t = (name: string, fn: () => unknown) => { const a = performance.now(); fn(); console.log(name.padEnd(50), (performance.now()-a).toFixed(1)); };
for (const q of ['jihad', 'jiha', 'jihad khilafah', 'nomor4242', 'ref77']) t(`search ${q}`, () => search(s.db, q));
t('search jihad platform=x', () => search(s.db, 'jihad', { platform: 'x' }));
for (const sort of ['created','title','status','lastSeen'] as const) for (const off of [0, 50000, 90000]) t(`list ${sort} off ${off}`, () => listChannels(s.db, { filter: {}, sort, descending: true, offset: off, limit: 200 }));
t('list status=reported title off 10000', () => listChannels(s.db, { filter: { status: 'reported' }, sort: 'title', descending: false, offset: 10000, limit: 200 }));
t('list category=hoaks created off 20000', () => listChannels(s.db, { filter: { category: 'hoaks' }, sort: 'created', descending: false, offset: 20000, limit: 200 }));
t('count all', () => s.db.raw.prepare('select count(*) from channels').get());
s.close('p');
