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

function textOf(files: Files, path: string, problems: string[]): string | null {
  const facts = files.get(path);
  if (!facts) problems.push(`${path} is missing`);
  else if (facts.state !== 'read') problems.push(`${path} could not be read`);
  else {
    const text = decodeUtf8(facts.bytes);
    if (text === null) problems.push(`${path} is not UTF-8 text`);
    // Refused, then read past, so the other checks still say what else is wrong.
    if (startsWithBom(facts.bytes))
      problems.push(`${path} starts with a byte-order mark (tag files are UTF-8 without one)`);
    return text?.replace(/^\uFEFF/, '') ?? null;
  }
  return null;
}

export function checkBag(files: Files, name: string | undefined, checks: CheckList): BagFindings {
  const payload = [...files.keys()].filter((p) => p.startsWith('data/'));
  const findings: BagFindings = { manifests: { sha256: new Map(), sha512: new Map() }, payload };

  const layout: string[] = [];
  for (const path of files.keys()) {
    const known =
      (TAG_FILES as readonly string[]).includes(path) ||
      (path.startsWith('data/') && isPayloadPath(path.slice(5))) ||
      parseStatementPath(path) ||
      parseTimestampPath(path);
    if (!known) layout.push(`${path} is not a file the format allows`);
  }
  for (const path of [...TAG_FILES, ...REQUIRED_PAYLOAD.map((p) => `data/${p}`)]) {
    if (!files.has(path)) layout.push(`${path} is missing`);
  }
  checks.add('layout', layout, `${files.size} files, each where the format puts it`);

  const bagit: string[] = [];
  const bagitText = textOf(files, BAGIT, bagit);
  const bagitProblem = bagitText === null ? null : checkBagitTxt(bagitText);
  checks.add('bagit', bagitProblem ? [...bagit, bagitProblem] : bagit, 'BagIt 1.0, UTF-8');

  findings.bagInfo = checkBagInfo(files, name, payload, checks);

  const syntax: string[] = [];
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
  const problems: string[] = [];
  const text = textOf(files, BAG_INFO, problems);
  if (text === null) {
    checks.add('bag-info', problems, '');
    checks.add('payload-oxum', ['bag-info.txt cannot be read'], '');
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
        `the folder ${JSON.stringify(name)} is not NAME for the External-Identifier ${JSON.stringify(reference)}`,
      );
  }
  checks.add('bag-info', problems, `case ${JSON.stringify(reference ?? '')}`);

  const octets = payload.reduce((sum, p) => sum + (files.get(p)?.size ?? 0), 0);
  const actual = `${octets}.${payload.length}`;
  const oxum = fields['Payload-Oxum'];
  checks.add(
    'payload-oxum',
    oxum === actual
      ? []
      : [`Payload-Oxum is ${JSON.stringify(oxum ?? '')} but the payload is ${actual} (octets.files)`],
    `${actual} (octets.files)`,
  );
  return fields;
}

function checkManifestsComplete(payload: string[], findings: BagFindings, problems: string[], checks: CheckList): void {
  const present = new Set(payload);
  for (const algorithm of ['sha256', 'sha512'] as const) {
    const listed = findings.manifests[algorithm];
    for (const path of payload)
      if (!listed.has(path)) problems.push(`${path} is not listed in manifest-${algorithm}.txt`);
    for (const path of listed.keys())
      if (!present.has(path)) problems.push(`manifest-${algorithm}.txt lists ${path}, which is not in the payload`);
  }
  checks.add('manifests-complete', problems, `both manifests list exactly the ${payload.length} payload files`);
}

/** null: matches; undefined: not checked (absent, or skipped when verifying only part of the bag) */
function digestProblem(files: Files, path: string, algorithm: Algorithm, expected: string): string | null | undefined {
  const facts = files.get(path);
  if (!facts || facts.state === 'skipped') return undefined;
  if (facts.state === 'failed') return `${path} could not be read`;
  return facts[algorithm] === expected ? null : `${path} does not match its ${algorithm.toUpperCase()} in the manifest`;
}

function checkHashes(algorithm: Algorithm, files: Files, listed: Map<string, string>, checks: CheckList): void {
  const problems: string[] = [];
  let matched = 0;
  for (const [path, expected] of listed) {
    const problem = digestProblem(files, path, algorithm, expected);
    if (problem) problems.push(problem);
    else if (problem === null) matched += 1;
  }
  checks.add(`manifest-${algorithm}`, problems, `${matched} of ${listed.size} payload files checked, all match`);
}

function checkTagManifest(algorithm: Algorithm, files: Files, checks: CheckList): void {
  const file = algorithm === 'sha256' ? TAGMANIFEST_SHA256 : TAGMANIFEST_SHA512;
  const problems: string[] = [];
  const text = textOf(files, file, problems);
  if (text !== null) {
    const parsed = parseManifest(text, algorithm, file);
    problems.push(...parsed.problems);
    for (const path of MANIFESTED_TAG_FILES)
      if (!parsed.hashes.has(path)) problems.push(`${file} does not list ${path}`);
    for (const [path, expected] of parsed.hashes) {
      if (!(MANIFESTED_TAG_FILES as readonly string[]).includes(path))
        problems.push(`${file} lists ${path}, which it must not`);
      else {
        const problem = digestProblem(files, path, algorithm, expected);
        if (problem) problems.push(problem);
      }
    }
  }
  checks.add(`tagmanifest-${algorithm}`, problems, `${MANIFESTED_TAG_FILES.join(', ')} match`);
}

/** An evidence file's name carries the first 12 hex digits of its SHA-256; it must be the right one. */
function checkEvidenceNames(files: Files, payload: string[], findings: BagFindings, checks: CheckList): void {
  const problems: string[] = [];
  const evidence = payload.filter((p) => p.startsWith('data/evidence/'));
  for (const path of evidence) {
    const parsed = parseEvidencePath(path.slice(5));
    const sha256 = files.get(path)?.sha256 ?? findings.manifests.sha256.get(path);
    if (parsed && sha256 && !sha256.startsWith(parsed.sha256Prefix))
      problems.push(`${path} is named for SHA-256 ${parsed.sha256Prefix}… but its SHA-256 is ${sha256.slice(0, 12)}…`);
  }
  checks.add('evidence-names', problems, `${evidence.length} evidence files named for their SHA-256`);
}
