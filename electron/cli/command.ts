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
