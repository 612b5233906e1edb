import amqp from 'amqplib';

const WORK_MS = 900; // how long one task takes on this worker
const conn = await amqp.connect('amqp://localhost');
const ch = await conn.createChannel();
await ch.assertQueue('tasks', { durable: true });
// At most one unacknowledged task at a time: the next one goes to whoever is free.
// Try prefetch(10): the broker then pushes tasks to this worker whether it is busy or not.
await ch.prefetch(1);

let done = 0;
let inFlight = 0;
let idle = setTimeout(stop, 6_000); // nothing for a while: the queue is drained
async function stop() {
  console.log(`worker-slow finished ${done} tasks`);
  await conn.close();
}

await ch.consume('tasks', (msg) => {
  if (!msg) return;
  clearTimeout(idle);
  inFlight++;
  const task = JSON.parse(msg.content.toString()) as { id: string };
  setTimeout(() => {
    ch.ack(msg); // ack after the work: if we crash first, the task goes to the other worker
    console.log(`worker-slow did ${task.id}`);
    done++;
    if (--inFlight === 0) idle = setTimeout(stop, 2_000);
  }, WORK_MS);
});
