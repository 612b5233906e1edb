import { AssignerProtocol, type Admin, type Kafka } from 'kafkajs';
import type { BrokerFigures } from '../../runner/brokerModule';
import { OBSERVER_GROUP } from './observeDeadLetters';

/**
 * The run's topics and consumer groups while it is live, every second, on one admin
 * connection kept for the run:
 * - `topic:<t>`: `messages` (high − low watermark), `partitions`;
 * - `group:<g>/<t>`: `committed` (summed), `lag` (summed), `members` (of the group);
 * - `partition:<g>/<t>/<p>`: `end` (high watermark), `committed` (−1: nothing yet), `lag`.
 * Lag is the broker's own pair: the group's committed offsets (OffsetFetch, admin
 * fetchOffsets) against the partitions' ends (ListOffsets, fetchTopicOffsets). A group is
 * shown for the topics its members are assigned and those it has committed on.
 */
export class KafkaSampler {
  private admin: Promise<Admin> | undefined;

  constructor(
    private readonly kafka: Kafka,
    private readonly prefix: string,
  ) {}

  async sample(): Promise<BrokerFigures> {
    const admin = await this.connect();
    const own = (name: string) => name.slice(this.prefix.length);
    const figures: BrokerFigures = {};
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(this.prefix));
    const ends = new Map<string, Map<number, number>>();
    for (const topic of topics) {
      const offsets = await admin.fetchTopicOffsets(topic);
      ends.set(topic, new Map(offsets.map((o) => [o.partition, Number(o.high)])));
      figures[`topic:${own(topic)}`] = {
        messages: offsets.reduce((n, o) => n + Number(o.high) - Number(o.low), 0),
        partitions: offsets.length,
      };
    }
    const groupIds = (await admin.listGroups()).groups
      .map((g) => g.groupId)
      .filter((g) => g.startsWith(this.prefix) && !g.includes(OBSERVER_GROUP));
    if (groupIds.length === 0 || topics.length === 0) return figures;
    const described = await admin.describeGroups(groupIds);
    for (const group of described.groups) {
      const assigned = new Set<string>();
      for (const member of group.members) {
        const decoded = AssignerProtocol.MemberAssignment.decode(member.memberAssignment);
        for (const topic of Object.keys(decoded?.assignment ?? {})) assigned.add(topic);
      }
      for (const { topic, partitions } of await admin.fetchOffsets({
        groupId: group.groupId,
        topics,
      })) {
        if (!assigned.has(topic) && !partitions.some((p) => Number(p.offset) >= 0)) continue;
        const name = `${own(group.groupId)}/${own(topic)}`;
        let committed = 0;
        let lag = 0;
        for (const p of partitions) {
          const end = ends.get(topic)?.get(p.partition) ?? 0;
          const at = Number(p.offset);
          // The ends were read first: a commit made since can pass them. Lag is never below 0.
          const behind = Math.max(0, end - Math.max(0, at));
          committed += Math.max(0, at);
          lag += behind;
          figures[`partition:${name}/${p.partition}`] = { end, committed: at, lag: behind };
        }
        figures[`group:${name}`] = { committed, lag, members: group.members.length };
      }
    }
    return figures;
  }

  async close(): Promise<void> {
    const admin = await this.admin?.catch(() => undefined);
    this.admin = undefined;
    await admin?.disconnect().catch(() => {});
  }

  private connect(): Promise<Admin> {
    this.admin ??= (async () => {
      const admin = this.kafka.admin();
      await admin.connect();
      return admin;
    })().catch((err: Error) => {
      this.admin = undefined;
      throw err;
    });
    return this.admin;
  }
}
