import nsq from 'nsqjs';
import { setTimeout as sleep } from 'node:timers/promises';

const IDLE_STOP_MS = 1500;

// A yearly report takes 7 s to render, in 28 steps. Keep it as it is.
async function renderReport(reportId: string, step: (done: number) => void): Promise<void> {
  for (let i = 1; i <= 28; i++) {
    await sleep(250);
    step(i);
  }
}

const reader = new nsq.Reader('reports', 'renderer', {
  nsqdTCPAddresses: 'localhost:4150',
  maxInFlight: 4,
  // Ops set a short message timeout, so a dead renderer's reports come back within a second.
  messageTimeout: 1000,
});
const done = new nsq.Writer('localhost', 4150);
done.connect();

let busy = 0;
let lastActivityAt = Date.now();

reader.on('message', async (msg) => {
  busy++;
  const { reportId } = msg.json() as { reportId: string };
  // Keep the message alive while we work on it.
  const keepAlive = setInterval(() => msg.touch(), 2000);
  await renderReport(reportId, () => {
    lastActivityAt = Date.now();
  });
  clearInterval(keepAlive);
  done.publish('reports.done', { reportId });
  msg.finish();
  busy--;
  lastActivityAt = Date.now();
});
reader.on('error', () => {}); // a FIN for a message that already timed out is refused
reader.connect();

const idle = setInterval(() => {
  if (busy > 0 || Date.now() - lastActivityAt < IDLE_STOP_MS) return;
  clearInterval(idle);
  reader.close();
  done.close();
}, 200);
