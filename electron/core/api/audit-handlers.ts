import { verifyAuditAnchored } from '../audit/anchor';
import { listAudit } from '../audit/audit-log';
import { anchorsOf } from '../vault/unlock-checks';
import type { HandlersFor } from './handler-types';

export const auditHandlers: HandlersFor<'audit'> = {
  'audit.list': ({ limit, beforeSeq }, app) => ({ entries: listAudit(app.requireSession().db, { limit, beforeSeq }) }),
  'audit.verify': (_args, app) => {
    const session = app.requireSession();
    return verifyAuditAnchored(session.db, anchorsOf(session.header));
  },
};
