import { type Command, commandsIn } from './command';

const catalog = commandsIn(() => import('./catalog-commands'));
const exclusion = commandsIn(() => import('./exclusion-commands'));
const background = commandsIn(() => import('./background-commands'));
const hashlist = commandsIn(() => import('./hashlist-commands'));

/** The catalog: channels, evidence, search, the background queue and hash lists. */
export const catalogCommands: Command[] = [
  {
    words: ['channel', 'add'],
    usage: 'channel add URL [--category C] [--title T] [--status S]',
    summary: 'catalog a channel (any link form; finds it if known)',
    options: { category: { type: 'string' }, title: { type: 'string' }, status: { type: 'string' } },
    run: catalog('channelAdd'),
  },
  {
    words: ['channel', 'import'],
    usage: 'channel import FILE|-',
    summary: 'add many channels from pasted text or CSV, all or nothing',
    run: catalog('channelImport'),
  },
  {
    words: ['channel', 'list'],
    usage: 'channel list [--excluded]',
    summary: 'every channel (--excluded: only the excluded ones)',
    options: { excluded: { type: 'boolean' } },
    run: catalog('channelList'),
  },
  {
    words: ['channel', 'exclude'],
    usage: 'channel exclude ID --reason TEXT',
    summary: 'hide a channel added by mistake from lists, search and new cases (kept, restorable)',
    options: { reason: { type: 'string' } },
    run: exclusion('channelExclude'),
  },
  {
    words: ['channel', 'restore'],
    usage: 'channel restore ID',
    summary: 'undo an exclusion',
    run: exclusion('channelRestore'),
  },
  {
    words: ['evidence', 'add'],
    usage: 'evidence add FILE… [--channel URL|ID] [--source-url URL] [--captured-at ISO] [--note TEXT]',
    summary: 'take files in as evidence; prints id and SHA-256 per file',
    options: {
      channel: { type: 'string' },
      'source-url': { type: 'string' },
      'captured-at': { type: 'string' },
      note: { type: 'string' },
    },
    run: catalog('evidenceAdd'),
  },
  {
    words: ['evidence', 'export'],
    usage: 'evidence export ID --out FILE',
    summary: 'write the original bytes of an item',
    options: { out: { type: 'string' } },
    run: catalog('evidenceExport'),
  },
  {
    words: ['evidence', 'exclude'],
    usage: 'evidence exclude ID --reason TEXT',
    summary: 'hide an item from lists, search and new cases (kept, restorable)',
    options: { reason: { type: 'string' } },
    run: exclusion('evidenceExclude'),
  },
  {
    words: ['evidence', 'restore'],
    usage: 'evidence restore ID',
    summary: 'undo an exclusion',
    run: exclusion('evidenceRestore'),
  },
  {
    words: ['evidence', 'purge'],
    usage: 'evidence purge ID',
    summary: 'remove an item never exported, and its original; the audit log keeps its SHA-256',
    run: exclusion('evidencePurge'),
  },
  {
    words: ['search'],
    usage: 'search QUERY',
    summary: 'search channels, evidence notes and cases',
    run: catalog('searchCommand'),
  },
  {
    words: ['jobs', 'run'],
    usage: 'jobs run',
    summary: 'do the pending background work now (OCR, hashes of older items), with progress; exits when done',
    run: background('jobsRun'),
  },
  {
    words: ['jobs', 'status'],
    usage: 'jobs status',
    summary: 'what background work is pending or failed',
    run: background('jobsStatus'),
  },
  {
    words: ['hashlist', 'import'],
    usage: 'hashlist import FILE --name N [--source S] [--date YYYY-MM-DD]',
    summary: 'take in a list of known material (CSV with sha256, md5 or pdq columns, or JSON) and check the vault',
    options: { name: { type: 'string' }, source: { type: 'string' }, date: { type: 'string' } },
    run: hashlist('hashlistImport'),
  },
  {
    words: ['hashlist', 'list'],
    usage: 'hashlist list',
    summary: 'the imported hash lists, with how many items each flags',
    run: hashlist('hashlistList'),
  },
  {
    words: ['hashlist', 'remove'],
    usage: 'hashlist remove NAME',
    summary: 'remove an imported hash list and the flags it put on items (the items stay)',
    run: hashlist('hashlistRemove'),
  },
];
