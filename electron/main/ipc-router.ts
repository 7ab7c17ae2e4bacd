import { type Envelope, isChannel } from '../contract';
import { APP_ORIGIN } from './ipc-names';

export interface SenderInfo {
  /** webContents id of the sender */
  webContentsId: number;
  /** URL of the frame that sent the call */
  frameUrl: string | null;
}

export interface RouterDeps {
  dispatch(channel: string, args: unknown): Promise<Envelope<unknown>>;
  /** ids of the webContents of our own windows */
  trustedWebContents(): number[];
}

const refused = (message: string): Envelope<never> => ({ ok: false, error: { code: 'FORBIDDEN', message } });

/**
 * Checks each call before the core sees it: the channel is one of ours, the sender is one of our
 * windows, and the calling frame is our app page (not an iframe or a navigated-away page). The
 * core's dispatch then parses the argument with the contract's schema.
 */
export function createIpcRouter(deps: RouterDeps) {
  return async (sender: SenderInfo, channel: string, args: unknown): Promise<Envelope<unknown>> => {
    if (!isChannel(channel)) return refused('Unknown call.');
    const problem = senderProblem(sender, deps.trustedWebContents());
    return problem ? refused(problem) : deps.dispatch(channel, args);
  };
}

/** Why a call is not from our app page in one of our windows, or null when it is. */
export function senderProblem(sender: SenderInfo, trustedWebContents: number[]): string | null {
  if (!trustedWebContents.includes(sender.webContentsId)) return 'Call from an unknown window.';
  if (!sender.frameUrl || !sender.frameUrl.startsWith(`${APP_ORIGIN}/`)) return 'Call from an unknown page.';
  return null;
}
