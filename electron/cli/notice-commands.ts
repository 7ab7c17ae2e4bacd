import { resolve } from 'node:path';
import { readNoticeFile } from '../core/notice/notice-file';
import { formatProblem, noticeSchemaProblems } from '../core/notice/schemas';
import type { CliContext } from './context';
import { EXIT, UsageError } from './io';

export async function noticeValidate(ctx: CliContext): Promise<number> {
  const [file] = ctx.args;
  if (!file || ctx.args.length > 1) throw new UsageError('cli.usage.noticeValidate');
  const problems = noticeSchemaProblems(await readNoticeFile(resolve(file)));
  const shown = problems.map(({ path, message }) => ({ path, message }));
  ctx.out.data({ valid: problems.length === 0, problems: shown }, () =>
    problems.length === 0 ? 'OK' : problems.map(formatProblem).join('\n'),
  );
  return problems.length === 0 ? EXIT.ok : EXIT.checkFailed;
}
