import type { BrokerModule } from '../../runner/brokerModule';
import { NSQ } from '../endpoints';
import { provisionNsqRun } from './provision';
import { sweepNsqRuns } from './sweep';

/** NSQ: isolation by topic prefix, enforced by nsqd's auth service; dead-letter topics read by the server, discards by the wrapper. */
export const nsqModule: BrokerModule = {
  broker: 'nsq',
  // TCP only: lookupd discovery is replaced by the one nsqd, and the HTTP admin API stays closed.
  allowNet: [`${NSQ.host}:${NSQ.nsqdTcpPort}`],
  ports: [NSQ.nsqdTcpPort],
  provision: provisionNsqRun,
  sweep: sweepNsqRuns,
};
