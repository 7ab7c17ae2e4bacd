import { verifyAuditAnchored } from '../audit/anchor';
import { listAudit } from '../audit/audit-log';
import { withSubjectLabels } from '../audit/audit-subjects';
import { anchorsOf } from '../vault/unlock-checks';
import type { HandlersFor } from './handler-types';

export const auditHandlers: HandlersFor<'audit'> = {
  'audit.list': ({ limit, beforeSeq }, app) => {
    const { db } = app.requireSession();
    return { entries: withSubjectLabels(db, listAudit(db, { limit, beforeSeq })) };
  },
  'audit.verify': (_args, app) => {
    const session = app.requireSession();
    return verifyAuditAnchored(session.db, anchorsOf(session.header));
  },
};
