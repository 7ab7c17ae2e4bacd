import { setAutoLockMinutes } from '../app/auto-lock';
import type { HandlersFor } from './handler-types';

export const settingsHandlers: HandlersFor<'settings'> = {
  'settings.setLanguage': ({ language }, app) => {
    app.setPreferences({ ...app.preferences, language });
    return {};
  },
  'settings.setAutoLock': ({ minutes }, app) => {
    setAutoLockMinutes(app.requireSession(), app.policy, minutes);
    app.touch();
    return {};
  },
};
