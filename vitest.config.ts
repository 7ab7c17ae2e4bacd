import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'core',
          include: [
            'tests/core/**/*.test.ts',
            'tests/main/**/*.test.ts',
            'tests/cli/**/*.test.ts',
            'tests/web/**/*.test.ts',
            'tests/packaging/**/*.test.ts',
            'tests/verifier/**/*.test.ts',
            'tests/repo/**/*.test.ts',
          ],
          environment: 'node',
          globalSetup: ['tests/fixtures/cli-bundle.ts'],
          // CLI tests run the real jejak many times, each unlocking a vault: minutes on a loaded machine
          testTimeout: 300_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
        },
      },
    ],
  },
});
