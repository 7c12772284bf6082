import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // pdf.js parses on the test thread; the golden tests run every fixture in every format
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
