'use client';

import { useEffect, useState } from 'react';
import { useBrokerStatus } from '@/components/realtime/useBrokerStatus';
import type { Broker, BrokerStatus } from '@/server/protocol/brokers';

/** How long a fresh page waits for the socket before it calls the server unreachable. */
const CONNECT_GRACE_MS = 4000;

/**
 * Whether checking can work from here: the server reachable, and the exercise's broker up
 * (as the server's own probe last saw it). `down` only after a grace period, so a page that
 * is still connecting does not flash a warning.
 */
export function useServerReach(broker: Broker): {
  serverDown: boolean;
  brokerDown: BrokerStatus | undefined;
} {
  const { connected, statuses } = useBrokerStatus();
  const [patient, setPatient] = useState(true);
  useEffect(() => {
    const timer = setTimeout(() => setPatient(false), CONNECT_GRACE_MS);
    return () => clearTimeout(timer);
  }, []);
  const status = statuses?.find((s) => s.broker === broker);
  return {
    serverDown: !connected && !patient,
    brokerDown: connected && status && !status.up ? status : undefined,
  };
}
