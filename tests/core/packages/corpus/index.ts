import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  countersignPackage,
  keySigner,
  writePackage,
  type RosterEntry,
  type Signer,
} from '../../../../electron/core/packages';
import { forge, retagged, withBom } from '../forge';
import { makeSigner, sampleInput, sha256 } from '../helpers';
import { readZip, rezip, sh } from '../zip-tools';
import { BOMBS, deflatedZeros, GiB, HOSTILE_ARCHIVES, withHostileEntry } from './archives';
import { forgeApproved, forgeSubmitted, selfApproved } from './chains';
import { forgeFormat, FORMAT_1, ROSTER_1 } from './formats';
import { NOTICE_EDITS, withEditedNotice } from './notices';
import { flippedStoredByte, N, REBUILT_PACKAGES, renamedBag } from './rebuilt';
import { ARCHIVERS } from './rezipped';
import { BOM_TAG_FILES, restate, STATEMENT_EDITS } from './statements';
import { stampedCorpus } from './timestamps';

/**
 * Every package of the package tests, genuine and hostile, written to one folder with the roster
 * each is judged against: for checking another verifier (the browser page) against verifyPackage.
 */

export interface CorpusPackage {
  /** group/label, unique */
  name: string;
  path: string;
  roster: RosterEntry[];
  /** TSA roots (PEM) given with the roster, as a roster file's tsaRoots */
  tsaRoots?: string[];
}

/** A "signer" whose key is the identity point: R = identity and S = 0 verify over any bytes. */
function smallOrderSigner(): Signer {
  const key = Buffer.from(`01${'00'.repeat(31)}`, 'hex');
  const der = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), key]);
  const publicKeyPem = `-----BEGIN PUBLIC KEY-----\n${der.toString('base64')}\n-----END PUBLIC KEY-----\n`;
  return {
    name: 'Nobody',
    unit: 'Nowhere',
    id: 'n-0',
    role: 'analyst',
    publicKeyPem,
    fingerprint: sha256(key),
    sign: () => Buffer.concat([key, Buffer.alloc(32)]),
  };
}

const at = (s: Signer): RosterEntry => ({ fingerprint: s.fingerprint, name: s.name, unit: s.unit, role: s.role });

export async function buildCorpus(dir: string): Promise<CorpusPackage[]> {
  const out: CorpusPackage[] = [];
  let n = 0;
  const target = () => join(dir, `p-${(n += 1)}.zip`);
  const add = (name: string, path: string, roster: RosterEntry[] = []) => out.push({ name, path, roster });
  const bytes = (name: string, data: Buffer, roster: RosterEntry[] = []) => {
    const path = target();
    writeFileSync(path, data);
    add(name, path, roster);
  };

  const analyst = makeSigner('analyst');
  const supervisor = makeSigner('supervisor');
  const keys = { analyst, supervisor, outsider: makeSigner('supervisor', analyst.name) };
  const roster = [at(analyst), at(supervisor)];
  const good = (
    await writePackage(sampleInput(analyst).input, join(dir, 'good.zip'), { now: new Date('2026-11-28T04:00:00Z') })
  ).path;
  const approved = (
    await countersignPackage(
      good,
      join(dir, `${N}.zip`),
      { signer: supervisor, decision: 'approved', comment: 'ok' },
      { now: new Date('2026-11-29T04:00:00Z') },
    )
  ).path;
  add('genuine/submitted', good);
  add('genuine/submitted, analyst trusted', good, roster);
  add('genuine/approved, both trusted', approved, roster);
  add('genuine/approved, analyst not in the roster', approved, [at(supervisor)]);

  const goodBytes = readFileSync(good);
  for (const [label, make] of HOSTILE_ARCHIVES) bytes(`hostile/${label}`, make({ good: goodBytes }));
  const bomb = await deflatedZeros(GiB);
  for (const [label, make] of Object.entries(BOMBS)) bytes(`hostile/zip bomb, ${label}`, make(bomb));
  bytes('hostile/a hostile entry inside a genuine package', withHostileEntry(await readZip(good)));

  for (const [label, change] of REBUILT_PACKAGES) {
    const path = target();
    await rezip(good, path, (e) => change(e, { analyst }));
    add(`rebuilt/${label}`, path);
  }
  bytes('rebuilt/a flipped byte of stored data', flippedStoredByte(goodBytes));
  bytes('rebuilt/the bag folder renamed', renamedBag(await readZip(good)));

  for (const [label, change] of Object.entries(STATEMENT_EDITS))
    add(`strict/statement: ${label}`, await forge(good, target(), restate(analyst, change)));
  for (const [file] of BOM_TAG_FILES)
    add(
      `strict/${file} with a byte-order mark`,
      await forge(good, target(), (e) => retagged(e, analyst, { [file]: withBom })),
    );
  add(
    'strict/tag files redone without a byte-order mark',
    await forge(good, target(), (e) => retagged(e, analyst, { 'bag-info.txt': (b) => b })),
  );

  add(
    'chain/an outsider returning, inserted as statement 2',
    await forge(good, target(), forgeSubmitted(keys).outsiderReturns),
    roster,
  );
  for (const [label, forgery] of Object.entries(forgeApproved(keys)))
    add(`chain/${label}`, await forge(approved, target(), forgery), [...roster, at(keys.outsider)]);
  const { privateKey } = generateKeyPairSync('ed25519');
  const selfAnalyst = keySigner(
    { name: 'Ani Analis', unit: 'Direktorat Pengendalian', id: 'a-1', role: 'analyst' },
    privateKey,
  );
  const selfSupervisor = keySigner(
    { name: 'Ani Analis', unit: 'Direktorat Pengendalian', id: 'a-1', role: 'supervisor' },
    privateKey,
  );
  const own = (await writePackage(sampleInput(selfAnalyst).input, join(dir, 'own.zip'))).path;
  add('chain/approved with the key that submitted it', await forge(own, target(), selfApproved(selfSupervisor)), [
    at(selfAnalyst),
    at(selfSupervisor),
  ]);

  // Anyone can make this signature: OpenSSL and WebCrypto both accept it (an untrusted signer, at best).
  add(
    'chain/signed by the small-order identity key',
    (await writePackage(sampleInput(smallOrderSigner()).input, join(dir, 'small-order.zip'))).path,
  );

  add('format/a real format-1 package', FORMAT_1, ROSTER_1);
  for (const [label, forgery] of Object.entries(forgeFormat(analyst)))
    add(`format/${label}`, await forge(good, target(), forgery));

  for (const [i, [label, edit]] of NOTICE_EDITS.entries()) {
    const sub = join(dir, `notice-${i}`);
    mkdirSync(sub);
    add(`notice/${label}`, await withEditedNotice(sub, edit));
  }
  const stamped = join(dir, 'stamped');
  mkdirSync(stamped);
  for (const c of (await stampedCorpus(stamped, approved, roster)).cases)
    out.push({ name: `timestamps/${c.label}`, path: c.path, roster: c.roster, tsaRoots: c.tsaRoots });

  const noNotice = target();
  await rezip(good, noNotice, (entries) => entries.filter((e) => !e.name.endsWith('/data/notice.json')));
  add('notice/no notice.json', noNotice);

  const unzipped = join(dir, 'unzipped');
  mkdirSync(unzipped);
  sh(`unzip -q ${approved} -d ${unzipped}`, dir);
  for (const [label, command] of ARCHIVERS) {
    const path = target();
    const made = sh(command(path, N), unzipped);
    if (made.code !== 0) throw new Error(`${label}: ${made.out}`);
    add(`rezipped/${label}`, path, roster);
  }
  return out;
}
