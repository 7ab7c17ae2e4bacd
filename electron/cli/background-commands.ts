import { nearDuplicateDistance } from '../core/evidence/pdq-index';
import { OcrEngine } from '../core/evidence/media/ocr';
import { ocrModelsCache } from '../core/evidence/media/ocr-models';
import { drainJobs, type JobProgress } from '../core/jobs/drain-jobs';
import { queueStatus } from '../core/jobs/job-queue';
import { type CliContext, cliPolicy } from './context';
import { withVault } from './vault-access';
import { EXIT, UsageError } from './io';

export async function jobsStatus(ctx: CliContext): Promise<number> {
  if (ctx.args.length > 0) throw new UsageError('cli.usage', { usage: 'jobs status' });
  const status = await withVault(ctx, (s) => queueStatus(s.db));
  ctx.out.data(status, () =>
    ctx.text.t('cli.jobs.status', {
      pending: status.pending,
      failed: status.failed,
      done: status.done,
      ...status.byKind,
    }),
  );
  return EXIT.ok;
}

/** Drains the queue in the foreground: progress on stderr, the summary on stdout. */
export async function jobsRun(ctx: CliContext): Promise<number> {
  if (ctx.args.length > 0) throw new UsageError('cli.usage', { usage: 'jobs run' });
  const ocr = new OcrEngine(ocrModelsCache(ctx.dataDir));
  const progress = (p: JobProgress) => {
    if (!p.current) return;
    const line = ctx.text.t('cli.jobs.progress', {
      done: p.done + p.failed,
      total: p.done + p.failed + p.pending,
      kind: p.current.kind,
      id: p.current.evidenceId,
    });
    process.stderr.write(`${line}\n`);
  };
  const { ran, queue } = await withVault(ctx, async (s) => {
    try {
      const ran = await drainJobs(s, { ocr, pdqDistance: nearDuplicateDistance(cliPolicy()), onProgress: progress });
      return { ran, queue: queueStatus(s.db) };
    } finally {
      await ocr.close();
    }
  });
  ctx.out.data({ done: ran.done, failed: ran.failed, queue }, () =>
    ctx.text.t('cli.jobs.ran', { done: ran.done, failed: ran.failed, pending: queue.pending }),
  );
  return ran.failed > 0 ? EXIT.checkFailed : EXIT.ok;
}
