import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import MiniSearch from 'minisearch';
import { tokenize } from '../../components/search/tokenize';

describe('search tokenizer', () => {
  it('keeps Latin words whole and splits Chinese into characters and bigrams', () => {
    assert.deepEqual(tokenize('Kafka 死信'), ['kafka', '死', '死信', '信']);
  });

  it('finds a Chinese phrase inside a longer run and an English word by prefix', () => {
    const index = new MiniSearch({
      fields: ['text'],
      tokenize,
      searchOptions: { prefix: true, combineWith: 'AND' },
    });
    index.addAll([
      { id: 1, text: '消息进入死信队列后如何处理' },
      { id: 2, text: 'Consumer groups share partitions' },
    ]);
    assert.deepEqual(
      index.search('死信').map((r) => r.id),
      [1],
    );
    assert.deepEqual(
      index.search('partit').map((r) => r.id),
      [2],
    );
    assert.deepEqual(
      index.search('队列 rebalance').map((r) => r.id),
      [],
    );
  });
});
