import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Lessons are read from the repo at build time; examples are plain .ts files beside them.
  outputFileTracingIncludes: { '/[locale]/lessons/[slug]': ['./lessons/**/*'] },
};

export default withNextIntl(nextConfig);
