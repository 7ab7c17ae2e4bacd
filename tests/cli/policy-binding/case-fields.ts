import { join } from 'node:path';
import { exitOf, unitsIn, unzipped, valueOf } from '../../fixtures/policy-sides';
import { type Binding, NEW_CASE, exportArgs, hoursOf, json } from './binding';

/** The reference with its year and month masked, so a run across midnight of a month still compares. */
const masked = (reference: string) => reference.replace(/-\d{4}-/, '-yymm-');
const URL = 'https://t.me/slot_gacor';

/** What a package's notice (data/notice.json) says for the unit. */
function noticeIn(zip: string) {
  const notice = JSON.parse(unzipped(zip, 'data/notice.json')) as {
    authority: { organisation: string | null; contactEmail: string | null };
    preservationDays: number;
  };
  const { organisation, contactEmail } = notice.authority;
  return { organisation, contactEmail, preservationDays: notice.preservationDays };
}

/** The fields that shape the catalog, the cases and what an export says of the unit. */
export const CASE_FIELDS: Binding[] = [
  {
    field: 'unitName',
    policy: () => ({ unitName: 'Unit Kebijakan' }),
    // the analyst typed "Unit Ketikan": the policy's unit is the one signed and named, whatever was typed
    expected: () => ({ exit: 0, signed: 'Unit Kebijakan', bagInfo: 'Unit Kebijakan' }),
    cli: async (s) => {
      const out = join(s.folders.allowed, 'p.zip');
      return { exit: s.run(['case', 'export', await s.draftCase(), '--out', out]).code, ...unitsIn(out) };
    },
    app: async (s) => {
      const out = join(s.folders.allowed, 'p.zip');
      return { exit: exitOf(await s.call('cases.export', exportArgs(await s.draftCase(), out))), ...unitsIn(out) };
    },
  },
  {
    field: 'notice',
    policy: () => ({
      notice: { organisation: 'Kementerian Uji', contactEmail: 'aduan@example.go.id', preservationDays: 30 },
    }),
    expected: () => ({
      exit: 0,
      organisation: 'Kementerian Uji',
      contactEmail: 'aduan@example.go.id',
      preservationDays: 30,
    }),
    cli: async (s) => {
      const out = join(s.folders.allowed, 'p.zip');
      return { exit: s.run(['case', 'export', await s.draftCase(), '--out', out]).code, ...noticeIn(out) };
    },
    app: async (s) => {
      const out = join(s.folders.allowed, 'p.zip');
      return { exit: exitOf(await s.call('cases.export', exportArgs(await s.draftCase(), out))), ...noticeIn(out) };
    },
  },
  {
    field: 'categories',
    policy: () => ({ categories: ['judi daring', 'lainnya'] }),
    // a category the list does not name is refused (exit 2); none given is the list's "lainnya"
    expected: () => ({ unlisted: 2, unnamed: 0, category: 'lainnya' }),
    cli: async (s) => {
      await s.vault();
      const unlisted = s.run(['channel', 'add', URL, '--category', 'terorisme']).code;
      const added = s.run(['channel', 'add', URL, '--json']);
      return { unlisted, unnamed: added.code, category: json<{ category: string }>(added).category };
    },
    app: async (s) => {
      await s.vault();
      const unlisted = exitOf(await s.call('channels.add', { url: URL, category: 'terorisme' }));
      const added = await s.call('channels.add', { url: URL });
      const { category } = valueOf<{ channel: { category: string } }>(added).channel;
      return { unlisted, unnamed: exitOf(added), category };
    },
  },
  {
    field: 'legalBasisPresets',
    policy: () => ({ legalBasisPresets: ['Pasal 27 ayat (2) UU ITE'] }),
    expected: () => ({ offered: ['Pasal 27 ayat (2) UU ITE'] }),
    cli: {
      none: 'an offer in the case form; the legal basis stays free text (cases.create, case create --legal-basis)',
    },
    app: async (s) => {
      await s.vault();
      return { offered: valueOf<{ legalBasis: string[] }>(await s.call('cases.presets')).legalBasis };
    },
  },
  {
    field: 'referencePattern',
    policy: () => ({ referencePattern: 'PK-{yy}{mm}-{seq3}' }),
    expected: () => ({ exit: 0, reference: 'PK-yymm-001' }),
    cli: async (s) => {
      await s.vault();
      const run = s.run(['case', 'create', 'Judi', '--platform', 'telegram', '--json']);
      return { exit: run.code, reference: masked(json<{ reference: string }>(run).reference) };
    },
    app: async (s) => {
      await s.vault();
      const reply = await s.call('cases.create', { ...NEW_CASE, priority: 'normal' });
      return { exit: exitOf(reply), reference: masked(valueOf<{ reference: string }>(reply).reference) };
    },
  },
  {
    field: 'dueHours',
    policy: () => ({ dueHours: { urgent: 2, normal: 48 } }),
    expected: () => ({ exit: 0, hours: 2 }),
    cli: async (s) => {
      await s.vault();
      const run = s.run(['case', 'create', 'Judi', '--platform', 'telegram', '--priority', 'urgent', '--json']);
      return { exit: run.code, hours: hoursOf(json(run)) };
    },
    app: async (s) => {
      await s.vault();
      const reply = await s.call('cases.create', { ...NEW_CASE, priority: 'urgent' });
      return { exit: exitOf(reply), hours: hoursOf(valueOf(reply)) };
    },
  },
];
