/**
 * Report packages (see /work/shared/PACKAGE-FORMAT.md): write a signed BagIt ZIP, verify one
 * without extracting it, read one file of it for review, and countersign it as a supervisor.
 * Independent of the vault: inputs are streams and a Signer.
 */
export { writePackage, type ExportInput, type PayloadFile, type WriteOptions, type WriteResult } from './write';
export {
  verifyPackage,
  verifyPackageKeeping,
  verifyFolder,
  readPackageEntry,
  type RosterEntry,
  type Verdict,
  type VerifyOptions,
  type VerifyResult,
  type ReadEntryOptions,
} from './verify';
export { judge, type Judgement } from './judge';
export { signedTagmanifest } from './verify-source';
export {
  countersignPackage,
  type CountersignInput,
  type CountersignOptions,
  type CountersignResult,
} from './countersign';
export { fingerprintOf, keySigner, type Signer, type SignerIdentity } from './signer';
export { bagName, packageFileName, type Role } from './bag-names';
export type { BagInfoInput } from './bag-info';
export { CHECK_IDS, type Check, type CheckId } from './checks';
export { DEFAULT_LIMITS, type PayloadKeep, type VerifyLimits } from './inspect';
export type { Progress, OperationOptions } from './operation';
export type { StatementInfo } from './statement-checks';
export type { Decision, ReviewItem, Statement } from './statement';
