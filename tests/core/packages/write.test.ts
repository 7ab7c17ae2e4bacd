import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { isJejakError } from '../../../electron/core/errors';
import { bagName, packageFileName, verifyPackage, writePackage, type Progress } from '../../../electron/core/packages';
import { bufferPayload, cleanTempDirs, makeSigner, sampleInput, sha256, tempDir, withoutSizes } from './helpers';
import { readZip, sh } from './zip-tools';

afterEach(cleanTempDirs);

const now = new Date('2026-11-28T04:00:00.123Z');

async function expectCode(p: Promise<unknown>, code: string): Promise<void> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isJejakError(err) ? err.code : err).toBe(code);
}

describe('writePackage', () => {
  it.each([
    ['sizes known (CRC and sizes written back into local headers)', true],
    ['sizes unknown (data descriptors)', false],
  ])(
    'writes a bag that unzip, sha256sum and openssl verify by hand, exactly as the format says: %s',
    async (_label, sized) => {
      const analyst = makeSigner('analyst');
      const { input, reference } = sampleInput(analyst);
      if (!sized) input.payload = withoutSizes(input.payload);
      const dir = tempDir();
      const result = await writePackage(input, join(dir, packageFileName(reference)), { now });
      expect(result.name).toBe('KOMINFO-2026-11-0042');
      expect(result.bytes).toBe(readFileSync(result.path).length);

      expect(sh('unzip -q KOMINFO-2026-11-0042.zip', dir).code).toBe(0);
      const bag = join(dir, result.name);
      const check = sh('sha256sum -c tagmanifest-sha256.txt && sha256sum -c manifest-sha256.txt', bag);
      expect(check.code, check.out).toBe(0);
      expect(sh('sha512sum -c tagmanifest-sha512.txt && sha512sum -c manifest-sha512.txt', bag).code).toBe(0);
      expect(sh('sha256sum tagmanifest-sha256.txt', bag).out.split(' ')[0]).toBe(result.tagmanifestSha256);

      const stem = `signatures/1-analyst-${analyst.fingerprint.slice(0, 16)}`;
      const openssl = sh(
        `openssl pkeyutl -verify -pubin -inkey ${stem}.pem -rawin -in ${stem}.json -sigfile ${stem}.sig`,
        bag,
      );
      expect(openssl.out).toContain('Signature Verified Successfully');
      expect(openssl.code).toBe(0);
      expect(sh('unzip -tq KOMINFO-2026-11-0042.zip', dir).code).toBe(0);
      const flags = (await readZip(result.path, true)).map((e) => (e.flags ?? 0) & 0x0008);
      expect(flags.slice(0, input.payload.length)).toEqual(input.payload.map(() => (sized ? 0 : 0x0008)));
      expect((await verifyPackage(result.path)).verdict).toBe('valid-untrusted');
    },
  );

  it('writes the statement byte for byte as the format shows it', async () => {
    const analyst = makeSigner('analyst');
    const { input } = sampleInput(analyst);
    const result = await writePackage({ ...input, comment: 'Mohon ditindaklanjuti' }, join(tempDir(), 'p.zip'), {
      now,
    });
    const entries = await readZip(result.path);
    const json = entries.find((e) => e.name.endsWith('.json') && e.name.includes('/signatures/'));
    const expected = {
      format: 'jejak-signature/2',
      role: 'analyst',
      decision: 'submitted',
      comment: 'Mohon ditindaklanjuti',
      signer: { name: analyst.name, unit: analyst.unit, id: analyst.id, fingerprint: analyst.fingerprint },
      signedAt: '2026-11-28T04:00:00Z',
      bag: { externalIdentifier: 'KOMINFO/2026/11/0042', tagmanifestSha256: result.tagmanifestSha256 },
      covers: [],
    };
    expect(json?.data.toString()).toBe(`${JSON.stringify(expected, null, 2)}\n`);
  });

  it('lays out the entries in one folder with bag-info as the format lists it', async () => {
    const analyst = makeSigner('analyst');
    const { input, files } = sampleInput(analyst);
    const result = await writePackage(input, join(tempDir(), 'p.zip'), { now });
    const entries = await readZip(result.path);
    const fp = analyst.fingerprint.slice(0, 16);
    const n = 'KOMINFO-2026-11-0042';
    expect(entries.map((e) => e.name)).toEqual([
      ...input.payload.map((p) => `${n}/data/${p.path}`),
      ...[
        'bagit.txt',
        'bag-info.txt',
        'manifest-sha256.txt',
        'manifest-sha512.txt',
        'tagmanifest-sha256.txt',
        'tagmanifest-sha512.txt',
      ].map((f) => `${n}/${f}`),
      ...['json', 'sig', 'pem'].map((x) => `${n}/signatures/1-analyst-${fp}.${x}`),
    ]);
    const octets = [...files.values()].reduce((s, b) => s + b.length, 0);
    const info = entries.find((e) => e.name.endsWith('/bag-info.txt'))?.data.toString();
    expect(info).toBe(
      [
        'Source-Organization: Direktorat Pengendalian',
        `Contact-Name: ${analyst.name}`,
        'External-Identifier: KOMINFO/2026/11/0042',
        'External-Description: Kanal penipuan investasi',
        'Bagging-Date: 2026-11-28',
        'Bag-Software-Agent: jejak 0.1.0',
        `Payload-Oxum: ${octets}.${input.payload.length}`,
        `Bag-Size: ${(octets / 1000).toFixed(1)} KB`,
        'Jejak-Format: 2',
        'Jejak-Platform: telegram',
        'Jejak-Priority: urgent',
        'Jejak-Due: 2026-11-29T04:00:00Z',
        '',
      ].join('\n'),
    );
    expect(entries.find((e) => e.name.endsWith('/bagit.txt'))?.data.toString()).toBe(
      'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n',
    );
    for (const [path, bytes] of files)
      expect(entries.find((e) => e.name === `${n}/data/${path}`)?.data.equals(bytes)).toBe(true);
  });

  it('verifies as valid-untrusted, and valid-trusted with the analyst in the roster', async () => {
    const analyst = makeSigner('analyst');
    const { input } = sampleInput(analyst);
    const { path } = await writePackage(input, join(tempDir(), 'p.zip'), { now });
    const untrusted = await verifyPackage(path);
    expect(untrusted.checks.filter((c) => !c.ok)).toEqual([]);
    expect(untrusted.verdict).toBe('valid-untrusted');
    const roster = [
      { fingerprint: analyst.fingerprint, name: analyst.name, unit: analyst.unit, role: 'analyst' as const },
    ];
    const trusted = await verifyPackage(path, { roster });
    expect(trusted.verdict).toBe('valid-trusted');
    expect(trusted.statements[0]?.trusted).toBe(true);
    expect((trusted.report as { case: { reference: string } }).case.reference).toBe('KOMINFO/2026/11/0042');
    expect(trusted.bagInfo?.['Payload-Oxum']).toMatch(/^\d+\.8$/);
    // the same key in the roster as a supervisor is not trusted as an analyst
    expect((await verifyPackage(path, { roster: [{ ...roster[0]!, role: 'supervisor' }] })).verdict).toBe(
      'valid-untrusted',
    );
  });

  it('derives NAME from the case reference and refuses one that leaves no usable name', () => {
    expect(bagName('KOMINFO/2026 ü-1.a_b')).toBe('KOMINFO-2026---1.a_b');
    expect(bagName('a😀b')).toBe('a-b');
    expect(() => bagName('..')).toThrow();
    expect(() => bagName('')).toThrow();
    expect(() => bagName('x'.repeat(121))).toThrow();
  });

  it('reports progress with a total when every size is known', async () => {
    const { input, files } = sampleInput(makeSigner('analyst'));
    const seen: Progress[] = [];
    await writePackage(input, join(tempDir(), 'p.zip'), { now, onProgress: (p) => seen.push(p) });
    const total = [...files.values()].reduce((s, b) => s + b.length, 0);
    expect(seen.at(-1)).toEqual({ bytesDone: total, bytesTotal: total, file: `data/${input.payload.at(-1)?.path}` });
  });

  it('replaces an existing file at the destination only once the new package is complete', async () => {
    const dir = tempDir();
    const path = join(dir, 'p.zip');
    writeFileSync(path, 'old');
    await writePackage(sampleInput(makeSigner('analyst')).input, path, { now });
    expect((await verifyPackage(path)).verdict).toBe('valid-untrusted');
    expect(readdirSync(dir)).toEqual(['p.zip']);
  });
});

describe('writePackage refuses, leaving nothing behind', () => {
  const cases: Array<[string, (s: ReturnType<typeof sampleInput>) => void, string]> = [
    ['a payload without report.pdf', (s) => s.input.payload.shift(), 'INVALID_INPUT'],
    [
      'a path outside the layout',
      (s) => s.input.payload.push(bufferPayload('../escape.txt', Buffer.from('x'))),
      'INVALID_INPUT',
    ],
    [
      'an unknown payload file',
      (s) => s.input.payload.push(bufferPayload('notes.txt', Buffer.from('x'))),
      'INVALID_INPUT',
    ],
    ['a payload file twice', (s) => s.input.payload.push(s.input.payload[1]!), 'INVALID_INPUT'],
    ['a supervisor exporting', (s) => (s.input.signer = makeSigner('supervisor')), 'INVALID_INPUT'],
    [
      'a fingerprint that is not the key',
      (s) => (s.input.signer = { ...s.input.signer, fingerprint: '0'.repeat(64) }),
      'INVALID_INPUT',
    ],
    [
      'a signer whose signatures do not verify',
      (s) => (s.input.signer = { ...s.input.signer, sign: () => Buffer.alloc(64) }),
      'INVALID_INPUT',
    ],
    [
      'a file whose bytes changed since intake',
      (s) => (s.input.payload[4]!.expectedSha256 = '0'.repeat(64)),
      'INTEGRITY',
    ],
    ['a file shorter than its size', (s) => (s.input.payload[4]!.size = 1000), 'INTEGRITY'],
    [
      'an evidence file named for other bytes',
      (s) => (s.input.payload[4] = bufferPayload(s.input.payload[4]!.path, Buffer.from('other'))),
      'INTEGRITY',
    ],
    [
      'a report.json that does not list the evidence',
      (s) =>
        (s.input.payload[1] = bufferPayload(
          'report.json',
          Buffer.from(
            JSON.stringify({
              format: 'jejak-report/1',
              case: { reference: s.reference },
              analyst: { fingerprint: s.input.signer.fingerprint },
              evidence: [],
            }),
          ),
        )),
      'INVALID_INPUT',
    ],
    ['a report.json for another case', (s) => (s.input.bagInfo.externalIdentifier = 'OTHER-1'), 'INVALID_INPUT'],
  ];
  it.each(cases)('%s', async (_label, spoil, code) => {
    const sample = sampleInput(makeSigner('analyst'));
    spoil(sample);
    const dir = tempDir();
    await expectCode(writePackage(sample.input, join(dir, 'p.zip'), { now }), code);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a source stream that fails mid-way', async () => {
    const sample = sampleInput(makeSigner('analyst'));
    sample.input.payload[0] = {
      path: 'report.pdf',
      open: () =>
        new Readable({
          read() {
            this.push(Buffer.alloc(1 << 16));
            this.destroy(new Error('disk went away'));
          },
        }),
    };
    const dir = tempDir();
    await expect(writePackage(sample.input, join(dir, 'p.zip'), { now })).rejects.toThrow('disk went away');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('cancellation mid-export', async () => {
    const sample = sampleInput(makeSigner('analyst'));
    let produced = 0;
    sample.input.payload[0] = {
      path: 'report.pdf',
      open: () =>
        new Readable({
          read() {
            produced += 1;
            setTimeout(() => this.push(produced > 10_000 ? null : Buffer.alloc(1 << 16, 7)), 1);
          },
        }),
    };
    const dir = tempDir();
    const controller = new AbortController();
    const writing = writePackage(sample.input, join(dir, 'p.zip'), {
      now,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.bytesDone > 1 << 20) controller.abort();
      },
    });
    await expectCode(writing, 'CANCELLED');
    expect(produced).toBeLessThan(100);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('cancellation before it starts', async () => {
    const dir = tempDir();
    await expectCode(
      writePackage(sampleInput(makeSigner('analyst')).input, join(dir, 'p.zip'), { signal: AbortSignal.abort() }),
      'CANCELLED',
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a destination folder that does not exist', async () => {
    await expectCode(
      writePackage(sampleInput(makeSigner('analyst')).input, join(tempDir(), 'nope', 'p.zip')),
      'NOT_FOUND',
    );
  });
});

it('hashes stream data once: the manifest matches sha256 of the bytes', async () => {
  const { input, files } = sampleInput(makeSigner('analyst'));
  const result = await writePackage(input, join(tempDir(), 'p.zip'), { now });
  const manifest = (await readZip(result.path)).find((e) => e.name.endsWith('/manifest-sha256.txt'))?.data.toString();
  for (const [path, bytes] of files) expect(manifest).toContain(`${sha256(bytes)}  data/${path}\n`);
});
