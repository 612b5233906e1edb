/**
 * What `import amqp from 'amqplib'` gives a learner's script in the playground: the real
 * amqplib, connected to the run's own virtual host whatever URL the learner wrote, with
 * every channel traced (see traceChannel.ts).
 */
import * as real from 'amqplib';
import type { Channel, ChannelModel, Options } from 'amqplib';
import { runConfig } from '../../../runner/inside/runConfig.ts';
import { DeadLetterTap } from './deadLetterTap.ts';
import { traceChannel } from './traceChannel.ts';

interface RabbitConnection {
  hostname: string;
  port: number;
  username: string;
  password: string;
  vhost: string;
}

const target = runConfig.connection as unknown as RabbitConnection;
let connections = 0;

export async function connect(
  url?: string | Options.Connect,
  socketOptions?: Record<string, unknown>,
): Promise<ChannelModel> {
  if (runConfig.broker !== 'rabbitmq')
    throw new Error(`this run is for ${runConfig.broker}: amqplib has no broker to talk to`);
  if (++connections > runConfig.limits.connections) {
    throw new RangeError(
      `MQ Lab allows ${runConfig.limits.connections} connections per script in the playground`,
    );
  }
  // Credentials in socket options would override ours; recovery would reconnect behind our back.
  const options = { ...socketOptions, credentials: undefined, recovery: undefined };
  const model = await real.connect(runTarget(url), options);
  const createChannel = model.createChannel.bind(model);
  const createConfirmChannel = model.createConfirmChannel.bind(model);
  const tap = new DeadLetterTap(() => createChannel());
  model.createChannel = async (opts) => traceChannel(await createChannel(opts), tap);
  model.createConfirmChannel = async (opts) => traceChannel(await createConfirmChannel(opts), tap);
  return model;
}

/** The run's vhost and account, keeping the tuning the learner asked for (heartbeat, frameMax…). */
function runTarget(url: string | Options.Connect | undefined): Options.Connect {
  const tuning: Options.Connect = {};
  if (typeof url === 'string') {
    try {
      const params = new URL(url).searchParams;
      for (const name of ['heartbeat', 'frameMax', 'channelMax'] as const) {
        const value = params.get(name);
        if (value !== null) tuning[name] = Number(value);
      }
    } catch {
      /* not a URL: connect with defaults */
    }
  } else if (url) {
    const { heartbeat, frameMax, channelMax, locale } = url;
    Object.assign(tuning, { heartbeat, frameMax, channelMax, locale });
  }
  const clean = Object.fromEntries(Object.entries(tuning).filter(([, v]) => v !== undefined));
  return { protocol: 'amqp', ...clean, ...target };
}

export const credentials = real.credentials;
export const IllegalOperationError = real.IllegalOperationError;
export type { Channel, ChannelModel };
const amqplib = { connect, credentials, IllegalOperationError };
export default amqplib;
