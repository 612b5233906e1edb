import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Reader, Writer, type Message } from 'nsqjs';
import { NSQ } from '../../server/brokers/endpoints';
import { requireBroker, uniqueName, within } from './helpers';

describe('NSQ (real broker)', () => {
  let writer: Writer;
  const readers: Reader[] = [];
  const topics: string[] = [];

  before(async () => {
    await requireBroker('nsq');
    writer = new Writer(NSQ.host, NSQ.nsqdTcpPort);
    const ready = new Promise<void>((resolve, reject) => {
      writer.once('ready', resolve);
      writer.once('error', reject);
    });
    writer.connect();
    await within(5000, 'the nsqd writer connection', ready);
  });

  after(async () => {
    for (const reader of readers) reader.close();
    writer?.close();
    // Deleting the topic also deletes its channels on nsqd.
    for (const topic of topics) {
      await fetch(`${NSQ.nsqdHttpUrl}/topic/delete?topic=${topic}`, { method: 'POST' });
    }
  });

  function publish(topic: string, body: string): Promise<void> {
    topics.push(topic);
    return new Promise((resolve, reject) =>
      writer.publish(topic, body, (err) => (err ? reject(err) : resolve())),
    );
  }

  /** Connects straight to nsqd (no lookupd polling) so delivery starts at once. */
  function subscribe(topic: string, onMessage: (message: Message) => void): Reader {
    const reader = new Reader(topic, 'tests', {
      nsqdTCPAddresses: [`${NSQ.host}:${NSQ.nsqdTcpPort}`],
      maxAttempts: 5,
    });
    readers.push(reader);
    reader.on('message', onMessage);
    reader.on('error', () => {});
    reader.connect();
    return reader;
  }

  it('delivers a published message to a reader', async () => {
    const topic = uniqueName('topic');
    await publish(topic, 'hello');
    const body = await within(
      5000,
      `a message on ${topic}`,
      new Promise<string>((resolve) =>
        subscribe(topic, (message) => {
          message.finish();
          resolve(message.body.toString());
        }),
      ),
    );
    assert.equal(body, 'hello');
  });

  it('redelivers a requeued message with attempts incremented', async () => {
    const topic = uniqueName('topic');
    await publish(topic, 'retry me');
    const attempts = await within(
      5000,
      `two deliveries on ${topic}`,
      new Promise<number[]>((resolve) => {
        const seen: number[] = [];
        subscribe(topic, (message) => {
          seen.push(message.attempts);
          if (seen.length === 1) return message.requeue(0, false);
          message.finish();
          resolve(seen);
        });
      }),
    );
    assert.deepEqual(attempts, [1, 2]);
  });
});
