import { runConfig } from '../../../runner/inside/runConfig.ts';

/** The run's namespace on Kafka: the only names its account's ACLs allow. */
const prefix = runConfig.prefix;

export const prefixed = (name: string) => prefix + name;
export const unprefixed = (name: string) =>
  name.startsWith(prefix) ? name.slice(prefix.length) : name;
export const isOwn = (name: string) => name.startsWith(prefix);

/** A learner's topic pattern (RegExp), confined to the run's prefix. */
export function prefixedPattern(pattern: RegExp): RegExp {
  const source = pattern.source.startsWith('^') ? pattern.source.slice(1) : `.*${pattern.source}`;
  return new RegExp(
    `^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:${source})`,
    pattern.flags,
  );
}

export function prefixedTopic<T extends string | RegExp>(topic: T): T {
  return (typeof topic === 'string' ? prefixed(topic) : prefixedPattern(topic as RegExp)) as T;
}
