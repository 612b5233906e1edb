import type { Broker } from '../../protocol/brokers';

/** One process a local broker runs; `marker` must appear in its command line (guards pid reuse). */
export interface ManagedProcess {
  name: string;
  marker: string;
}

/** Same shape for every broker, so a fifth broker is one more file implementing this. */
export interface LocalBroker {
  broker: Broker;
  /** Debian packages it needs; installed together for all brokers in one apt run. */
  aptPackages: string[];
  /** Fetches or builds anything else it needs, only when missing. */
  install(logFile: string): Promise<void>;
  /** Spawns its processes (recording pid files); does not wait for readiness. */
  start(logFile: string): Promise<void>;
  /** Real client checks, true once learners can use it. */
  ready(): Promise<boolean>;
  /** In stop order. */
  processes: ManagedProcess[];
  startTimeoutMs: number;
  /** How long SIGTERM gets before SIGKILL. */
  stopGraceMs: number;
}
