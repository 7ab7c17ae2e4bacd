/**
 * Every translation, one catalog per language, assembled from per-area files so areas can grow
 * independently. Data only (no DOM, no React): the command line reads the same catalogs.
 */
import activityEn from './activity.en.json';
import activityId from './activity.id.json';
import backupEn from './backup.en.json';
import backupId from './backup.id.json';
import casesEn from './cases.en.json';
import casesId from './cases.id.json';
import checksEn from './checks.en.json';
import checksId from './checks.id.json';
import { type Phrase, phraseText } from '../../electron/common/phrase';
import decisionEn from './decision.en.json';
import decisionId from './decision.id.json';
import baseEn from './en.json';
import baseId from './id.json';
import messagesEn from './messages.en.json';
import messagesId from './messages.id.json';
import outcomesEn from './outcomes.en.json';
import outcomesId from './outcomes.id.json';
import securityEn from './security.en.json';
import securityId from './security.id.json';
import transparencyEn from './transparency.en.json';
import transparencyId from './transparency.id.json';
import travelEn from './travel.en.json';
import travelId from './travel.id.json';
import unitEn from './unit.en.json';
import unitId from './unit.id.json';
import verifierEn from './verifier.en.json';
import verifierId from './verifier.id.json';
import viewerEn from './viewer.en.json';
import viewerId from './viewer.id.json';
import workflowEn from './workflow.en.json';
import workflowId from './workflow.id.json';

export type Language = 'id' | 'en';

export const catalogs = {
  id: {
    ...baseId,
    ...casesId,
    ...backupId,
    ...securityId,
    ...travelId,
    ...verifierId,
    ...workflowId,
    ...decisionId,
    ...activityId,
    ...messagesId,
    ...viewerId,
    ...outcomesId,
    ...checksId,
    ...transparencyId,
    ...unitId,
  },
  en: {
    ...baseEn,
    ...casesEn,
    ...backupEn,
    ...securityEn,
    ...travelEn,
    ...verifierEn,
    ...workflowEn,
    ...decisionEn,
    ...activityEn,
    ...messagesEn,
    ...viewerEn,
    ...outcomesEn,
    ...checksEn,
    ...transparencyEn,
    ...unitEn,
  },
};
export type MessageKey = keyof typeof catalogs.id;

export type Params = Record<string, string | number>;

/** The text for key in language, English when that language lacks it, null when neither has it. */
export function lookup(language: Language, key: string, params?: Params): string | null {
  const text = (catalogs[language] as Record<string, string>)[key] ?? (catalogs.en as Record<string, string>)[key];
  if (text === undefined) return null;
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
}

/** A message the core gave as a key and values (an error's reason, a media problem), with its English text as the fallback. */
export interface CodedMessage {
  key: string;
  params?: Params;
  message: string;
}

/**
 * A coded message in the user's language. A value named `end` is itself a code (how the file
 * fails to end, see core/evidence/media/end-marker.ts) and is put in words first.
 */
export function codedText(language: Language, m: CodedMessage): string {
  const params = { ...m.params };
  if (typeof params.end === 'string') params.end = lookup(language, `problem.end.${params.end}`, params) ?? params.end;
  return lookup(language, m.key, params) ?? m.message;
}

/** What verification said (a check's detail, why a signer or a time is not trusted), in language. */
export function phraseIn(language: Language, phrase: Phrase): string {
  return phraseText(phrase, (key, params) => lookup(language, key, params));
}

/** A check's phrases in language, as the core joins them in English. */
export function checkDetailIn(language: Language, check: { detail: string; phrases?: readonly Phrase[] }): string {
  return check.phrases?.length ? check.phrases.map((p) => phraseIn(language, p)).join('; ') : check.detail;
}
