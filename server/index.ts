import { createServer } from 'node:http';
import next from 'next';
import { createApplication } from './socket/app';
import { probeBrokers, startCommand } from './brokers/probe';
import { stopAllRuns } from './runner/liveRuns';

const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? '127.0.0.1';

const nextApp = next({ dev, hostname, port });
const handle = nextApp.getRequestHandler();
await nextApp.prepare();

const httpServer = createServer((req, res) => void handle(req, res));
createApplication(httpServer, {
  probeBrokers: async () =>
    (await probeBrokers()).map((s) => ({ ...s, startCommand: startCommand(s.broker) })),
});

httpServer.listen(port, hostname, () => {
  console.log(`MQ Lab ready on http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}`);
});

// Runs are stopped properly (their broker entities deleted) before the process goes;
// a second signal, or 10 s, exits regardless.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    setTimeout(() => process.exit(1), 10_000).unref();
    httpServer.close();
    void stopAllRuns().finally(() => process.exit(0));
  });
}
