import Link from 'next/link';

export default function NotFound() {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui', padding: '4rem', textAlign: 'center' }}>
        <h1>404</h1>
        <p>
          <Link href="/zh">MQ Lab</Link>
        </p>
      </body>
    </html>
  );
}
