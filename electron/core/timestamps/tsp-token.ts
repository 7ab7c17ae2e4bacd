import { Certificate, CertificateChainValidationEngine, ContentInfo, SignedData, TimeStampResp, TSTInfo } from 'pkijs';
import { inEnglish, type Phrase, say } from '../packages/phrases';

/**
 * One RFC 3161 time-stamp token checked against one statement: pure functions over bytes (no
 * Node-only API; hashes and signatures through WebCrypto), so the same code runs in the desktop
 * app, the CLI and the browser verifier page. What makes a token not check (tampering, another
 * statement, a TSA not entitled to sign at that time) is a problem and does not depend on whom we
 * trust; whether its TSA chains to a root we were given is trust (tsaTrust), like a signer's place
 * in the roster, and can be judged again when other roots are given.
 */

export interface TokenCheck {
  /** empty when the token checks */
  problems: Phrase[];
  /** the TSA certificate's subject common name (or its whole subject) */
  tsa?: string;
  /** the time the TSA vouches for, ISO 8601 UTC */
  genTime?: string;
  /** the certificates the token carries, PEM, the TSA's own first: what its trust is judged on */
  certificates: string[];
}

export interface TsaTrust {
  /** the TSA certificate chains to one of the roots, valid at genTime */
  trusted: boolean;
  /** why not trusted, in words */
  untrusted?: string;
  /** the same by key, for the reader's language */
  untrustedPhrase?: Phrase;
}

function notTrusted(why: Phrase): TsaTrust {
  return { trusted: false, untrusted: inEnglish(why), untrustedPhrase: why };
}

const OID = {
  sha256: '2.16.840.1.101.3.4.2.1',
  signedData: '1.2.840.113549.1.7.2',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  extKeyUsage: '2.5.29.37',
  timeStamping: '1.3.6.1.5.5.7.3.8',
  commonName: '2.5.4.3',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha1: '1.3.14.3.2.26',
} as const;

const HASH_NAMES: Record<string, string> = {
  [OID.sha256]: 'SHA-256',
  [OID.sha1]: 'SHA-1',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
};

const equalBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
const digest = async (name: string, bytes: Uint8Array): Promise<Uint8Array> =>
  new Uint8Array(await globalThis.crypto.subtle.digest(name, bytes as Uint8Array<ArrayBuffer>));
/** A copy in its own ArrayBuffer (a Node Buffer's .buffer is a shared pool). */
const buffer = (bytes: Uint8Array): ArrayBuffer => new Uint8Array(bytes).buffer;

function certificatePem(cert: Certificate): string {
  const der = new Uint8Array(cert.toSchema().toBER());
  const base64 = btoa(Array.from(der, (b) => String.fromCharCode(b)).join(''));
  return `-----BEGIN CERTIFICATE-----\n${base64.replace(/.{64}/g, '$&\n').replace(/\n$/, '')}\n-----END CERTIFICATE-----\n`;
}

/** DER certificates, or PEM text holding one certificate each. */
export function parseRoots(roots: ReadonlyArray<Uint8Array | string>): Certificate[] {
  return roots.map((root) => {
    if (typeof root !== 'string') return Certificate.fromBER(buffer(root));
    const body = root.replace(/-----(BEGIN|END) CERTIFICATE-----|\s/g, '');
    return Certificate.fromBER(buffer(Uint8Array.from(atob(body), (c) => c.charCodeAt(0))));
  });
}

export function subjectName(cert: Certificate): string {
  const cn = cert.subject.typesAndValues.find((t) => t.type === OID.commonName);
  const text = (value: unknown): string =>
    String((value as { valueBlock?: { value?: unknown } }).valueBlock?.value ?? '');
  return cn ? text(cn.value) : cert.subject.typesAndValues.map((t) => text(t.value)).join(', ');
}

/** RFC 3161 2.3 (and openssl): the TSA certificate's only extended key usage is timeStamping, marked critical. */
function ekuProblem(cert: Certificate): Phrase | null {
  const eku = cert.extensions?.find((e) => e.extnID === OID.extKeyUsage);
  if (!eku) return say('check.stamp.noEku');
  const purposes = (eku.parsedValue as { keyPurposes?: string[] } | undefined)?.keyPurposes ?? [];
  if (!(purposes.length === 1 && purposes[0] === OID.timeStamping)) return say('check.stamp.ekuOther');
  if (!eku.critical) return say('check.stamp.ekuNotCritical');
  return null;
}

interface Asn1Node {
  valueBlock: { value: Asn1Node[]; valueHexView: Uint8Array };
  idBlock: { tagNumber: number; tagClass: number };
}

/**
 * The signed signingCertificate(V2) attribute binds the signature to the TSA certificate by its
 * hash (RFC 3161 2.4.1, RFC 5816): the certificate in the token must be the one the TSA signed for.
 */
async function essProblem(signed: SignedData, cert: Certificate): Promise<Phrase | null> {
  const attributes = signed.signerInfos[0]?.signedAttrs?.attributes ?? [];
  const v2 = attributes.find((a) => a.type === OID.signingCertificateV2);
  const v1 = attributes.find((a) => a.type === OID.signingCertificate);
  const attribute = v2 ?? v1;
  if (!attribute) return say('check.stamp.noEss');
  try {
    const certs = (attribute.values[0] as Asn1Node).valueBlock.value[0] as Asn1Node;
    const first = certs.valueBlock.value[0] as Asn1Node;
    const parts = first.valueBlock.value;
    // ESSCertIDv2 may start with its hash algorithm (default SHA-256); ESSCertID is always SHA-1.
    const algorithmNode =
      v2 && parts[0]?.idBlock.tagNumber === 16
        ? (parts[0].valueBlock.value[0] as unknown as { valueBlock: { toString(): string } })
        : null;
    const algorithm = algorithmNode ? algorithmNode.valueBlock.toString() : v2 ? OID.sha256 : OID.sha1;
    const hashNode = (algorithmNode ? parts[1] : parts[0]) as Asn1Node;
    const name = HASH_NAMES[algorithm];
    if (!name) return say('check.stamp.essHash', { algorithm });
    const actual = await digest(name, new Uint8Array(cert.toSchema().toBER()));
    return equalBytes(actual, hashNode.valueBlock.valueHexView) ? null : say('check.stamp.essOther');
  } catch {
    return say('check.stamp.essUnreadable');
  }
}

export async function checkTimestampToken(input: { statement: Uint8Array; token: Uint8Array }): Promise<TokenCheck> {
  const problems: Phrase[] = [];
  const result: TokenCheck = { problems, certificates: [] };
  let signed: SignedData;
  let info: TSTInfo;
  try {
    const response = TimeStampResp.fromBER(buffer(input.token));
    // DER has one encoding: what was read must encode back to the very bytes given, so a changed
    // length or tag that a lenient BER reader would repair is still a changed token.
    if (!equalBytes(new Uint8Array(response.toSchema().toBER()), input.token))
      return { ...result, problems: [say('check.stamp.notDer')] };
    const status = response.status.status;
    if (status !== 0 && status !== 1) return { ...result, problems: [say('check.stamp.refusal', { status })] };
    if (!response.timeStampToken || response.timeStampToken.contentType !== OID.signedData)
      return { ...result, problems: [say('check.stamp.noToken')] };
    signed = new SignedData({ schema: (response.timeStampToken as ContentInfo).content });
    if (signed.encapContentInfo.eContentType !== OID.tstInfo || !signed.encapContentInfo.eContent)
      return { ...result, problems: [say('check.stamp.notTstInfo')] };
    info = TSTInfo.fromBER(signed.encapContentInfo.eContent.getValue());
  } catch {
    return { ...result, problems: [say('check.stamp.notResponse')] };
  }
  result.genTime = info.genTime.toISOString();
  if (info.messageImprint.hashAlgorithm.algorithmId !== OID.sha256) problems.push(say('check.stamp.notSha256'));
  else if (
    !equalBytes(
      new Uint8Array(info.messageImprint.hashedMessage.valueBlock.valueHexView),
      await digest('SHA-256', input.statement),
    )
  ) {
    problems.push(say('check.stamp.otherFile'));
  }
  // RFC 5652 5.1: the digest the signer used is among those the SignedData lists.
  const used = new Uint8Array(signed.signerInfos[0]?.digestAlgorithm.toSchema().toBER() ?? new ArrayBuffer(0));
  if (!signed.digestAlgorithms.some((a) => equalBytes(new Uint8Array(a.toSchema().toBER()), used)))
    problems.push(say('check.stamp.digestUnlisted'));
  const certs = (signed.certificates ?? []).filter((c): c is Certificate => c instanceof Certificate);
  let signer: Certificate | undefined;
  try {
    const verified = await signed.verify({
      signer: 0,
      data: buffer(input.statement),
      checkChain: false,
      extendedMode: true,
    });
    signer = verified.signerCertificate ?? undefined;
    if (!verified.signatureVerified) problems.push(say('check.stamp.signature'));
  } catch (err) {
    signer = (err as { signerCertificate?: Certificate | null }).signerCertificate ?? undefined;
    // An imprint for other data is already named above; anything else is the signature failing.
    if (problems.length === 0) problems.push(say('check.stamp.signatureWhy', { reason: (err as Error).message }));
  }
  if (!signer) {
    problems.push(say('check.stamp.noCertificate'));
    return result;
  }
  result.tsa = subjectName(signer);
  result.certificates = [signer, ...certs.filter((c) => c !== signer)].map(certificatePem);
  const at = info.genTime;
  if (at < signer.notBefore.value || at > signer.notAfter.value) {
    problems.push(
      say('check.stamp.notValidThen', {
        tsa: JSON.stringify(result.tsa),
        time: result.genTime,
        from: signer.notBefore.value.toISOString(),
        to: signer.notAfter.value.toISOString(),
      }),
    );
  }
  const eku = ekuProblem(signer);
  if (eku) problems.push(say('check.stamp.certificate', { tsa: JSON.stringify(result.tsa), problem: eku }));
  const ess = await essProblem(signed, signer);
  if (ess) problems.push(ess);
  return result;
}

/**
 * Whether a token that checks comes from a trusted TSA: its certificate (the first of
 * `certificates`, the others helping to build the chain) chains to one of `roots` at genTime.
 */
export async function tsaTrust(
  stamp: { certificates: readonly string[]; genTime: string },
  roots: ReadonlyArray<Uint8Array | string>,
): Promise<TsaTrust> {
  if (roots.length === 0) return notTrusted(say('check.tsa.noRoots'));
  let trustedCerts: Certificate[];
  try {
    trustedCerts = parseRoots(roots);
  } catch {
    return notTrusted(say('check.tsa.badRoots'));
  }
  const [signer, ...others] = parseRoots(stamp.certificates);
  if (!signer) return notTrusted(say('check.tsa.noCertificate'));
  const engine = new CertificateChainValidationEngine({
    certs: [...others, signer],
    trustedCerts,
    checkDate: new Date(stamp.genTime),
  });
  try {
    const chain = await engine.verify();
    return chain.result ? { trusted: true } : notTrusted(say('check.tsa.noChain', { reason: chain.resultMessage }));
  } catch (err) {
    const reason = (err as { resultMessage?: string }).resultMessage ?? String(err);
    return notTrusted(say('check.tsa.noChain', { reason }));
  }
}
