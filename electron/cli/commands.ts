import { caseCommands } from './case-command-list';
import { catalogCommands } from './catalog-command-list';
import type { Command } from './command';
import { unitCommands } from './unit-command-list';
import { vaultCommands } from './vault-command-list';

export type { Command } from './command';

/** Every command, in the order `jejak --help` lists them. */
export const commands: Command[] = [...vaultCommands, ...catalogCommands, ...caseCommands, ...unitCommands];
