import type { HandlersFor } from './handler-types';

export const jobsHandlers: HandlersFor<'jobs'> = {
  'jobs.cancel': ({ jobId }, app) => {
    app.cancelJob(jobId);
    return {};
  },
};
