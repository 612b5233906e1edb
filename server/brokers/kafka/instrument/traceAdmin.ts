import type { Admin, ITopicConfig } from 'kafkajs';
import { runConfig } from '../../../runner/inside/runConfig.ts';
import { emit } from '../../../runner/inside/traceWriter.ts';
import { isOwn, prefixed, unprefixed } from './topicNames.ts';

const MAX_PARTITIONS = 16;
let topicsCreated = 0;

/**
 * The admin client, confined to the run: topic and group names are prefixed on the way in
 * and listed / mapped back on the way out; other runs' topics and groups are not shown.
 */
export function traceAdmin(admin: Admin): Admin {
  const a = bindAll(admin);
  admin.createTopics = async (options) => {
    for (const t of options.topics) {
      if ((t.numPartitions ?? 1) > MAX_PARTITIONS)
        throw new RangeError(`MQ Lab allows at most ${MAX_PARTITIONS} partitions per topic`);
    }
    topicsCreated += options.topics.length;
    if (topicsCreated > runConfig.limits.entities)
      throw new RangeError(`MQ Lab allows ${runConfig.limits.entities} topics per script`);
    const created = await a.createTopics({
      ...options,
      topics: options.topics.map((t: ITopicConfig) => ({ ...t, topic: prefixed(t.topic) })),
    });
    for (const t of options.topics)
      emit({
        type: 'declare',
        kind: 'topic',
        name: t.topic,
        ...(t.numPartitions ? { detail: { partitions: t.numPartitions } } : {}),
      });
    return created;
  };
  admin.deleteTopics = (options) =>
    a.deleteTopics({ ...options, topics: options.topics.map(prefixed) });
  admin.listTopics = async () => (await a.listTopics()).filter(isOwn).map(unprefixed);
  admin.fetchTopicMetadata = async (options) => {
    const topics = options?.topics?.map(prefixed) ?? (await a.listTopics()).filter(isOwn);
    const meta = await a.fetchTopicMetadata({ topics });
    return { topics: meta.topics.map((t) => ({ ...t, name: unprefixed(t.name) })) };
  };
  admin.fetchTopicOffsets = (topic) => a.fetchTopicOffsets(prefixed(topic));
  admin.fetchTopicOffsetsByTimestamp = (topic, ts) =>
    a.fetchTopicOffsetsByTimestamp(prefixed(topic), ts);
  admin.fetchOffsets = async (options) => {
    const result = await a.fetchOffsets({
      ...options,
      groupId: prefixed(options.groupId),
      topics: options.topics?.map(prefixed),
    });
    return result.map((r) => ({ ...r, topic: unprefixed(r.topic) }));
  };
  admin.setOffsets = (options) =>
    a.setOffsets({
      ...options,
      groupId: prefixed(options.groupId),
      topic: prefixed(options.topic),
    });
  admin.resetOffsets = (options) =>
    a.resetOffsets({
      ...options,
      groupId: prefixed(options.groupId),
      topic: prefixed(options.topic),
    });
  admin.deleteTopicRecords = (options) =>
    a.deleteTopicRecords({ ...options, topic: prefixed(options.topic) });
  admin.createPartitions = (options) =>
    a.createPartitions({
      ...options,
      topicPartitions: options.topicPartitions.map((t) => ({ ...t, topic: prefixed(t.topic) })),
    });
  admin.listGroups = async () => {
    const { groups } = await a.listGroups();
    return {
      groups: groups
        .filter((g) => isOwn(g.groupId))
        .map((g) => ({ ...g, groupId: unprefixed(g.groupId) })),
    };
  };
  admin.describeGroups = async (ids) => {
    const result = await a.describeGroups(ids.map(prefixed));
    return { groups: result.groups.map((g) => ({ ...g, groupId: unprefixed(g.groupId) })) };
  };
  admin.deleteGroups = async (ids) =>
    (await a.deleteGroups(ids.map(prefixed))).map((r) => ({
      ...r,
      groupId: unprefixed(r.groupId),
    }));
  for (const name of [
    'describeConfigs',
    'alterConfigs',
    'createAcls',
    'deleteAcls',
    'describeAcls',
    'alterPartitionReassignments',
  ] as const) {
    (admin as Record<string, unknown>)[name] = async () => {
      throw new Error(`MQ Lab's playground does not allow admin.${name}()`);
    };
  }
  return admin;
}

function bindAll(admin: Admin): Admin {
  const bound: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(admin))
    bound[k] = typeof v === 'function' ? v.bind(admin) : v;
  return bound as Admin;
}
