import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { ReportData, ReportEvidence, ReportLanguage } from '../../../electron/common/report-json';

const hex = (seed: number, len: 64 | 128) =>
  createHash(len === 64 ? 'sha256' : 'sha512')
    .update(`item ${seed}`)
    .digest('hex');

export const LONG_URL = `https://t.me/s/${'a1b2c3d4e5'.repeat(28)}x?before=12345`; // > 300 characters

export function reportData(opts: { language?: ReportLanguage; evidence?: number } = {}): ReportData {
  const n = opts.evidence ?? 5;
  const channels: ReportData['channels'] = [
    {
      platform: 'telegram',
      kind: 'channel',
      canonicalUrl: 'https://t.me/akhbar_ajila',
      originalUrl: 'https://t.me/akhbar_ajila/123',
      title: 'قناة الأخبار العاجلة 24',
      category: 'propaganda',
      status: 'active',
      firstSeen: '2026-11-20T08:15:00Z',
      subscriberCount: 18234,
      evidenceCount: 3,
    },
    {
      platform: 'telegram',
      kind: 'group',
      canonicalUrl: LONG_URL,
      originalUrl: LONG_URL,
      title: 'Канал новостей — Сирия / Новости дня',
      category: 'recruitment',
      status: 'active',
      firstSeen: '2026-11-21T23:59:00Z',
      subscriberCount: null,
      evidenceCount: 1,
    },
    {
      platform: 'x',
      kind: 'account',
      canonicalUrl: 'https://x.com/example_account',
      originalUrl: 'https://twitter.com/Example_Account?s=20',
      title: 'Kabar Umat 频道 \u{1F600} \u202Etxt.exe',
      category: 'incitement',
      status: 'taken_down',
      firstSeen: '2026-11-25T02:00:00Z',
      subscriberCount: 512,
      evidenceCount: 1,
    },
  ];
  const urls = channels.map((c) => c.canonicalUrl);
  const evidence: ReportEvidence[] = [];
  for (let i = 1; i <= n; i++) {
    const sha256 = hex(i, 64);
    evidence.push({
      seq: i,
      file: `data/evidence/${String(i).padStart(3, '0')}-${sha256.slice(0, 12)}.${i % 4 === 0 ? 'mp4' : 'png'}`,
      sha256,
      sha512: hex(i + 1000, 128),
      size: 123_456 * i + 789,
      mediaType: i % 4 === 0 ? 'video/mp4' : 'image/png',
      width: i % 4 === 0 ? null : 1080 + i,
      height: i % 4 === 0 ? null : 1920 - i,
      capturedAt: i % 3 === 0 ? null : `2026-11-2${i % 7}T0${i % 10}:1${i % 6}:0${i % 10}Z`,
      intakeAt: '2026-11-27T09:30:12Z',
      takenBy: 'Rina Pratiwi',
      sourceUrl: i % 5 === 0 ? null : `${urls[i % 3]}/${1000 + i}`,
      channelUrl: i % 5 === 0 ? null : (urls[i % 3] ?? null),
      notes:
        i === 2
          ? `Tangkapan layar unggahan yang menyerukan kekerasan. ${'Teks panjang tanpa spasi: '}${'x'.repeat(400)}\nBaris kedua catatan.`
          : i % 2 === 0
            ? ''
            : 'Unggahan berisi ajakan bergabung dan tautan undangan grup.',
    });
  }
  return {
    format: 'jejak-report/1',
    language: opts.language ?? 'id',
    unit: 'Direktorat Pengendalian Konten Radikal',
    case: {
      reference: 'JJK/2026/11/0042',
      title: 'Jaringan kanal propaganda "Al-Bayan" — gelombang November',
      platform: 'telegram',
      priority: 'urgent',
      dueAt: '2026-11-29T04:00:00Z',
      legalBasis:
        'Undang-Undang Nomor 11 Tahun 2008 tentang Informasi dan Transaksi Elektronik sebagaimana telah diubah, Pasal 40 ayat (2a) dan (2b); Peraturan Menteri Kominfo Nomor 5 Tahun 2020.',
      notes: 'Kanal-kanal ini menyebarkan materi propaganda dan ajakan kekerasan. Mohon ditindaklanjuti segera.',
      createdAt: '2026-11-26T02:00:00Z',
      exportedAt: '2026-11-28T04:00:00Z',
    },
    analyst: {
      name: 'Rina Pratiwi',
      unit: 'Subdirektorat Analisis Konten',
      id: '198805122015032001',
      role: 'analyst',
      fingerprint: hex(77, 64),
    },
    channels,
    evidence,
  };
}

const cache = new Map<number, Buffer>();
/** A small PNG preview, different for each item; null for every 4th (a video without preview). */
export async function thumbnailFor(e: ReportEvidence): Promise<Buffer | null> {
  if (e.seq % 4 === 0) return null;
  const key = e.seq % 7;
  const hit = cache.get(key);
  if (hit) return hit;
  const w = key % 2 === 0 ? 240 : 135;
  const h = key % 2 === 0 ? 135 : 240;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
    <rect width="100%" height="100%" fill="hsl(${key * 50},45%,85%)"/>
    <rect x="10" y="10" width="${w - 20}" height="24" fill="hsl(${key * 50},45%,40%)"/>
    <rect x="10" y="44" width="${w - 40}" height="8" fill="#777"/><rect x="10" y="58" width="${w - 60}" height="8" fill="#777"/>
    <circle cx="${w / 2}" cy="${h - 40}" r="22" fill="hsl(${key * 50 + 180},50%,50%)"/></svg>`;
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  cache.set(key, png);
  return png;
}
