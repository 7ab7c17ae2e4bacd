/**
 * Wording and formatting of the report PDF in its two languages.
 *
 * Times: every time in the PDF is shown in UTC and labelled "UTC", never in local time. The
 * package's other files (report.json, bag-info.txt, custody.jsonl, the signed statements) all
 * carry UTC, so a reader can match the PDF against them character for character, and the
 * document reads the same wherever it is opened. The PDF says so once, near the top, with the
 * WIB offset (UTC+7) for Indonesian readers.
 *
 * Dates use the language's month names ("28 November 2026" / "28 Agustus 2026") and time
 * separators ("04.00 UTC" in Indonesian, "04:00 UTC" in English). A value that does not parse as
 * a date is shown as it was given rather than dropped.
 */
import type { ReportLanguage } from '../../common/report-json';

export interface PdfStrings {
  title: string;
  numberLabel: string;
  timeNote: string;
  fields: {
    reference: string;
    date: string;
    platform: string;
    priority: string;
    due: string;
    legalBasis: string;
    caseTitle: string;
    notes: string;
  };
  priority: { urgent: string; normal: string };
  request: (p: { unit: string; platform: string; channels: number; evidence: number; due: string }) => string;
  sectionChannels: string;
  sectionEvidence: string;
  sectionClosing: string;
  noChannels: string;
  noEvidence: string;
  table: {
    no: string;
    platform: string;
    kind: string;
    url: string;
    title: string;
    category: string;
    status: string;
    firstSeen: string;
    evidence: string;
  };
  subscribers: (n: string) => string;
  evidenceHeading: (seq: number, total: number) => string;
  ev: {
    file: string;
    size: string;
    mediaType: string;
    pixels: string;
    captured: string;
    intake: string;
    takenBy: string;
    sourceUrl: string;
    channel: string;
    notes: string;
  };
  /** the text OCR read in a picture, and the note under it when it was cut (its whole length) */
  ocrText: (seq: number) => string;
  ocrCut: (characters: string) => string;
  noThumbnail: string;
  badThumbnail: string;
  thumbnailCaption: string;
  notStated: string;
  none: string;
  preparedBy: string;
  signer: { name: string; unit: string; id: string; role: string; fingerprint: string };
  roles: { analyst: string; supervisor: string };
  signedStatement: (p: { packageName: string }) => string;
  verifyNotes: (p: { fingerprintPrefix: string }) => string;
  pageOf: (page: number, total: number) => string;
  refShort: string;
  bytes: string;
  kinds: Record<string, string>;
  statuses: Record<string, string>;
}

const ID: PdfStrings = {
  title: 'Permintaan Penurunan Konten',
  numberLabel: 'Nomor',
  timeNote: 'Semua waktu dalam dokumen ini dinyatakan dalam UTC (WIB = UTC+7).',
  fields: {
    reference: 'Nomor referensi',
    date: 'Tanggal',
    platform: 'Platform',
    priority: 'Prioritas',
    due: 'Batas waktu',
    legalBasis: 'Dasar hukum',
    caseTitle: 'Perkara',
    notes: 'Catatan',
  },
  priority: { urgent: 'Mendesak', normal: 'Biasa' },
  request: (p) =>
    `Dengan hormat, berdasarkan dasar hukum tersebut di atas, ${p.unit} meminta ${p.platform} untuk ` +
    `menurunkan atau memutus akses terhadap ${p.channels} kanal/akun yang tercantum pada Bagian A, ` +
    `paling lambat ${p.due}. Bukti pendukung (${p.evidence} berkas) diuraikan pada Bagian B dan ` +
    `disertakan dalam paket laporan bertanda tangan digital yang memuat dokumen ini.`,
  sectionChannels: 'A. Daftar Kanal',
  sectionEvidence: 'B. Bukti',
  sectionClosing: 'C. Penutup dan Verifikasi',
  noChannels: 'Tidak ada kanal dalam permintaan ini.',
  noEvidence: 'Tidak ada bukti dalam permintaan ini.',
  table: {
    no: 'No.',
    platform: 'Platform',
    kind: 'Jenis',
    url: 'URL kanonik',
    title: 'Judul',
    category: 'Kategori',
    status: 'Status',
    firstSeen: 'Pertama terlihat',
    evidence: 'Jml. bukti',
  },
  subscribers: (n) => `${n} pelanggan`,
  evidenceHeading: (seq, total) => `Bukti ${seq} dari ${total}`,
  ev: {
    file: 'Berkas dalam paket',
    size: 'Ukuran',
    mediaType: 'Jenis media',
    pixels: 'Ukuran piksel',
    captured: 'Waktu tangkapan',
    intake: 'Waktu diterima',
    takenBy: 'Diterima oleh',
    sourceUrl: 'URL sumber',
    channel: 'Kanal',
    notes: 'Catatan',
  },
  ocrText: (seq) => `Teks dalam gambar bukti ${seq} (dibaca OCR)`,
  ocrCut: (n) => `Teks dipotong (seluruhnya ${n} karakter); teks lengkap ada di data/report.json.`,
  noThumbnail: 'Tidak ada pratinjau',
  badThumbnail: 'Pratinjau tidak dapat ditampilkan',
  thumbnailCaption: 'Pratinjau; bukti asli adalah berkas dalam paket.',
  notStated: 'tidak dinyatakan',
  none: '—',
  preparedBy: 'Disusun oleh:',
  signer: { name: 'Nama', unit: 'Unit', id: 'NIP/ID', role: 'Peran', fingerprint: 'Sidik jari kunci' },
  roles: { analyst: 'Analis', supervisor: 'Penyelia' },
  signedStatement: (p) =>
    `Dokumen ini adalah berkas data/report.pdf dalam paket laporan ${p.packageName}.zip. Paket tersebut ` +
    `ditandatangani secara digital (Ed25519) oleh penanda tangan di atas. Tanda tangan mencakup manifes ` +
    `SHA-256 dan SHA-512 atas seluruh isi paket, termasuk dokumen ini dan setiap berkas bukti, sehingga ` +
    `perubahan sekecil apa pun akan terdeteksi. Keaslian dan keutuhan paket dapat diperiksa tanpa Jejak ` +
    `dengan perangkat standar:`,
  verifyNotes: (p) =>
    `S adalah nama pernyataan penanda tangan di folder signatures/ (nama berkasnya memuat ${p.fingerprintPrefix}). ` +
    `Hasil perintah ketiga harus sama dengan nilai bag.tagmanifestSha256 dalam S.json, perintah keempat harus ` +
    `menjawab "Signature Verified Successfully", dan perintah terakhir harus menghasilkan sidik jari kunci di atas. ` +
    `Persetujuan penyelia, bila ada, berupa tanda tangan tambahan di folder yang sama.`,
  pageOf: (page, total) => `Halaman ${page} dari ${total}`,
  refShort: 'Ref.',
  bytes: 'bita',
  kinds: {
    channel: 'Kanal',
    group: 'Grup',
    account: 'Akun',
    invite: 'Tautan undangan',
    post: 'Unggahan',
    website: 'Situs web',
  },
  statuses: {
    active: 'Aktif',
    inactive: 'Tidak aktif',
    removed: 'Diturunkan',
    taken_down: 'Diturunkan',
    blocked: 'Diblokir',
    reported: 'Dilaporkan',
    pending: 'Menunggu',
    unknown: 'Tidak diketahui',
    deleted: 'Dihapus',
    restricted: 'Dibatasi',
  },
};

const EN: PdfStrings = {
  title: 'Content Takedown Request',
  numberLabel: 'Reference',
  timeNote: 'All times in this document are in UTC.',
  fields: {
    reference: 'Reference number',
    date: 'Date',
    platform: 'Platform',
    priority: 'Priority',
    due: 'Due',
    legalBasis: 'Legal basis',
    caseTitle: 'Case',
    notes: 'Notes',
  },
  priority: { urgent: 'Urgent', normal: 'Normal' },
  request: (p) =>
    `Pursuant to the legal basis stated above, ${p.unit} requests ${p.platform} to remove or restrict ` +
    `access to the ${p.channels === 1 ? 'channel or account' : `${p.channels} channels or accounts`} listed in ` +
    `Section A no later than ${p.due}. The supporting evidence (${p.evidence} ${p.evidence === 1 ? 'file' : 'files'}) ` +
    `is described in Section B and included in the digitally signed report package that contains this document.`,
  sectionChannels: 'A. Channels',
  sectionEvidence: 'B. Evidence',
  sectionClosing: 'C. Closing and Verification',
  noChannels: 'This request lists no channels.',
  noEvidence: 'This request lists no evidence.',
  table: {
    no: 'No.',
    platform: 'Platform',
    kind: 'Kind',
    url: 'Canonical URL',
    title: 'Title',
    category: 'Category',
    status: 'Status',
    firstSeen: 'First seen',
    evidence: 'Evidence items',
  },
  subscribers: (n) => `${n} subscribers`,
  evidenceHeading: (seq, total) => `Evidence ${seq} of ${total}`,
  ev: {
    file: 'File in package',
    size: 'Size',
    mediaType: 'Media type',
    pixels: 'Pixel size',
    captured: 'Captured',
    intake: 'Taken in',
    takenBy: 'Taken in by',
    sourceUrl: 'Source URL',
    channel: 'Channel',
    notes: 'Notes',
  },
  ocrText: (seq) => `Text in the picture of evidence ${seq} (read by OCR)`,
  ocrCut: (n) => `Text cut (${n} characters in all); the full text is in data/report.json.`,
  noThumbnail: 'No preview',
  badThumbnail: 'Preview cannot be shown',
  thumbnailCaption: 'Preview only; the evidence is the file in the package.',
  notStated: 'not stated',
  none: '—',
  preparedBy: 'Prepared by:',
  signer: { name: 'Name', unit: 'Unit', id: 'ID', role: 'Role', fingerprint: 'Key fingerprint' },
  roles: { analyst: 'Analyst', supervisor: 'Supervisor' },
  signedStatement: (p) =>
    `This document is the file data/report.pdf in the report package ${p.packageName}.zip. The package ` +
    `is digitally signed (Ed25519) by the signer named above. The signature covers the SHA-256 and ` +
    `SHA-512 manifests of the whole package, including this document and every evidence file, so any ` +
    `change, however small, is detected. Anyone can check the package without Jejak, using standard tools:`,
  verifyNotes: (p) =>
    `S is the signer's statement in the signatures/ folder (its file name contains ${p.fingerprintPrefix}). ` +
    `The third command must print the value of bag.tagmanifestSha256 in S.json, the fourth must answer ` +
    `"Signature Verified Successfully", and the last must print the key fingerprint above. A supervisor's ` +
    `approval, if any, is a further signature in the same folder.`,
  pageOf: (page, total) => `Page ${page} of ${total}`,
  refShort: 'Ref.',
  bytes: 'bytes',
  kinds: {
    channel: 'Channel',
    group: 'Group',
    account: 'Account',
    invite: 'Invite link',
    post: 'Post',
    website: 'Website',
  },
  statuses: {},
};

export function pdfStrings(language: ReportLanguage): PdfStrings {
  return language === 'en' ? EN : ID;
}
