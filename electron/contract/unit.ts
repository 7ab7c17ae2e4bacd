import { z } from 'zod';
import { MAX_PACKAGE_UPLOAD_BYTES, MAX_RESPONSE_FILE_BYTES, base64Length } from '../common/limits';
import { idSchema as id, jobIdSchema, pickedFile } from './shared';
import { dashboardContract } from './dashboard';

const jobId = jobIdSchema.min(1);
const custodyStatus = z.enum(['first', 'linked', 'sequence', 'truncated', 'forked', 'no-head']);

/** What taking one approved package into the unit catalog did; a refusal is an error with the verdict. */
export const unitImportOutcomeSchema = z.object({
  outcome: z.enum(['imported', 'already-imported']),
  packageId: z.number(),
  fileName: z.string(),
  reference: z.string(),
  analyst: z.string(),
  supervisor: z.string(),
  vaultId: z.string().nullable(),
  channels: z.object({ total: z.number(), created: z.number(), merged: z.number() }),
  evidence: z.object({ total: z.number(), stored: z.number(), duplicate: z.number(), nearDuplicate: z.number() }),
  custody: z.object({ status: custodyStatus, detail: z.string(), otherFile: z.string().nullable() }),
});

const packageRowSchema = z.object({
  id: z.number(),
  fileName: z.string(),
  reference: z.string(),
  title: z.string(),
  platform: z.string(),
  analyst: z.string(),
  supervisor: z.string(),
  vaultId: z.string().nullable(),
  exportedAt: z.string(),
  approvedAt: z.string(),
  importedAt: z.string(),
  headSeq: z.number().nullable(),
  custody: custodyStatus,
  custodyDetail: z.string(),
  custodyOther: z.string().nullable(),
  channels: z.number(),
  evidence: z.number(),
});

export const unitOverviewSchema = z.object({
  packages: z.number(),
  flaggedPackages: z.number(),
  analysts: z.array(
    z.object({
      name: z.string(),
      fingerprint: z.string(),
      packages: z.number(),
      channels: z.number(),
      evidence: z.number(),
    }),
  ),
  vaults: z.array(
    z.object({
      vaultId: z.string(),
      analyst: z.string(),
      packages: z.number(),
      headSeq: z.number(),
      headHash: z.string(),
      lastFile: z.string(),
    }),
  ),
  overdueItems: z.number(),
  catalog: dashboardContract['dashboard.stats'].result,
  recent: z.array(packageRowSchema),
  shared: z.array(
    z.object({
      id: z.number(),
      canonicalUrl: z.string(),
      title: z.string(),
      platform: z.string(),
      sources: z.number(),
      analysts: z.number(),
    }),
  ),
});

export const channelSourceSchema = z.object({
  packageId: z.number(),
  fileName: z.string(),
  reference: z.string(),
  title: z.string(),
  analyst: z.string(),
  supervisor: z.string(),
  exportedAt: z.string(),
  approvedAt: z.string(),
  originalUrl: z.string(),
  category: z.string(),
  status: z.string(),
  evidence: z.number(),
});

export const unitResponseImportSchema = z.object({
  outcome: z.enum(['imported', 'already-imported']),
  reference: z.string(),
  responder: z.string(),
  answered: z.number(),
  recorded: z.number(),
  items: z.number(),
  open: z.number(),
});

/** The unit catalog (a vault whose role is unit): approved packages from many analysts merged into one. */
export const unitContract = {
  'unit.overview': { args: z.object({}), result: unitOverviewSchema },
  /** Desktop: a package the user picked or dropped (a grant token). */
  'unit.importPath': { args: z.object({ path: pickedFile, jobId }), result: unitImportOutcomeSchema },
  /** The browser harness: the bytes (kept in a private temp file while they are checked). */
  'unit.importBytes': {
    args: z.object({
      name: z.string().max(255),
      dataBase64: z.string().max(base64Length(MAX_PACKAGE_UPLOAD_BYTES)),
      jobId,
    }),
    result: unitImportOutcomeSchema,
  },
  /** A platform's jejak-response/1 file, taken in by the notice it answers (the core checks the UTF-8). */
  'unit.importResponse': {
    args: z.object({ name: z.string().max(255), dataBase64: z.string().max(base64Length(MAX_RESPONSE_FILE_BYTES)) }),
    result: unitResponseImportSchema,
  },
  'unit.channelHistory': { args: z.object({ channelId: id }), result: z.array(channelSourceSchema) },
} as const;
