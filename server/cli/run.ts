import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BROKERS, type Broker } from '../protocol/brokers';
import { MAX_RUN_SECONDS, SCRIPT_NAME } from '../protocol/run';
import { faultTargetsScript, parseFault, type FaultSpec } from '../runner/faults/faultSpec';
import { scheduleFaults } from '../runner/faults/scheduleFaults';
import type { Run } from '../runner/run';
import { startRun } from '../runner/startRun';
import { UsageError, type Command } from './command';
import { formatTraceEvent } from './formatTraceEvent';

const USAGE = `Usage:
  mqlab run --broker <${BROKERS.join('|')}> [--seconds N] [--json] [--fault <at>:<kind>:<target>]... <file.ts>...

Runs the files as one playground run: each in its own sandbox, against the real broker,
traced. The run ends when every script has exited, after --seconds (default 60), or on Ctrl-C.
  --json    print one JSON trace event per line (schema: docs/trace-events.md)
  --fault   inject a fault at a time after the start, repeatable: 3s:kill:consumer.ts,
            1500ms:restart:worker.ts, 2s:pause:c.ts, 4s:resume:c.ts, 2s:slow:c.ts,
            2s:drop:producer.ts (its broker connections), 2s:poison:orders, 3s:duplicate:orders
Exit code: 0 when the run took place (whatever the scripts did), 1 if it could not start.
Needs root and the sandbox tools: scripts/install-sandbox.sh.`;

export const runCommand: Command = {
  name: 'run',
  summary: 'Run producer/consumer scripts in the sandbox against a real broker, traced',
  usage: USAGE,
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        broker: { type: 'string' },
        seconds: { type: 'string' },
        json: { type: 'boolean', default: false },
        fault: { type: 'string', multiple: true, default: [] },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    const broker = values.broker as Broker | undefined;
    if (!broker || !(BROKERS as readonly string[]).includes(broker))
      throw new UsageError('--broker must be one of ' + BROKERS.join(', '));
    const seconds = values.seconds === undefined ? undefined : Number(values.seconds);
    if (
      seconds !== undefined &&
      !(Number.isInteger(seconds) && seconds >= 1 && seconds <= MAX_RUN_SECONDS)
    ) {
      throw new UsageError(`--seconds must be a whole number from 1 to ${MAX_RUN_SECONDS}`);
    }
    if (positionals.length === 0) throw new UsageError('give at least one script file');
    const files = positionals.map(readScript);
    const faults = (values.fault ?? []).map((text) => readFault(text, files));
    const run = await startRun({ broker, files, seconds });
    const startedAt = run.trace.all().find((e) => e.type === 'run-start')?.ts ?? Date.now();
    scheduleFaults(run, faults, startedAt, 'cli');
    return follow(run, values.json);
  },
};

function readScript(file: string) {
  const name = path.basename(file);
  if (!SCRIPT_NAME.test(name))
    throw new UsageError(`${file}: script names look like consumer.ts (letters, digits, - and _)`);
  if (!fs.existsSync(file)) throw new UsageError(`${file}: no such file`);
  return { name, source: fs.readFileSync(file, 'utf8') };
}

function readFault(text: string, files: { name: string }[]): FaultSpec {
  let fault: FaultSpec;
  try {
    fault = parseFault(text);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (faultTargetsScript(fault) && !files.some((f) => f.name === fault.target)) {
    throw new UsageError(
      `fault "${text}": ${fault.target} is not one of the files (${files.map((f) => f.name).join(', ')})`,
    );
  }
  return fault;
}

async function follow(run: Run, json: boolean): Promise<number> {
  // Ctrl-C ends the run properly: scripts killed, broker entities deleted, run-end printed.
  const interrupt = () => void run.stop('stopped', 'interrupted (Ctrl-C)');
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);
  try {
    for await (const event of run.trace) {
      const line = json ? JSON.stringify(event) : formatTraceEvent(event);
      if (line) process.stdout.write(line + '\n');
    }
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }
  return 0;
}
