import { listAudit, verifyAudit } from '../audit/audit-log';
import type { HandlersFor } from './handler-types';

export const auditHandlers: HandlersFor<'audit'> = {
  'audit.list': ({ limit, beforeSeq }, app) => ({ entries: listAudit(app.requireSession().db, { limit, beforeSeq }) }),
  'audit.verify': (_args, app) => verifyAudit(app.requireSession().db),
};
