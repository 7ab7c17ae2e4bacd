import { type Channel, type Envelope, contract, isChannel } from '../../contract';
import { JejakError, toErrorPayload } from '../errors';
import type { JejakApp } from '../app/jejak-app';
import { auditHandlers } from './audit-handlers';
import { backupHandlers } from './backup-handlers';
import { casesHandlers } from './cases-handlers';
import { catalogHandlers } from './catalog-handlers';
import { channelsHandlers } from './channels-handlers';
import { dashboardHandlers } from './dashboard-handlers';
import { decisionsHandlers } from './decisions-handlers';
import { evidenceHandlers } from './evidence-handlers';
import { identityHandlers } from './identity-handlers';
import { jobsHandlers } from './jobs-handlers';
import { outcomesHandlers } from './outcomes-handlers';
import { reviewHandlers } from './review-handlers';
import { searchHandlers } from './search-handlers';
import { settingsHandlers } from './settings-handlers';
import { transparencyHandlers } from './transparency-handlers';
import { trustHandlers } from './trust-handlers';
import { unitHandlers } from './unit-handlers';
import { vaultHandlers } from './vault-handlers';
import type { Handler, HostChannel } from './handler-types';

type CoreChannel = Exclude<Channel, `host.${string}`>;

const handlers: { [C in CoreChannel]: Handler<C> } = {
  ...vaultHandlers,
  ...settingsHandlers,
  ...auditHandlers,
  ...catalogHandlers,
  ...channelsHandlers,
  ...dashboardHandlers,
  ...transparencyHandlers,
  ...evidenceHandlers,
  ...jobsHandlers,
  ...searchHandlers,
  ...identityHandlers,
  ...trustHandlers,
  ...casesHandlers,
  ...decisionsHandlers,
  ...outcomesHandlers,
  ...reviewHandlers,
  ...backupHandlers,
  ...unitHandlers,
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
