import { Redis } from 'ioredis';

const redis = new Redis(); // localhost:6379

for (let i = 1; i <= 10; i++) {
  // '*' lets Redis pick the entry id: <milliseconds>-<sequence>.
  const id = await redis.xadd('greetings', '*', 'text', `hello #${i}`);
  console.log(`XADD hello #${i} -> ${id}`);
  await new Promise((resolve) => setTimeout(resolve, 200));
}
await redis.quit();
