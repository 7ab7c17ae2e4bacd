import type { z } from 'zod';
import type { Channel, Contract, Result } from '../../contract';
import type { JejakApp } from '../app/jejak-app';

export type Handler<C extends Channel> = (
  args: z.output<Contract[C]['args']>,
  app: JejakApp,
) => Promise<Result<C>> | Result<C>;

/** The handlers of one area: exactly the channels whose names start with that area. */
export type HandlersFor<Prefix extends string> = {
  [C in Channel as C extends `${Prefix}.${string}` ? C : never]: Handler<C>;
};

export type HostChannel = Extract<Channel, `host.${string}`>;

/** What the desktop shell adds: native dialogs, the clipboard, screen capture. */
export type HostHandlers = Partial<{ [C in HostChannel]: Handler<C> }>;
