import type { Broker } from '../protocol/brokers';

/** What `mqlab brokers up` did for one broker. */
export interface UpOutcome {
  broker: Broker;
  result: 'started' | 'already up' | 'failed';
  seconds: number;
  /** For failures: the reason, then the tail of the broker's log. */
  detail: string;
}

/** What `mqlab brokers down` did for one broker. */
export interface DownOutcome {
  broker: Broker;
  result: 'stopped' | 'not running';
  detail: string;
}
