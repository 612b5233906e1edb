import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import type { InjectedMessage } from '../../runner/brokerModule';
import { STAMP } from '../../runner/inside/stampNames';

/**
 * Writes a message into one of the run's topics as the traced kafkajs producer would: the
 * run's prefix on the topic, MQ Lab's stamp in the headers, the key (and, for a duplicate,
 * the partition) of the run's own messages. One producer per run, connected when first needed.
 */
export class KafkaInjector {
  private producer: Promise<Producer> | undefined;

  constructor(
    private readonly kafka: Kafka,
    private readonly prefix: string,
  ) {}

  async inject(message: InjectedMessage): Promise<void> {
    const producer = await this.connect();
    await producer.send({
      topic: this.prefix + message.destination,
      messages: [
        {
          key: message.key,
          value: message.body,
          ...(message.partition !== undefined ? { partition: message.partition } : {}),
          headers: {
            ...message.headers,
            [STAMP.id]: message.msgId,
            [STAMP.seq]: String(message.seq),
            [STAMP.producer]: message.producer,
          },
        },
      ],
    });
  }

  async close(): Promise<void> {
    const producer = await this.producer?.catch(() => undefined);
    this.producer = undefined;
    await producer?.disconnect().catch(() => {});
  }

  private connect(): Promise<Producer> {
    this.producer ??= (async () => {
      const producer = this.kafka.producer({
        createPartitioner: Partitioners.DefaultPartitioner,
        allowAutoTopicCreation: false,
      });
      await producer.connect();
      return producer;
    })().catch((err: Error) => {
      this.producer = undefined;
      throw err;
    });
    return this.producer;
  }
}
