import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Notice } from '../../../electron/core/notice/notice-types';
import type { ReportData } from '../../../electron/common/report-json';
import { keySigner, type ExportInput, type PayloadFile, type Role, type Signer } from '../../../electron/core/packages';
import type { LaterBytes } from '../../../electron/core/packages/write-payload';
import { crc32 } from '../../../electron/core/crc32';

export const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');
export const sha512 = (b: Buffer | string): string => createHash('sha512').update(b).digest('hex');

export function makeSigner(role: Role, name = role === 'analyst' ? 'Ani Analis' : 'Sari Supervisor'): Signer {
  const { privateKey } = generateKeyPairSync('ed25519');
  return keySigner({ name, unit: 'Direktorat Pengendalian', id: `${role}-01`, role }, privateKey);
}

const dirs: string[] = [];
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jejak-pkg-'));
  dirs.push(dir);
  return dir;
}
export function cleanTempDirs(): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function bufferPayload(
  path: string,
  data: Buffer,
  extra: { expectedSha256?: string; knownSha512?: string; size?: number } = {},
): PayloadFile {
  return { path, open: () => Readable.from([data]), size: data.length, ...extra };
}

/** The payload with no sizes given: its ZIP entries then carry data descriptors. */
export const withoutSizes = (payload: PayloadFile[]): PayloadFile[] =>
  payload.map(({ size: _size, ...rest }) => rest as PayloadFile);

export const SAMPLE_NOTICE_ID = '6f1c2a4e-0b7d-4c3e-9a55-2d8e1f3b7c90';

/** A notice that checks against sampleInput's bag: one channel with the three evidence files. */
function sampleNotice(
  analyst: Signer,
  reference: string,
  evidence: ReadonlyArray<{ path: string; bytes: Buffer }>,
): Notice {
  const paths = evidence.map((e) => `data/${e.path}`);
  return {
    format: 'jejak-notice/1',
    noticeId: SAMPLE_NOTICE_ID,
    reference,
    revision: 1,
    issuedAt: '2026-11-28T04:00:00.000Z',
    platform: 'telegram',
    authority: {
      unit: 'Direktorat Pengendalian',
      organisation: 'Kementerian Komunikasi dan Digital',
      contactEmail: 'aduan@example.go.id',
      country: 'ID',
    },
    analyst: { name: analyst.name, fingerprint: analyst.fingerprint },
    signer: { role: 'analyst', fingerprint: analyst.fingerprint },
    legalBasis: { provision: 'UU ITE Pasal 40', referenceUrl: null, explanation: 'Kanal penipuan investasi' },
    goodFaith: true,
    priority: 'urgent',
    deadline: '2026-11-29T04:00:00.000Z',
    requestedAction: 'remove',
    preservationDays: 180,
    items: [
      {
        itemId: '0b9f3e1d-5c2a-5e7f-8a41-6d3c2b1a0f9e',
        kind: 'channel',
        parentItemId: null,
        platform: 'telegram',
        canonicalUrl: 'https://t.me/investasi_bodong',
        originalUrls: ['t.me/investasi_bodong'],
        identifiers: { username: 'investasi_bodong', channelId: null, messageIds: [] },
        title: 'Investasi Bodong',
        category: 'fraud',
        unitCategory: 'penipuan / investasi ilegal',
        contentType: ['other'],
        language: 'id',
        firstSeen: '2026-11-27T01:00:00.000Z',
        lastSeen: '2026-11-27T02:00:00.000Z',
        evidence: paths,
      },
    ],
    evidence: evidence.map((e, i) => ({
      path: paths[i]!,
      sha256: `sha256:${sha256(e.bytes)}`,
      sha512: `sha512:${sha512(e.bytes)}`,
      mediaType: 'application/octet-stream',
      size: e.bytes.length,
      capturedAt: null,
      intakeAt: '2026-11-27T02:00:00.000Z',
      perceptualHash: null,
    })),
    response: {
      format: 'jejak-response/1',
      schema: 'urn:jejak:schema:jejak-response-1',
      noticeId: SAMPLE_NOTICE_ID,
      contactEmail: 'aduan@example.go.id',
      instructions: 'Answer with a jejak-response/1 file quoting the noticeId and each itemId.',
    },
  };
}

export interface Sample {
  input: ExportInput;
  files: Map<string, Buffer>;
  reference: string;
}

/** A small, consistent case: report files, a notice, and three evidence files. */
export function sampleInput(
  analyst: Signer,
  reference = 'KOMINFO/2026/11/0042',
  pdf: PayloadFile | Buffer = Buffer.from('%PDF-1.7\n% laporan\n'),
): Sample {
  const evidence = [
    Buffer.from('\x89PNG\r\n\x1a\n first screenshot'),
    Buffer.from('\xff\xd8\xff\xe0 second, a jpeg'),
    Buffer.from('a third file with no extension'),
  ];
  const exts = ['.png', '.jpg', ''];
  const evidencePaths = evidence.map(
    (b, i) => `evidence/${String(i + 1).padStart(3, '0')}-${sha256(b).slice(0, 12)}${exts[i]}`,
  );
  const report: ReportData = {
    format: 'jejak-report/1',
    language: 'id',
    unit: 'Direktorat Pengendalian',
    case: {
      reference,
      title: 'Kanal penipuan investasi',
      platform: 'telegram',
      priority: 'urgent',
      dueAt: '2026-11-29T04:00:00Z',
      legalBasis: 'UU ITE Pasal 40',
      notes: '',
      createdAt: '2026-11-27T01:00:00Z',
      exportedAt: '2026-11-28T04:00:00Z',
    },
    analyst: {
      name: analyst.name,
      unit: analyst.unit,
      id: analyst.id,
      role: 'analyst',
      fingerprint: analyst.fingerprint,
    },
    channels: [],
    evidence: evidence.map((b, i) => ({
      seq: i + 1,
      file: `data/${evidencePaths[i]}`,
      sha256: sha256(b),
      sha512: sha512(b),
      size: b.length,
      mediaType: 'application/octet-stream',
      width: null,
      height: null,
      capturedAt: null,
      intakeAt: '2026-11-27T02:00:00Z',
      takenBy: analyst.name,
      sourceUrl: null,
      channelUrl: null,
      notes: '',
    })),
  };
  const files = new Map<string, Buffer>([
    ['report.json', Buffer.from(JSON.stringify(report, null, 2))],
    [
      'channels.csv',
      Buffer.from('platform,kind,canonical_url,original_url,title,category,first_seen,evidence_count\n'),
    ],
    ['custody.jsonl', Buffer.from('{"seq":1,"action":"intake"}\n')],
  ]);
  evidencePaths.forEach((p, i) => files.set(p, evidence[i] as Buffer));
  files.set(
    'notice.json',
    Buffer.from(
      JSON.stringify(
        sampleNotice(
          analyst,
          reference,
          evidencePaths.map((path, i) => ({ path, bytes: evidence[i]! })),
        ),
        null,
        2,
      ),
    ),
  );
  const pdfFile = Buffer.isBuffer(pdf) ? bufferPayload('report.pdf', pdf) : pdf;
  if (Buffer.isBuffer(pdf)) files.set('report.pdf', pdf);
  return {
    reference,
    files,
    input: {
      bagInfo: {
        sourceOrganization: 'Direktorat Pengendalian',
        contactName: analyst.name,
        externalIdentifier: reference,
        externalDescription: 'Kanal penipuan investasi',
        platform: 'telegram',
        priority: 'urgent',
        due: '2026-11-29T04:00:00Z',
        softwareAgent: 'jejak 0.1.0',
      },
      payload: [pdfFile, ...[...files].filter(([p]) => p !== 'report.pdf').map(([p, b]) => bufferPayload(p, b))],
      signer: analyst,
    },
  };
}

/** Bytes already in memory, as a later file's (the report PDF the export spools), with their digests. */
export function heldBytes(...parts: Buffer[]): LaterBytes {
  const whole = Buffer.concat(parts);
  return {
    size: whole.length,
    crc32: crc32(whole),
    sha256: sha256(whole),
    sha512: sha512(whole),
    async *chunks() {
      yield* parts;
    },
  };
}
