import type { AppEvent, Envelope } from '../../contract';
import { dispatch } from '../api/dispatch';
import { toErrorPayload } from '../errors';
import { type CreateAppOptions, createJejakApp } from './create-app';
import type { JejakApp } from './jejak-app';

export interface Started {
  app: JejakApp | null;
  dispatch(channel: string, args: unknown): Promise<Envelope<unknown>>;
  onEvent(listener: (event: AppEvent) => void): void;
}

/**
 * Starts the core for a window. When it cannot start (an invalid machine policy), every call
 * answers with that error, so the window shows it on an error screen instead of running on defaults.
 */
export function startCore(opts: CreateAppOptions): Started {
  try {
    const app = createJejakApp(opts);
    return { app, dispatch: (channel, args) => dispatch(app, channel, args), onEvent: (l) => void app.onEvent(l) };
  } catch (e) {
    const error = toErrorPayload(e);
    return { app: null, dispatch: async () => ({ ok: false, error }), onEvent: () => {} };
  }
}
