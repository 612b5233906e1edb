import { deno } from './denoApi.ts';

/** What the supervisor tells the sandbox runtime about this script's run (env MQLAB_RUN). */
export interface RunConfig {
  runId: string;
  /** The learner's file name, e.g. `consumer.ts`. */
  script: string;
  /** Unique per process start (a restarted script gets a new one); prefixes message ids. */
  tag: string;
  broker: string;
  /** Prefix that namespaces the run's names on brokers without per-run isolation. */
  prefix: string;
  /** Where and as whom the wrappers connect, whatever host the learner wrote. */
  connection: Record<string, unknown>;
  limits: { messageBytes: number; entities: number; connections: number };
}

function readConfig(): RunConfig {
  const raw = deno.env.get('MQLAB_RUN');
  // Removed before the learner's module runs: its environment then holds nothing of ours.
  deno.env.delete('MQLAB_RUN');
  if (!raw) throw new Error('MQ Lab sandbox: MQLAB_RUN is missing');
  return JSON.parse(raw) as RunConfig;
}

export const runConfig: RunConfig = readConfig();
