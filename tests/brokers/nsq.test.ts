import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Reader, Writer, type Message } from 'nsqjs';
import { NSQ } from '../../server/brokers/endpoints';
import { nsqAuthSecret, serverNsqSecret } from '../../server/brokers/nsq/auth';
import { requireBroker, uniqueName, within } from './helpers';

describe('NSQ (real broker)', () => {
  let writer: Writer;
  const readers: Reader[] = [];
  const topics: string[] = [];

  before(async () => {
    await requireBroker('nsq');
    writer = new Writer(NSQ.host, NSQ.nsqdTcpPort, { authSecret: serverNsqSecret() });
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
      authSecret: serverNsqSecret(),
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

describe('NSQ authentication (real broker)', () => {
  before(() => requireBroker('nsq'));

  it("the auth service grants exactly what node's runSecret derives (Go and node agree)", async () => {
    const prefix = `${uniqueName('run')}.`;
    const grants = async (secret: string) => {
      const query = new URLSearchParams({ secret, remote_ip: NSQ.host, tls: 'false' });
      const res = await fetch(`${NSQ.authUrl}/auth?${query}`);
      assert.equal(res.status, 200);
      return ((await res.json()) as { authorizations: { topic: string }[] }).authorizations;
    };
    assert.deepEqual(
      (await grants(nsqAuthSecret(prefix))).map((a) => a.topic),
      [`^${prefix.replaceAll('.', '\\.')}`],
    );
    assert.deepEqual(
      (await grants(serverNsqSecret())).map((a) => a.topic),
      ['.*'],
    );
    const forged = nsqAuthSecret(prefix).replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    for (const secret of [forged, `server:${forged.split(':')[1]}`, 'server', ''])
      assert.deepEqual(await grants(secret), [], secret);
  });

  it('nsqd refuses clients without a secret the server issued, and a run outside its prefix', async () => {
    const prefix = `${uniqueName('run')}.`;
    const own = `${prefix}orders`;
    try {
      assert.equal(await publishAs(nsqAuthSecret(prefix), own), 'published');
      assert.match(
        await publishAs(nsqAuthSecret(prefix), `${uniqueName('other')}.orders`),
        /E_UNAUTHORIZED/,
      );
      assert.match(await publishAs(undefined, own), /E_AUTH_FIRST/);
      assert.match(await publishAs(`${prefix}:forged`, own), /E_UNAUTHORIZED/);
    } finally {
      await fetch(`${NSQ.nsqdHttpUrl}/topic/delete?topic=${own}`, { method: 'POST' });
    }
  });
});

/** Connects a Writer with `secret` and publishes once: 'published' or the error nsqd sent. */
async function publishAs(secret: string | undefined, topic: string): Promise<string> {
  const writer = new Writer(NSQ.host, NSQ.nsqdTcpPort, secret ? { authSecret: secret } : {});
  try {
    return await within(
      5000,
      `a publish to ${topic}`,
      new Promise<string>((resolve) => {
        writer.on('error', (err) => resolve(`error: ${err.message}`));
        writer.on('ready', () =>
          writer.publish(topic, 'hello', (err) =>
            resolve(err ? `error: ${err.message}` : 'published'),
          ),
        );
        writer.connect();
      }),
    );
  } finally {
    writer.close();
  }
}
