/**
 * The typed client every store uses: the preload bridge in Electron, HTTP to the web harness in
 * a browser. Both speak the contract and answer envelopes; failures become ApiError with a code.
 */
import type {
  AppEvent,
  Args,
  Channel,
  Envelope,
  ErrorCode,
  ErrorPayload,
  JejakBridge,
  Result,
} from '../electron/contract';

declare global {
  interface Window {
    jejak?: JejakBridge;
  }
}

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** the exact case, when the core named it: a translation key and its values */
    readonly reason?: ErrorPayload['reason'],
  ) {
    super(message);
  }
}

async function viaBridge(bridge: JejakBridge, channel: Channel, args: unknown): Promise<Envelope<unknown>> {
  const [area, method] = channel.split('.') as [string, string];
  const fn = (bridge as unknown as Record<string, Record<string, (a: unknown) => Promise<Envelope<unknown>>>>)[area]?.[
    method
  ];
  if (!fn) return { ok: false, error: { code: 'INTERNAL', message: `No bridge function for ${channel}.` } };
  return fn(args);
}

async function viaHttp(channel: Channel, args: unknown): Promise<Envelope<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Jejak-Request': '1' },
      body: JSON.stringify(args ?? {}),
      credentials: 'same-origin',
    });
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: 'The Jejak core is not reachable.' } };
  }
  if (!response.ok) return { ok: false, error: { code: 'INTERNAL', message: await response.text() } };
  return (await response.json()) as Envelope<unknown>;
}

const lockListeners = new Set<() => void>();

export async function call<C extends Channel>(channel: C, args: Args<C>): Promise<Result<C>> {
  const envelope = window.jejak ? await viaBridge(window.jejak, channel, args) : await viaHttp(channel, args);
  if (envelope.ok) return envelope.value as Result<C>;
  // A call that finds the vault locked (idle lock in another tab, a crash) sends the window to the lock screen.
  if (envelope.error.code === 'LOCKED') for (const l of lockListeners) l();
  throw new ApiError(envelope.error.code, envelope.error.message, envelope.error.reason);
}

export function onLockedCall(listener: () => void): () => void {
  lockListeners.add(listener);
  return () => lockListeners.delete(listener);
}

export function subscribeEvents(listener: (event: AppEvent) => void): () => void {
  if (window.jejak) return window.jejak.onEvent(listener);
  const source = new EventSource('/api/events');
  source.onmessage = (m) => listener(JSON.parse(m.data as string) as AppEvent);
  return () => source.close();
}

/** A fresh id for a long job, so its progress events and its cancel call can name it. */
export function newJobId(): string {
  return crypto.randomUUID();
}

/** Where the window loads an evidence image from: the app's own protocol, or the harness. */
export function evidenceImageUrl(id: number, variant: 'thumb' | 'original'): string {
  return window.jejak ? `jejak-evidence://evidence/${id}/${variant}` : `/evidence/${id}/${variant}`;
}

/** The original as a file to save, in the browser harness (the desktop app saves through its own dialog). */
export function evidenceDownloadUrl(id: number): string {
  return `/evidence/${id}/download`;
}

/**
 * A grant token for a picked or dropped file on disk, which evidence.intakePath and review.openPath
 * take in the desktop app; null in a browser or for pasted data (those send the bytes instead).
 */
export async function grantForFile(file: File): Promise<string | null> {
  return (await window.jejak?.pathForFile(file)) || null;
}

/** Where the window loads an image of a package open for review. */
export function packageImageUrl(reviewId: string, bagPath: string): string {
  const path = bagPath.split('/').map(encodeURIComponent).join('/');
  return window.jejak ? `jejak-evidence://package/${reviewId}/${path}` : `/package/${reviewId}/${path}`;
}
