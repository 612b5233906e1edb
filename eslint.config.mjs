import next from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

export default [
  ...next,
  ...nextTs,
  {
    ignores: [
      '.next/**',
      '.mqlab/**',
      'node_modules/**',
      'infra/**',
      'next-env.d.ts',
      'test-results/**',
    ],
  },
];
