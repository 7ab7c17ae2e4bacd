import type { HandlersFor } from './handler-types';

export const jobsHandlers: HandlersFor<'jobs'> = {
  'jobs.cancel': ({ jobId }, app) => {
    app.cancelJob(jobId);
    return {};
  },
  'jobs.status': (_, app) => {
    app.requireSession();
    return app.background.status();
  },
  'jobs.pause': (_, app) => {
    app.requireSession();
    app.background.pause();
    return app.background.status();
  },
  'jobs.resume': (_, app) => {
    app.requireSession();
    app.background.resume();
    return app.background.status();
  },
};
