import type { ParseArgsConfig } from 'node:util';
import type { CliContext } from './context';

/** One CLI command: the words that name it, its help text, its options and what runs it. */
export interface Command {
  words: string[];
  usage: string;
  summary: string;
  options?: ParseArgsConfig['options'];
  run(ctx: CliContext): Promise<number>;
}

type Run = Command['run'];
type RunNames<M> = { [K in keyof M]: M[K] extends Run ? K : never }[keyof M];

/**
 * The commands of a module loaded only when one of them runs: `const catalog = commandsIn(() =>
 * import('./catalog-commands'))`, then `run: catalog('channelAdd')`. A command list imports no
 * command module itself, so `jejak --help` (and every other command) never loads the vault, the
 * database, PDF, image, OCR or schema code it does not use; the bundle (scripts/build-cli.mjs)
 * makes each such import a chunk of its own.
 */
export function commandsIn<M>(load: () => Promise<M>): (name: RunNames<M>) => Run {
  return (name) => async (ctx) => {
    const run = (await load())[name] as Run;
    // Start-up ends here: the command's code is loaded and its arguments parsed (tests/bench/_process-probe.mjs).
    performance.mark('jejak:work');
    return run(ctx);
  };
}
