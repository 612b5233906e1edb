export default function NotFound() {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui', padding: '4rem', textAlign: 'center' }}>
        <h1>404</h1>
        <p>
          <a href="/zh">MQ Lab</a>
        </p>
      </body>
    </html>
  );
}
