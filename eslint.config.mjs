import next from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...next,
  ...nextTs,
  {
    // Learner-side scripts: starters leave parameters for the learner to use, simulated work
    // takes arguments it ignores, and wrong solutions are written the way learners write.
    files: ['exercises/*/{start,solution,harness,wrong}/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-vars': 'off', 'prefer-const': 'off' },
  },
  {
    ignores: [
      '.next/**',
      '.mqlab/**',
      'node_modules/**',
      'infra/**',
      'next-env.d.ts',
      'test-results/**',
      'public/**',
    ],
  },
];

export default config;
