import { type Command, commandsIn } from './command';

const unit = commandsIn(() => import('./unit-commands'));
const unitResponses = commandsIn(() => import('./unit-response-commands'));

/** The unit catalog: approved packages from many analysts merged in one vault (role unit). */
export const unitCommands: Command[] = [
  {
    words: ['unit', 'import'],
    usage: 'unit import FILE.zip|FILE.zip.age…',
    summary:
      "take approved packages into the unit catalog (valid-trusted, last statement a supervisor's approval); 0 imported or already imported, 1 refused (invalid, not approved), 2 unreadable, 3 untrusted",
    run: unit('unitImport'),
  },
  {
    words: ['unit', 'response'],
    usage: 'unit response FILE…',
    summary:
      "take platforms' jejak-response/1 files in by the notice they answer, for the unit's transparency report; the same answers again change nothing",
    run: unitResponses('unitResponse'),
  },
  {
    words: ['unit', 'status'],
    usage: 'unit status',
    summary:
      'the unit dashboard: packages, counts per analyst, platform, category and status, overdue items, audit head per vault',
    run: unit('unitStatus'),
  },
  {
    words: ['unit', 'packages'],
    usage: 'unit packages [--flagged]',
    summary: 'the packages taken in with their custody verdict (--flagged: truncated or forked history only)',
    options: { flagged: { type: 'boolean' } },
    run: unit('unitPackages'),
  },
  {
    words: ['unit', 'history'],
    usage: 'unit history URL|ID',
    summary: 'one channel across analysts and cases: every package that reported it',
    run: unit('unitHistory'),
  },
];
