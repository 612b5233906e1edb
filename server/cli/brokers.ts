import { parseArgs } from 'node:util';
import { BROKER_LABELS, BROKERS, type Broker } from '../protocol/brokers';
import { brokersDown, brokersMode, brokersUp } from '../brokers/compose';
import { probeBrokers, type BrokerStatus } from '../brokers/probe';
import { upPostgres, downPostgres, type ServiceOutcome } from '../db/localPostgres';
import { probePostgres } from '../db/adminClient';
import { UsageError, type Command } from './command';

const USAGE = `Usage:
  mqlab brokers up [broker...]       install what is missing and start brokers (default: all,
                                     plus the exercises' PostgreSQL database)
  mqlab brokers down [broker...]     stop brokers that mqlab started (default: all, and the database)
  mqlab brokers status [--json]      probe every broker with a real client

Brokers: ${BROKERS.join(', ')}
Local processes keep everything under .mqlab/ (logs in .mqlab/logs/<broker>.log).
With a Docker engine, docker-compose.yml is used instead; MQLAB_BROKERS=local|compose forces one.`;

export const brokersCommand: Command = {
  name: 'brokers',
  summary: 'Start, stop and check RabbitMQ, Kafka, NSQ and Redis',
  usage: USAGE,
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
    });
    const [action, ...names] = positionals;
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    if (values.json && action !== 'status') throw new UsageError('--json only applies to status');
    switch (action) {
      case 'up':
        return up(parseBrokers(names), names.length === 0);
      case 'down':
        return down(parseBrokers(names), names.length === 0);
      case 'status':
        if (names.length > 0) throw new UsageError('status takes no broker names');
        return status(values.json);
      default:
        throw new UsageError(action ? `unknown action "${action}"` : 'missing action');
    }
  },
};

function parseBrokers(names: string[]): Broker[] {
  const unknown = names.filter((n) => !(BROKERS as readonly string[]).includes(n));
  if (unknown.length > 0) throw new UsageError(`unknown broker ${unknown.join(', ')}`);
  // Keep the canonical order and drop duplicates.
  return names.length === 0 ? [...BROKERS] : BROKERS.filter((b) => names.includes(b));
}

async function up(brokers: Broker[], withDatabase: boolean): Promise<number> {
  const mode = brokersMode();
  console.log(`Starting ${brokers.join(', ')} (${mode})…`);
  const outcomes = await brokersUp(brokers, mode);
  for (const o of outcomes) {
    const took = o.result === 'started' ? ` in ${o.seconds.toFixed(1)} s` : '';
    const line = `${BROKER_LABELS[o.broker].padEnd(14)} ${o.result}${took}`;
    if (o.result === 'failed') console.error(`${line}\n${indent(o.detail)}`);
    else console.log(`${line} — ${o.detail}`);
  }
  const database = withDatabase ? await upPostgres() : undefined;
  if (database) printDatabase(database);
  return outcomes.every((o) => o.result !== 'failed') && database?.result !== 'failed' ? 0 : 1;
}

/** The exercises' database is not a broker: it gets its own line, after them. */
function printDatabase(outcome: ServiceOutcome): void {
  const line = `${'PostgreSQL'.padEnd(14)} ${outcome.result}`;
  if (outcome.result === 'failed') console.error(`${line}\n${indent(outcome.detail)}`);
  else console.log(`${line} — ${outcome.detail} (exercises' database)`);
}

async function down(brokers: Broker[], withDatabase: boolean): Promise<number> {
  const outcomes = await brokersDown(brokers);
  for (const o of outcomes)
    console.log(`${BROKER_LABELS[o.broker].padEnd(14)} ${o.result} — ${o.detail}`);
  if (withDatabase) printDatabase(await downPostgres());
  return 0;
}

async function status(json: boolean): Promise<number> {
  const statuses = await probeBrokers();
  if (json) {
    console.log(JSON.stringify(statuses, null, 2));
  } else {
    printTable(statuses);
    const database = await probePostgres();
    console.log(
      `\nExercises' database: PostgreSQL ${database.up ? `up  ${database.detail}` : `DOWN  ${database.detail}`}`,
    );
  }
  return 0;
}

function printTable(statuses: BrokerStatus[]): void {
  const rows = [
    ['BROKER', 'STATE', 'VERSION', 'ENDPOINT', 'DETAIL'],
    ...statuses.map((s) => [
      BROKER_LABELS[s.broker],
      s.up ? 'up' : 'DOWN',
      s.version || '-',
      s.endpoint,
      s.detail,
    ]),
  ];
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((r) => r[col]!.length)));
  for (const row of rows) {
    console.log(
      row
        .map((cell, col) => (col === row.length - 1 ? cell : cell.padEnd(widths[col]!)))
        .join('  '),
    );
  }
  const down = statuses.filter((s) => !s.up);
  if (down.length > 1) console.log('\nStart them all with: npx mqlab brokers up');
}

function indent(text: string): string {
  return text.replace(/^/gm, '    ');
}
