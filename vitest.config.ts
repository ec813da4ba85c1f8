import { defineConfig } from 'vitest/config';

const conditions = ['@phuluc/source'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    projects: [
      {
        resolve: { conditions },
        ssr: { resolve: { conditions } },
        test: {
          name: 'node',
          environment: 'node',
          include: ['packages/{rules,xlsx,cli}/src/**/*.test.ts', 'test/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        resolve: { conditions },
        ssr: { resolve: { conditions } },
        test: {
          name: 'addin',
          environment: 'jsdom',
          include: ['packages/excel-addin/src/**/*.test.{ts,tsx}'],
          setupFiles: ['packages/excel-addin/src/test-setup.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
