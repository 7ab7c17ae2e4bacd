#!/usr/bin/env node
// Runs the TypeScript command line straight from the checkout (tsx transpiles on the fly).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/cli.ts');
process.exitCode = await main(process.argv.slice(2));
