import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Broker } from '../../protocol/brokers';
import type { DownOutcome, UpOutcome } from '../outcomes';
import { probeBroker } from '../probe';
import { installAptPackages, missingAptPackages, tailOfFile } from './install';
import { localKafka } from './kafka';
import type { LocalBroker } from './localBroker';
import { withBrokersLock } from './lock';
import { localNsq } from './nsq';
import { MQLAB_DIR, paths, shown } from './paths';
import { liveGroup, stopGroup } from './processes';
import { localRabbitMq } from './rabbitmq';
import { localRedis } from './redis';

const LOCAL: Record<Broker, LocalBroker> = {
  rabbitmq: localRabbitMq,
  kafka: localKafka,
  nsq: localNsq,
  redis: localRedis,
};

/** Installs what is missing and starts every broker that a real probe finds down, in parallel. */
export function upLocal(brokers: Broker[]): Promise<UpOutcome[]> {
  return withBrokersLock(async () => {
    for (const dir of ['logs', 'run', 'data'])
      fs.mkdirSync(path.join(MQLAB_DIR, dir), { recursive: true });
    const before = await Promise.all(brokers.map((broker) => probeBroker(broker)));
    const toStart = brokers.filter((_, i) => !before[i]!.up);
    // One apt run for every package any broker needs; brokers that need none do not wait for it.
    const missing = missingAptPackages(toStart.flatMap((b) => LOCAL[b].aptPackages));
    const apt = installAptPackages(missing, paths.logFile('apt'));
    apt.catch(() => {});
    return Promise.all(
      brokers.map((broker, i) => {
        const status = before[i]!;
        if (status.up) {
          return { broker, result: 'already up', seconds: 0, detail: status.detail } as UpOutcome;
        }
        const needsApt = LOCAL[broker].aptPackages.some((pkg) => missing.includes(pkg));
        return startBroker(LOCAL[broker], needsApt ? apt : Promise.resolve());
      }),
    );
  });
}

/** Stops exactly the processes recorded in .mqlab/run for these brokers. */
export function downLocal(brokers: Broker[]): Promise<DownOutcome[]> {
  return withBrokersLock(() => Promise.all(brokers.map((broker) => stopBroker(LOCAL[broker]))));
}

async function startBroker(local: LocalBroker, aptDone: Promise<void>): Promise<UpOutcome> {
  const started = performance.now();
  const seconds = () => Math.round((performance.now() - started) / 100) / 10;
  const logFile = paths.logFile(local.broker);
  try {
    // Down but with live processes means a hung or half-started broker: replace it.
    await stopProcesses(local);
    fs.writeFileSync(
      logFile,
      `=== mqlab brokers up ${local.broker} at ${new Date().toISOString()} ===\n`,
    );
    await aptDone;
    await local.install(logFile);
    await local.start(logFile);
    await waitUntilReady(local);
    const status = await probeBroker(local.broker);
    return { broker: local.broker, result: 'started', seconds: seconds(), detail: status.detail };
  } catch (err) {
    await stopProcesses(local);
    const reason = err instanceof Error ? err.message : String(err);
    const tail = `--- last 20 lines of ${shown(logFile)} ---\n${tailOfFile(logFile, 20)}`;
    return {
      broker: local.broker,
      result: 'failed',
      seconds: seconds(),
      detail: `${reason}\n${tail}`,
    };
  }
}

async function waitUntilReady(local: LocalBroker): Promise<void> {
  const deadline = Date.now() + local.startTimeoutMs;
  for (;;) {
    if (await local.ready()) return;
    const running = local.processes.filter((p) => liveGroup(p.name, p.marker) !== undefined);
    if (running.length === 0) throw new Error(`${local.broker} exited during startup`);
    if (Date.now() > deadline) {
      throw new Error(`${local.broker} was not ready after ${local.startTimeoutMs / 1000} s`);
    }
    await sleep(250);
  }
}

async function stopBroker(local: LocalBroker): Promise<DownOutcome> {
  const outcomes = await stopProcesses(local);
  const stopped = outcomes.filter(({ outcome }) => outcome !== 'not running');
  if (stopped.length > 0) {
    const what = stopped.map(({ name, outcome }) => `${name} ${outcome}`).join(', ');
    return { broker: local.broker, result: 'stopped', detail: what };
  }
  const status = await probeBroker(local.broker);
  const detail = status.up
    ? `still answers on ${status.endpoint}, but mqlab did not start it (no pid file), so it was left alone`
    : 'no pid file in .mqlab/run';
  return { broker: local.broker, result: 'not running', detail };
}

/** In the broker's stop order; each group gets its grace period before SIGKILL. */
async function stopProcesses(local: LocalBroker) {
  const outcomes = [];
  for (const { name, marker } of local.processes) {
    outcomes.push({ name, outcome: await stopGroup(name, marker, local.stopGraceMs) });
  }
  return outcomes;
}
