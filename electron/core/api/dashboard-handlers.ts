import { dashboardStats } from '../dashboard/dashboard';
import type { HandlersFor } from './handler-types';

export const dashboardHandlers: HandlersFor<'dashboard'> = {
  'dashboard.stats': (_a, app) => dashboardStats(app.requireSession().db),
};
