'use client';

import { useState } from 'react';
import type { AnomalyEntry, FlowModel } from '@/components/flow/flowModel';

/**
 * What links a run's panels: an anomaly or a message picked in one lights up its path in the
 * graph (`highlight`); picking shows the graph or the inspector through `show`.
 */
export function useRunSelection(
  model: FlowModel | undefined,
  show: { graph: () => void; inspector: () => void },
) {
  const [anomaly, setAnomaly] = useState<AnomalyEntry>();
  const [message, setMessage] = useState<string>();
  const highlight = !model
    ? undefined
    : anomaly
      ? model.pathOf([anomaly.msgId, ...anomaly.relatedMsgIds])
      : message
        ? model.pathOf([message])
        : undefined;
  return {
    anomaly,
    message,
    highlight,
    inspect(msgId: string) {
      setAnomaly(undefined);
      setMessage(msgId);
      show.inspector();
    },
    pickAnomaly(a: AnomalyEntry | undefined) {
      setMessage(undefined);
      setAnomaly(a);
      if (a) show.graph();
    },
  };
}
