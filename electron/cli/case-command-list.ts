import { type Command, commandsIn } from './command';

const cases = commandsIn(() => import('./case-commands'));
const exporting = commandsIn(() => import('./export-commands'));
const verifying = commandsIn(() => import('./verify-commands'));
const workflow = commandsIn(() => import('./case-workflow-commands'));
const decisions = commandsIn(() => import('./decision-commands'));
const notice = commandsIn(() => import('./notice-commands'));
const outcomes = commandsIn(() => import('./outcome-commands'));
const timestamps = commandsIn(() => import('./timestamp-commands'));
const verifier = commandsIn(() => import('./verifier-commands'));
const transparency = commandsIn(() => import('./transparency-commands'));

/** Identity and trust, cases, packages and their review. */
export const caseCommands: Command[] = [
  {
    words: ['identity', 'show'],
    usage: 'identity show',
    summary: 'who signs from this vault, with the key fingerprint',
    run: cases('identityShow'),
  },
  {
    words: ['identity', 'set'],
    usage: 'identity set --name N --unit U --id I --role analyst|supervisor',
    summary: 'set the name, unit, employee ID and role printed on signatures',
    options: { name: { type: 'string' }, unit: { type: 'string' }, id: { type: 'string' }, role: { type: 'string' } },
    run: cases('identitySet'),
  },
  {
    words: ['identity', 'export-public'],
    usage: 'identity export-public --out FILE [--roster ENTRY.json]',
    summary: 'write the public key (PEM), print the age recipient; --roster: the trust-roster entry with both',
    options: { out: { type: 'string' }, roster: { type: 'string' } },
    run: cases('identityExportPublic'),
  },
  {
    words: ['trust', 'import'],
    usage: 'trust import FILE',
    summary: 'add a roster (JSON list of fingerprint, name, unit, role, ageRecipient?)',
    run: cases('trustImport'),
  },
  {
    words: ['case', 'list'],
    usage: 'case list',
    summary: 'every case: reference, status, priority, due time, overdue',
    run: workflow('caseList'),
  },
  {
    words: ['case', 'create'],
    usage: 'case create TITLE --platform P [--priority urgent|normal] [--legal-basis TEXT]',
    summary: 'open a takedown case; prints its reference',
    options: { platform: { type: 'string' }, priority: { type: 'string' }, 'legal-basis': { type: 'string' } },
    run: cases('caseCreate'),
  },
  {
    words: ['case', 'add'],
    usage: 'case add REF [--channel URL|ID]… [--evidence ID]…',
    summary: 'add channels and evidence to a draft case',
    options: { channel: { type: 'string', multiple: true }, evidence: { type: 'string', multiple: true } },
    run: cases('caseAdd'),
  },
  {
    words: ['case', 'remove'],
    usage: 'case remove REF [--channel URL|ID]… [--evidence ID]…',
    summary: 'take channels and evidence out of a draft case',
    options: { channel: { type: 'string', multiple: true }, evidence: { type: 'string', multiple: true } },
    run: workflow('caseRemove'),
  },
  {
    words: ['case', 'edit'],
    usage: 'case edit REF [--title T] [--legal-basis TEXT] [--priority urgent|normal] [--notes TEXT]',
    summary: 'change a draft case (a new priority moves the due time)',
    options: {
      title: { type: 'string' },
      'legal-basis': { type: 'string' },
      priority: { type: 'string' },
      notes: { type: 'string' },
    },
    run: workflow('caseEdit'),
  },
  {
    words: ['case', 'delete'],
    usage: 'case delete REF',
    summary: 'delete a draft never exported; its reference is not used again',
    run: workflow('caseDelete'),
  },
  {
    words: ['case', 'status'],
    usage: 'case status REF STATUS [--note TEXT]',
    summary:
      'record the next step: draft (revise a returned case), submitted, acknowledged, actioned, rejected (approved|returned come only from case receive)',
    options: { note: { type: 'string' } },
    run: workflow('caseStatus'),
  },
  {
    words: ['case', 'receive'],
    usage: 'case receive FILE.zip|FILE.zip.age [--case REF]',
    summary:
      "take in the supervisor's approved or returned package: verified, matched to the case's latest export, kept in the vault; 0 received or already received, 1 wrong or invalid package, 3 untrusted supervisor",
    options: { case: { type: 'string' } },
    run: decisions('caseReceive'),
  },
  {
    words: ['case', 'decisions'],
    usage: 'case decisions REF [--out FILE.zip]',
    summary:
      'the decisions received for a case with the comment on each item; --out writes the newest decision package again',
    options: { out: { type: 'string' } },
    run: decisions('caseDecisionsCommand'),
  },
  {
    words: ['case', 'response'],
    usage: 'case response FILE [--case REF]',
    summary:
      "take in a platform's jejak-response/1 file: it must quote the case's notice id and name only its items; kept in the vault, each answer the item's outcome; 0 imported or already imported, 1 invalid, another notice or unknown items, 2 unreadable",
    options: { case: { type: 'string' } },
    run: outcomes('caseResponse'),
  },
  {
    words: ['case', 'observe'],
    usage:
      'case observe REF --item ID|--all-open --status still-online|removed|reappeared [--at ISO] [--evidence ID] [--note TEXT]',
    summary:
      'record what you saw where no answer came, for items (--item, repeatable; a unique first part of 8+ characters will do) or every open item',
    options: {
      item: { type: 'string', multiple: true },
      'all-open': { type: 'boolean' },
      status: { type: 'string' },
      at: { type: 'string' },
      evidence: { type: 'string' },
      note: { type: 'string' },
    },
    run: outcomes('caseObserve'),
  },
  {
    words: ['case', 'outcomes'],
    usage: 'case outcomes REF',
    summary: "each item of the case's latest notice: its outcome, time to action against the deadline, overdue",
    run: outcomes('caseOutcomesCommand'),
  },
  {
    words: ['reappearances'],
    usage: 'reappearances [--channel URL|ID] [--evidence ID]',
    summary: 'channels and evidence that match something already taken down, with the earlier case',
    options: { channel: { type: 'string' }, evidence: { type: 'string' } },
    run: outcomes('reappearancesCommand'),
  },
  {
    words: ['transparency'],
    usage: 'transparency --from YYYY-MM-DD --to YYYY-MM-DD [--csv FILE] [--pdf FILE]',
    summary:
      'published counts of the items reported in the period (whole UTC days): reported, actioned, not actioned, median and 90th percentile time to action, per ISO week (UTC), platform and category; --csv, --pdf (one page, in the --lang language) write it where the policy allows, never over a file. Counts only',
    options: { from: { type: 'string' }, to: { type: 'string' }, csv: { type: 'string' }, pdf: { type: 'string' } },
    run: transparency('transparency'),
  },
  {
    words: ['case', 'export'],
    usage: 'case export REF --out FILE.zip|FILE.zip.age [--recipient age1…]… [--language id|en]',
    summary: 'write the signed report package; with recipients (or a policy naming some) age-encrypted for them',
    options: { out: { type: 'string' }, language: { type: 'string' }, recipient: { type: 'string', multiple: true } },
    run: exporting('caseExport'),
  },
  {
    words: ['verify'],
    usage: 'verify FILE.zip|FILE.zip.age|FOLDER [--trust ROSTER] [--identity KEY.txt]',
    summary:
      'check a package, or an unzipped bag folder (no vault needed; a .age opens with --identity or the vault): 0 trusted, 3 untrusted, 1 invalid',
    options: { trust: { type: 'string' }, identity: { type: 'string' } },
    run: verifying('verify'),
  },
  {
    words: ['verifier'],
    usage: 'verifier --out FILE.html',
    summary:
      'write the browser verifier: one HTML file that checks a package (or an unzipped folder) like verify, offline, with no install',
    options: { out: { type: 'string' } },
    run: verifier('verifierPage'),
  },
  {
    words: ['review'],
    usage:
      'review FILE.zip|FILE.zip.age --approve|--return [--comment TEXT] [--items FILE.json] [--without-item-review --reason TEXT] --out FILE [--recipient age1…]…',
    summary:
      'countersign a package as supervisor (an encrypted one stays encrypted). Approving needs every evidence item marked in --items (a JSON list of { file, verdict: ok|problem, comment }; a problem needs a comment) or --without-item-review with a --reason, which goes into the signed comment; returning needs --comment or a problem item',
    options: {
      approve: { type: 'boolean' },
      return: { type: 'boolean' },
      comment: { type: 'string' },
      items: { type: 'string' },
      'without-item-review': { type: 'boolean' },
      reason: { type: 'string' },
      out: { type: 'string' },
      recipient: { type: 'string', multiple: true },
    },
    run: decisions('review'),
  },
  {
    words: ['timestamp', 'request'],
    usage: 'timestamp request FILE.zip|FILE.zip.age --out DIR [--identity KEY.txt]',
    summary: 'write one RFC 3161 time-stamp request per statement (DIR/<seq>-<fp16>.tsq; only hashes leave)',
    options: { out: { type: 'string' }, identity: { type: 'string' } },
    run: timestamps('timestampRequest'),
  },
  {
    words: ['timestamp', 'attach'],
    usage: 'timestamp attach FILE.zip|FILE.zip.age DIR/*.tsr --out FILE [--recipient age1…]…',
    summary: "add the TSA's answers as timestamps/<seq>-<fp16>.tsr; each must stamp a statement of the package",
    options: { out: { type: 'string' }, recipient: { type: 'string', multiple: true } },
    run: timestamps('timestampAttach'),
  },
  {
    words: ['notice', 'validate'],
    usage: 'notice validate FILE',
    summary:
      "check a notice.json, or a package's, against the jejak-notice/1 schema (no vault needed): 0 valid, 1 invalid",
    run: notice('noticeValidate'),
  },
];
