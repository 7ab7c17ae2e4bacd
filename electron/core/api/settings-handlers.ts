import { sql } from '../db/sql';
import { JejakError } from '../errors';
import type { HandlersFor } from './handler-types';

export const settingsHandlers: HandlersFor<'settings'> = {
  'settings.setLanguage': ({ language }, app) => {
    app.setPreferences({ ...app.preferences, language });
    return {};
  },
  'settings.setAutoLock': ({ minutes }, app) => {
    const session = app.requireSession();
    if (app.policy.autoLockMinutes !== undefined) {
      throw new JejakError('POLICY', 'The auto-lock time is fixed by the machine policy.');
    }
    session.db.tx(() => {
      session.db.run(
        sql`INSERT INTO settings (key, value) VALUES ('autoLockMinutes', ${String(minutes)}) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
      );
      session.audit({ action: 'settings.changed', details: { autoLockMinutes: minutes } });
    });
    app.touch();
    return {};
  },
};
