import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connect, type Channel, type ChannelModel, type ConsumeMessage } from 'amqplib';
import { RABBITMQ } from '../../server/brokers/endpoints';
import { requireBroker, uniqueName, within } from './helpers';

describe('RabbitMQ (real broker)', () => {
  let connection: ChannelModel;
  let channel: Channel;

  before(async () => {
    await requireBroker('rabbitmq');
    connection = await connect(RABBITMQ.url);
    channel = await connection.createChannel();
  });

  after(async () => {
    await connection?.close();
  });

  it('delivers a published message to a consumer', async () => {
    const queue = uniqueName('basic');
    // Durable: RabbitMQ 4.x (compose) rejects transient non-exclusive queues.
    await channel.assertQueue(queue, { durable: true });
    try {
      channel.sendToQueue(queue, Buffer.from('hello'));
      const message = await nextMessage(channel, queue, { ack: true });
      assert.equal(message.content.toString(), 'hello');
    } finally {
      await channel.deleteQueue(queue);
    }
  });

  it('dead-letters a nack(requeue=false) with x-death reason "rejected"', async () => {
    const queue = uniqueName('work');
    const deadLetters = uniqueName('dlq');
    await channel.assertQueue(deadLetters, { durable: true });
    await channel.assertQueue(queue, {
      durable: true,
      arguments: { 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': deadLetters },
    });
    try {
      channel.sendToQueue(queue, Buffer.from('poison'));
      const rejected = await nextMessage(channel, queue, { ack: false });
      channel.nack(rejected, false, false);

      const dead = await nextMessage(channel, deadLetters, { ack: true });
      assert.equal(dead.content.toString(), 'poison');
      const xDeath = dead.properties.headers?.['x-death'] as
        Array<Record<string, unknown>> | undefined;
      assert.equal(xDeath?.[0]?.reason, 'rejected');
      assert.equal(xDeath?.[0]?.queue, queue);
      assert.equal((await channel.checkQueue(queue)).messageCount, 0);
    } finally {
      await channel.deleteQueue(queue);
      await channel.deleteQueue(deadLetters);
    }
  });
});

/** Consumes exactly one message, then cancels; with ack=false the caller settles it. */
async function nextMessage(channel: Channel, queue: string, { ack }: { ack: boolean }) {
  let consumerTag: string | undefined;
  const received = new Promise<ConsumeMessage>((resolve, reject) => {
    channel
      .consume(
        queue,
        (message) => {
          // null means the queue was deleted under the consumer.
          if (message === null) return reject(new Error(`consumer of ${queue} was cancelled`));
          if (ack) channel.ack(message);
          resolve(message);
        },
        { noAck: false },
      )
      .then((reply) => (consumerTag = reply.consumerTag), reject);
  });
  try {
    return await within(5000, `a message on ${queue}`, received);
  } finally {
    if (consumerTag) await channel.cancel(consumerTag);
  }
}
