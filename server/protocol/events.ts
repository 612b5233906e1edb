import type { BrokerStatus } from './brokers';

/** Every acknowledgement carries either data or a human-readable error. */
export type Ack<T> = { data: T } | { error: string };

/** Broadcasts, past tense or state snapshots. */
export interface ServerToClientEvents {
  'brokers:status': (statuses: BrokerStatus[]) => void;
}

/** Requests, imperative. Every handler validates its payload and acks. */
export interface ClientToServerEvents {
  'brokers:refresh': (ack: (res: Ack<BrokerStatus[]>) => void) => void;
}
