import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BROKERS, type Broker } from '../protocol/brokers';
import { MAX_RUN_SECONDS, SCRIPT_NAME } from '../protocol/run';
import type { Run } from '../runner/run';
import { startRun } from '../runner/startRun';
import { UsageError, type Command } from './command';
import { formatTraceEvent } from './formatTraceEvent';

const USAGE = `Usage:
  mqlab run --broker <${BROKERS.join('|')}> [--seconds N] [--json] <file.ts>...

Runs the files as one playground run: each in its own sandbox, against the real broker,
traced. The run ends when every script has exited, after --seconds (default 60), or on Ctrl-C.
  --json   print one JSON trace event per line (schema: docs/trace-events.md)
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
    const run = await startRun({ broker, files, seconds });
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
