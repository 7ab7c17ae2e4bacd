import { type Channel, type Envelope, contract, isChannel } from '../../contract';
import { JejakError, toErrorPayload } from '../errors';
import type { JejakApp } from '../app/jejak-app';
import { auditHandlers } from './audit-handlers';
import { backupHandlers } from './backup-handlers';
import { catalogHandlers, channelHandlers, dashboardHandlers } from './catalog-handlers';
import { evidenceHandlers, jobHandlers, searchHandlers } from './evidence-handlers';
import { caseHandlers, identityHandlers, trustHandlers } from './case-handlers';
import { decisionHandlers } from './decision-handlers';
import { outcomeHandlers } from './outcome-handlers';
import { reviewHandlers } from './review-handlers';
import type { Handler, HostChannel } from './handler-types';
import { settingsHandlers, vaultHandlers } from './vault-handlers';

type CoreChannel = Exclude<Channel, `host.${string}`>;

const handlers: { [C in CoreChannel]: Handler<C> } = {
  ...vaultHandlers,
  ...settingsHandlers,
  ...auditHandlers,
  ...catalogHandlers,
  ...channelHandlers,
  ...dashboardHandlers,
  ...evidenceHandlers,
  ...jobHandlers,
  ...searchHandlers,
  ...identityHandlers,
  ...trustHandlers,
  ...caseHandlers,
  ...decisionHandlers,
  ...outcomeHandlers,
  ...reviewHandlers,
  ...backupHandlers,
};

/**
 * The one entry point for every call from a window, over IPC or the web harness: the channel must
 * exist, the argument must parse with the contract's schema, and the answer is an envelope.
 * Unexpected errors are logged here (code and stack, never arguments) and reach the caller only
 * as INTERNAL.
 */
export async function dispatch(app: JejakApp, channel: unknown, rawArgs: unknown): Promise<Envelope<unknown>> {
  if (!isChannel(channel)) return { ok: false, error: { code: 'INVALID_INPUT', message: 'Unknown call.' } };
  const spec = contract[channel];
  const parsed = spec.args.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: `Invalid argument for ${channel}: ${issue?.path.join('.') || 'value'} ${issue?.message ?? ''}`.trim(),
      },
    };
  }
  app.touch();
  try {
    const handler = (
      channel.startsWith('host.') ? app.hostHandlers[channel as HostChannel] : handlers[channel as CoreChannel]
    ) as Handler<Channel> | undefined;
    if (!handler)
      return { ok: false, error: { code: 'UNAVAILABLE', message: 'Not available here (only in the desktop app).' } };
    const value = await handler(parsed.data as never, app);
    return { ok: true, value: spec.result.parse(value) };
  } catch (e) {
    if (!(e instanceof JejakError)) console.error(`[jejak] ${channel} failed:`, e instanceof Error ? e.stack : e);
    return { ok: false, error: toErrorPayload(e) };
  }
}
