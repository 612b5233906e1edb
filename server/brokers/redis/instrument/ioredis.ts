/**
 * What `import Redis from 'ioredis'` gives a learner's script in the playground: the real
 * ioredis, connected as the run's own ACL user whatever address the learner wrote, with every
 * key under the run's prefix (ioredis' keyPrefix; replies naming streams are mapped back) and
 * the Streams commands traced (streamCommands.ts).
 */
import * as real from 'ioredis';
import type { RedisOptions } from 'ioredis';
import { byteLength } from '../../../runner/inside/payload.ts';
import { runConfig } from '../../../runner/inside/runConfig.ts';
import { StreamCommands } from './streamCommands.ts';

interface RedisConnection {
  host: string;
  port: number;
  username: string;
  password: string;
}

const RealRedis = real.Redis;
const traced = new WeakSet<object>();
const target = runConfig.connection as unknown as RedisConnection;
const prefix = runConfig.prefix;
let connections = 0;

type RawCommand = { name: string; args: (string | Buffer | number)[]; promise: Promise<unknown> };

export class Redis extends RealRedis {
  constructor(...args: unknown[]) {
    if (runConfig.broker !== 'redis')
      throw new Error(`this run is for ${runConfig.broker}: ioredis has no broker to talk to`);
    if (++connections > runConfig.limits.connections) {
      throw new RangeError(
        `MQ Lab allows ${runConfig.limits.connections} Redis connections per script in the playground`,
      );
    }
    super(...(args as []));
  }

  sendCommand(command: never, stream?: never): unknown {
    const raw = command as unknown as RawCommand;
    const name = raw.name.toLowerCase();
    // Commands queued while connecting are sent through here a second time: trace them once.
    if (name.startsWith('x') && !traced.has(raw)) {
      traced.add(raw);
      if (
        name === 'xadd' &&
        raw.args.some(
          (a) => byteLength(typeof a === 'number' ? String(a) : a) > runConfig.limits.messageBytes,
        )
      ) {
        throw new RangeError(
          `MQ Lab limits messages to ${runConfig.limits.messageBytes} bytes in the playground`,
        );
      }
      streams.beforeSend(name, raw.args);
      // Attached before the learner's own await, so the learner sees the mapped-back reply.
      raw.promise.then(
        (reply) => {
          streams.afterReply(name, raw.args, reply);
          unprefixStreamReply(name, reply);
        },
        () => {},
      );
    }
    return super.sendCommand(command, stream);
  }
}

type Internals = {
  parseOptions(...args: unknown[]): void;
  duplicate(override?: Partial<RedisOptions>): unknown;
};
const proto = Redis.prototype as unknown as Internals;
const realParseOptions = (RealRedis.prototype as unknown as Internals).parseOptions;

/** ioredis parses (port, host, url, options…) in its constructor; the run's address and account win. */
proto.parseOptions = function (this: Redis, ...args: unknown[]) {
  realParseOptions.apply(this, args);
  const options = this.options as RedisOptions & Record<string, unknown>;
  const own = typeof options.keyPrefix === 'string' ? options.keyPrefix : '';
  Object.assign(options, {
    host: target.host,
    port: target.port,
    username: target.username,
    password: target.password,
    db: 0,
    path: undefined,
    tls: undefined,
    sentinels: undefined,
    Connector: undefined,
    keyPrefix: prefix + (own.startsWith(prefix) ? own.slice(prefix.length) : own),
  });
};

/** The real duplicate() would build an untraced client. */
proto.duplicate = function (this: Redis, override?: Partial<RedisOptions>) {
  return new Redis({ ...this.options, ...(override ?? {}) });
};

const unprefix = (key: string) => (key.startsWith(prefix) ? key.slice(prefix.length) : key);
const streams = new StreamCommands(unprefix);

/** XREAD / XREADGROUP name their streams in the reply: show the learner its own names. */
function unprefixStreamReply(name: string, reply: unknown) {
  if ((name !== 'xread' && name !== 'xreadgroup') || !Array.isArray(reply)) return;
  for (const stream of reply as unknown[][]) {
    if (Array.isArray(stream) && typeof stream[0] === 'string') stream[0] = unprefix(stream[0]);
    else if (Array.isArray(stream) && Buffer.isBuffer(stream[0]))
      stream[0] = Buffer.from(unprefix(stream[0].toString()));
  }
}

export const { Cluster, Command, Pipeline, ReplyError } = real;
export type { RedisOptions };
export default Redis;
