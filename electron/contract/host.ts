import { z } from 'zod';
import { TEXT_LIMITS } from '../common/limits';
import { pickedFileSchema } from './shared';

/**
 * Calls only the desktop shell can answer (native dialogs, the OS clipboard, screen capture).
 * The web harness has no host: these answer UNAVAILABLE there and the window falls back.
 */
export const hostContract = {
  'host.chooseExportPath': {
    args: z.object({ defaultName: z.string().max(255) }),
    result: z.object({ path: z.string().nullable() }),
  },
  /** A save dialog for a transparency report (CSV or PDF); the path gets the format's extension. */
  'host.chooseReportPath': {
    args: z.object({ defaultName: z.string().max(255), format: z.enum(['csv', 'pdf']) }),
    result: z.object({ path: z.string().nullable() }),
  },
  /** A folder to write into (time-stamp requests), as a grant token where the window names paths only through them. */
  'host.chooseFolder': {
    args: z.object({ purpose: z.enum(['timestamp-requests']) }),
    result: z.object({ path: z.string().nullable() }),
  },
  /** The picked files, each as a grant token (`path`) for evidence.intakePath or review.openPath, and its name. */
  'host.chooseFiles': {
    args: z.object({ kind: z.enum(['evidence', 'package', 'roster']), multiple: z.boolean() }),
    result: z.object({ files: z.array(pickedFileSchema) }),
  },
  /** "Export original" in the viewer: a save dialog, then the original's bytes written there (path null: the dialog was closed). */
  'host.exportEvidence': {
    args: z.object({ id: z.number().int().positive() }),
    result: z.object({ path: z.string().nullable() }),
  },
  /** A save dialog for a backup file, starting in the backup folder. */
  'host.chooseBackupPath': {
    args: z.object({ defaultName: z.string().max(255) }),
    result: z.object({ path: z.string().nullable() }),
  },
  'host.clipboardWrite': {
    args: z.object({ text: z.string().max(10_000), clearAfterMs: z.number().int().min(1000).max(600_000) }),
    result: z.object({}),
  },
  'host.captureSources': {
    args: z.object({}),
    result: z.object({
      sources: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          kind: z.enum(['screen', 'window']),
          thumbnailDataUrl: z.string(),
        }),
      ),
    }),
  },
  'host.capture': {
    args: z.object({
      sourceId: z.string().max(200),
      region: z
        .object({
          x: z.number().int().min(0),
          y: z.number().int().min(0),
          width: z.number().int().min(1),
          height: z.number().int().min(1),
        })
        .optional(),
      jobId: z.string().max(64),
      channelId: z.number().int().positive().optional(),
      sourceUrl: z.string().max(4096).optional(),
      notes: z.string().max(TEXT_LIMITS.notes).optional(),
    }),
    result: z.object({ evidenceId: z.number(), sha256: z.string(), sha512: z.string(), size: z.number() }),
  },
} as const;
