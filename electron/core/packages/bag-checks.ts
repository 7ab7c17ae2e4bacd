import { checkBagitTxt, parseBagInfo } from './bag-info';
import {
  BAG_INFO,
  BAGIT,
  bagName,
  isPayloadPath,
  MANIFEST_SHA256,
  MANIFEST_SHA512,
  MANIFESTED_TAG_FILES,
  parseEvidencePath,
  parseStatementPath,
  parseTimestampPath,
  REQUIRED_PAYLOAD,
  TAG_FILES,
  TAGMANIFEST_SHA256,
  TAGMANIFEST_SHA512,
} from './bag-names';
import { decodeUtf8, startsWithBom, type CheckList, type FileFacts } from './checks';
import { parseManifest, type Algorithm } from './manifests';
import { type Phrase, say } from './phrases';

/** The BagIt checks: layout, bagit.txt, bag-info.txt, Payload-Oxum, manifests and tag manifests. */

export interface BagFindings {
  bagInfo?: Record<string, string>;
  tagmanifestSha256?: string;
  /** payload bag path (data/…) → hex digest, as the manifests state them */
  manifests: Record<Algorithm, Map<string, string>>;
  /** bag paths under data/ */
  payload: string[];
}

type Files = Map<string, FileFacts>;

function textOf(files: Files, path: string, problems: Phrase[]): string | null {
  const facts = files.get(path);
  if (!facts) problems.push(say('check.bag.missing', { path }));
  else if (facts.state !== 'read') problems.push(say('check.bag.unreadable', { path }));
  else {
    const text = decodeUtf8(facts.bytes);
    if (text === null) problems.push(say('check.bag.notUtf8', { path }));
    // Refused, then read past, so the other checks still say what else is wrong.
    if (startsWithBom(facts.bytes)) problems.push(say('check.bag.bom', { path }));
    return text?.replace(/^\uFEFF/, '') ?? null;
  }
  return null;
}

export function checkBag(files: Files, name: string | undefined, checks: CheckList): BagFindings {
  const payload = [...files.keys()].filter((p) => p.startsWith('data/'));
  const findings: BagFindings = { manifests: { sha256: new Map(), sha512: new Map() }, payload };

  const layout: Phrase[] = [];
  for (const path of files.keys()) {
    const known =
      (TAG_FILES as readonly string[]).includes(path) ||
      (path.startsWith('data/') && isPayloadPath(path.slice(5))) ||
      parseStatementPath(path) ||
      parseTimestampPath(path);
    if (!known) layout.push(say('check.bag.notAllowed', { path }));
  }
  for (const path of [...TAG_FILES, ...REQUIRED_PAYLOAD.map((p) => `data/${p}`)]) {
    if (!files.has(path)) layout.push(say('check.bag.missing', { path }));
  }
  checks.add('layout', layout, say('check.bag.layoutOk', { files: files.size }));

  const bagit: Phrase[] = [];
  const bagitText = textOf(files, BAGIT, bagit);
  const bagitProblem = bagitText === null ? null : checkBagitTxt(bagitText);
  checks.add('bagit', bagitProblem ? [...bagit, bagitProblem] : bagit, say('check.bagit.ok'));

  findings.bagInfo = checkBagInfo(files, name, payload, checks);

  const syntax: Phrase[] = [];
  for (const [algorithm, file] of [
    ['sha256', MANIFEST_SHA256],
    ['sha512', MANIFEST_SHA512],
  ] as const) {
    const text = textOf(files, file, syntax);
    if (text === null) continue;
    const parsed = parseManifest(text, algorithm, file);
    findings.manifests[algorithm] = parsed.hashes;
    syntax.push(...parsed.problems);
  }
  checkManifestsComplete(payload, findings, syntax, checks);
  for (const algorithm of ['sha256', 'sha512'] as const)
    checkHashes(algorithm, files, findings.manifests[algorithm], checks);
  for (const algorithm of ['sha256', 'sha512'] as const) checkTagManifest(algorithm, files, checks);
  findings.tagmanifestSha256 = files.get(TAGMANIFEST_SHA256)?.sha256;
  checkEvidenceNames(files, payload, findings, checks);
  return findings;
}

function checkBagInfo(
  files: Files,
  name: string | undefined,
  payload: string[],
  checks: CheckList,
): Record<string, string> | undefined {
  const problems: Phrase[] = [];
  const text = textOf(files, BAG_INFO, problems);
  if (text === null) {
    checks.add('bag-info', problems, []);
    checks.add('payload-oxum', [say('check.bagInfo.unreadable')], []);
    return undefined;
  }
  const { fields, problems: parseProblems } = parseBagInfo(text);
  problems.push(...parseProblems);
  const reference = fields['External-Identifier'];
  if (reference !== undefined && name !== undefined) {
    let expected: string | null = null;
    try {
      expected = bagName(reference);
    } catch {
      // an unusable reference is reported just below
    }
    if (expected !== name)
      problems.push(
        say('check.bagInfo.folderName', { name: JSON.stringify(name), reference: JSON.stringify(reference) }),
      );
  }
  checks.add('bag-info', problems, say('check.bagInfo.ok', { reference: JSON.stringify(reference ?? '') }));

  const octets = payload.reduce((sum, p) => sum + (files.get(p)?.size ?? 0), 0);
  const actual = `${octets}.${payload.length}`;
  const oxum = fields['Payload-Oxum'];
  checks.add(
    'payload-oxum',
    oxum === actual ? [] : [say('check.oxum.differs', { declared: JSON.stringify(oxum ?? ''), actual })],
    say('check.oxum.ok', { actual }),
  );
  return fields;
}

function checkManifestsComplete(payload: string[], findings: BagFindings, problems: Phrase[], checks: CheckList): void {
  const present = new Set(payload);
  for (const algorithm of ['sha256', 'sha512'] as const) {
    const listed = findings.manifests[algorithm];
    for (const path of payload)
      if (!listed.has(path)) problems.push(say('check.manifest.unlisted', { path, algorithm }));
    for (const path of listed.keys())
      if (!present.has(path)) problems.push(say('check.manifest.absent', { path, algorithm }));
  }
  checks.add('manifests-complete', problems, say('check.manifest.completeOk', { files: payload.length }));
}

/** null: matches; undefined: not checked (absent, or skipped when verifying only part of the bag) */
function digestProblem(files: Files, path: string, algorithm: Algorithm, expected: string): Phrase | null | undefined {
  const facts = files.get(path);
  if (!facts || facts.state === 'skipped') return undefined;
  if (facts.state === 'failed') return say('check.bag.unreadable', { path });
  return facts[algorithm] === expected
    ? null
    : say('check.manifest.mismatch', { path, algorithm: algorithm.toUpperCase() });
}

function checkHashes(algorithm: Algorithm, files: Files, listed: Map<string, string>, checks: CheckList): void {
  const problems: Phrase[] = [];
  let matched = 0;
  for (const [path, expected] of listed) {
    const problem = digestProblem(files, path, algorithm, expected);
    if (problem) problems.push(problem);
    else if (problem === null) matched += 1;
  }
  checks.add(`manifest-${algorithm}`, problems, say('check.manifest.ok', { matched, files: listed.size }));
}

function checkTagManifest(algorithm: Algorithm, files: Files, checks: CheckList): void {
  const file = algorithm === 'sha256' ? TAGMANIFEST_SHA256 : TAGMANIFEST_SHA512;
  const problems: Phrase[] = [];
  const text = textOf(files, file, problems);
  if (text !== null) {
    const parsed = parseManifest(text, algorithm, file);
    problems.push(...parsed.problems);
    for (const path of MANIFESTED_TAG_FILES)
      if (!parsed.hashes.has(path)) problems.push(say('check.tagmanifest.unlisted', { file, path }));
    for (const [path, expected] of parsed.hashes) {
      if (!(MANIFESTED_TAG_FILES as readonly string[]).includes(path))
        problems.push(say('check.tagmanifest.extra', { file, path }));
      else {
        const problem = digestProblem(files, path, algorithm, expected);
        if (problem) problems.push(problem);
      }
    }
  }
  checks.add(
    `tagmanifest-${algorithm}`,
    problems,
    say('check.tagmanifest.ok', { files: MANIFESTED_TAG_FILES.join(', ') }),
  );
}

/** An evidence file's name carries the first 12 hex digits of its SHA-256; it must be the right one. */
function checkEvidenceNames(files: Files, payload: string[], findings: BagFindings, checks: CheckList): void {
  const problems: Phrase[] = [];
  const evidence = payload.filter((p) => p.startsWith('data/evidence/'));
  for (const path of evidence) {
    const parsed = parseEvidencePath(path.slice(5));
    const sha256 = files.get(path)?.sha256 ?? findings.manifests.sha256.get(path);
    if (parsed && sha256 && !sha256.startsWith(parsed.sha256Prefix))
      problems.push(say('check.evidenceName.wrong', { path, named: parsed.sha256Prefix, actual: sha256.slice(0, 12) }));
  }
  checks.add('evidence-names', problems, say('check.evidenceName.ok', { files: evidence.length }));
}
