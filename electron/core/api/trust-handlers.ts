import { JejakError } from '../errors';
import { effectiveRoster, importRoster, parseRoster } from '../trust/trust';
import type { HandlersFor } from './handler-types';

export const trustHandlers: HandlersFor<'trust'> = {
  'trust.list': (_a, app) => ({ entries: effectiveRoster(app.requireSession(), app.policy) }),
  'trust.import': ({ json }, app) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      throw new JejakError('INVALID_INPUT', 'The roster file is not valid JSON.');
    }
    const session = app.requireSession();
    const added = importRoster(session, parseRoster(parsed));
    const roster = effectiveRoster(session, app.policy);
    app.reviews.rejudge(roster);
    return { added, total: roster.length };
  },
};
