/**
 * Security suite, Kafka part (abuse case 18 of docs/threat-model.md on Kafka): a script that
 * bypasses the wrapper and speaks Kafka itself meets the broker's SASL/PLAIN check and the
 * run's ACLs, and reaches nothing of another run.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { serverKafka } from '../../server/brokers/kafka/adminClient';
import type { TraceEvent } from '../../server/protocol/trace';
import { startRun } from '../../server/runner/startRun';
import { KEEP_TOPIC, STEAL_TOPIC } from './fixtures/abuseKafka';
import { output, runToEnd } from './helpers';

describe('security: Kafka accounts', () => {
  it("18. a run cannot reach another run's topics or groups, not even speaking Kafka itself", async () => {
    const owner = await startRun({
      broker: 'kafka',
      files: [{ name: 'main.ts', source: KEEP_TOPIC }],
      seconds: 120,
    });
    const ownerEvents: TraceEvent[] = [];
    let kept!: () => void;
    const secretKept = new Promise<void>((resolve) => (kept = resolve));
    const reading = (async () => {
      for await (const e of owner.trace) {
        ownerEvents.push(e);
        if (e.type === 'log' && e.text === 'secret kept') kept();
      }
      kept(); // ended early: the assertions below say why
    })();
    try {
      await secretKept;
      assert.match(output(ownerEvents, 'main.ts'), /secret kept/);

      const thief = await runToEnd('kafka', { 'main.ts': STEAL_TOPIC(owner.id) }, { seconds: 90 });
      const text = output(thief.events, 'main.ts');
      assert.match(text, /own account run-[0-9a-f]{8}/);
      assert.match(text, /no SASL: DENIED/);
      const saslRefused = 'DENIED KafkaJSSASLAuthenticationError SASL PLAIN authentication failed';
      for (const guess of ['as mqlab, guessed', 'as run A, guessed', 'as run A, own password'])
        assert.ok(text.includes(`${guess}: ${saslRefused}`), `${guess} in:\n${text}`);
      assert.match(text, /own account, list topics: OK 0 of run A's/);
      for (const topicAttempt of ['topic metadata', 'topic offsets', 'read topic', 'write topic'])
        assert.match(
          text,
          new RegExp(
            `own account, ${topicAttempt}: DENIED .*(Not authorized|TOPIC_AUTHORIZATION_FAILED)`,
          ),
        );
      for (const groupAttempt of ['join group', 'group offsets', 'delete group'])
        assert.match(
          text,
          new RegExp(`own account, ${groupAttempt}: DENIED .*Group authorization failed`),
        );
      assert.match(text, /own account, delete topic: DENIED .*Not authorized/);
      assert.match(
        text,
        /own account, create topic: DENIED .*(Not authorized|Topic authorization)/,
      );
      assert.match(text, /own account, grant itself an ACL: DENIED .*Cluster authorization failed/);
      assert.doesNotMatch(text, /STOLEN|classified/);

      // Run A is unaffected: its topic holds its one message, its group only its own member.
      const admin = serverKafka('mqlab-test').admin();
      await admin.connect();
      try {
        const offsets = await admin.fetchTopicOffsets(`mqlab-${owner.id}.secret`);
        assert.deepEqual(
          offsets.map((o) => o.high),
          ['1'],
        );
        const [group] = (await admin.describeGroups([`mqlab-${owner.id}.vault`])).groups;
        assert.equal(group?.members.length, 1);
        assert.ok(!(await admin.listTopics()).includes(`mqlab-${owner.id}.planted`));
      } finally {
        await admin.disconnect();
      }
    } finally {
      // Stopped, not timed out: what it got is checked below.
      await owner.stop();
      await reading;
    }
    assert.deepEqual(
      output(ownerEvents, 'main.ts')
        .split('\n')
        .filter((l) => l.startsWith('owner got')),
      ['owner got classified'],
    );
  });
});
