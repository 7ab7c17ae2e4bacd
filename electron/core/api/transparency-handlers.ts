import { basename } from 'node:path';
import { exportTransparency, transparencyFileName, vaultTransparency } from '../transparency/export-transparency';
import { exportDestination } from './cases-handlers';
import type { HandlersFor } from './handler-types';

export const transparencyHandlers: HandlersFor<'transparency'> = {
  'transparency.report': (period, app) => vaultTransparency(app.requireSession(), period),
  'transparency.export': async ({ from, to, format, language, destination }, app) => {
    const period = { from, to };
    const path = exportDestination(app, destination, transparencyFileName(period, format), {
      extension: format === 'csv' ? /\.csv$/i : /\.pdf$/i,
      describe: `a .${format} file`,
    });
    const written = await exportTransparency(app.requireSession(), app.policy, period, path, {
      format,
      language,
      resourcesDir: app.config.resourcesDir,
    });
    return { ...written, fileName: basename(written.path) };
  },
};
