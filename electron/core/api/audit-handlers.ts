import { listAudit, verifyAudit } from '../audit/audit-log';
import { withSubjectLabels } from '../audit/audit-subjects';
import type { HandlersFor } from './handler-types';

export const auditHandlers: HandlersFor<'audit'> = {
  'audit.list': ({ limit, beforeSeq }, app) => {
    const { db } = app.requireSession();
    return { entries: withSubjectLabels(db, listAudit(db, { limit, beforeSeq })) };
  },
  'audit.verify': (_args, app) => verifyAudit(app.requireSession().db),
};
