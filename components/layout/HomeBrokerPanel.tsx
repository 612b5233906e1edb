'use client';

import { useTranslations } from 'next-intl';
import { useBrokerStatus } from '@/components/realtime/useBrokerStatus';
import BrokerStatusList from './BrokerStatusList';

export default function HomeBrokerPanel() {
  const t = useTranslations('brokers');
  const { connected, statuses } = useBrokerStatus();
  if (!statuses)
    return (
      <p className="text-sm text-slate-500">{connected ? t('checking') : t('disconnected')}</p>
    );
  return <BrokerStatusList statuses={statuses} />;
}
