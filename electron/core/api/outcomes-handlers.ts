import { caseOutcomes } from '../outcomes/case-outcomes';
import { importResponse } from '../outcomes/import-response';
import { recordObservation } from '../outcomes/observe';
import { reappearancesOf } from '../reappearance/reappearances';
import type { HandlersFor } from './handler-types';

export const outcomesHandlers: HandlersFor<'outcomes'> = {
  'outcomes.get': ({ caseId }, app) => caseOutcomes(app.requireSession(), caseId),
  'outcomes.importResponse': ({ caseId, name, dataBase64 }, app) =>
    importResponse(app.requireSession(), Buffer.from(dataBase64, 'base64'), { caseId, fileName: name }),
  'outcomes.observe': ({ caseId, ...input }, app) => recordObservation(app.requireSession(), caseId, input),
  'outcomes.reappearances': (of, app) => ({ flags: reappearancesOf(app.requireSession(), of) }),
};
