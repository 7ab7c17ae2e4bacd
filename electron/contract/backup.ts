import { z } from 'zod';

export const lastBackupSchema = z.object({
  at: z.string(),
  path: z.string(),
  bytes: z.number(),
  sha256: z.string(),
  blobs: z.number(),
});

/** Settings → Backup and the dashboard's reminder. Progress comes as `progress` events of the job (label: the phase). */
export const backupContract = {
  'backup.status': {
    args: z.object({}),
    result: z.object({
      /** the last backup that was written and read back whole */
      last: lastBackupSchema.nullable(),
      folder: z.string(),
      /** the policy names the folder: no other place is offered */
      folderFixed: z.boolean(),
      reminderDays: z.number().nullable(),
      overdue: z.boolean(),
    }),
  },
  /** Without a destination the backup goes to the backup folder, under a dated name. */
  'backup.create': {
    args: z.object({ jobId: z.string().max(64), destination: z.string().max(4096).optional() }),
    result: lastBackupSchema,
  },
} as const;
