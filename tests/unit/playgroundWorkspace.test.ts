import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clearDraft, draftKey, loadDraft, saveDraft } from '../../components/playground/drafts';
import {
  checkFileName,
  freeFileName,
  normalizeFileName,
} from '../../components/playground/fileNames';
import { decodeShareHash, encodeShareHash } from '../../components/playground/shareLink';
import {
  isPristine,
  workspaceFromSource,
  workspaceReducer,
  type PlaygroundSource,
} from '../../components/playground/workspace';

const source: PlaygroundSource = {
  kind: 'template',
  id: 'rabbitmq-basic',
  broker: 'rabbitmq',
  title: 'Basic',
  open: 'consumer.ts',
  files: [
    { name: 'consumer.ts', source: 'consume();\n' },
    { name: 'producer.ts', source: 'produce();\n' },
  ],
};
const ws = workspaceFromSource(source);

/** localStorage's shape, in memory. */
class MemoryStorage implements Storage {
  private map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
}

describe('workspace reducer', () => {
  it('opens the source file first and the other one beside it', () => {
    assert.equal(ws.active, 'consumer.ts');
    assert.equal(ws.secondary, 'producer.ts');
    assert.ok(isPristine(ws, source));
  });

  it('renames a file everywhere it is open, keeping its text', () => {
    const next = workspaceReducer(ws, { type: 'rename', from: 'consumer.ts', to: 'worker.ts' });
    assert.deepEqual(
      next.files.map((f) => f.name),
      ['worker.ts', 'producer.ts'],
    );
    assert.equal(next.active, 'worker.ts');
    assert.equal(next.files[0]!.source, 'consume();\n');
    assert.ok(!isPristine(next, source));
  });

  it('removes a file, selects its neighbour, and never removes the last one', () => {
    const one = workspaceReducer(ws, { type: 'remove', name: 'consumer.ts' });
    assert.deepEqual(
      one.files.map((f) => f.name),
      ['producer.ts'],
    );
    assert.equal(one.active, 'producer.ts');
    assert.equal(workspaceReducer(one, { type: 'remove', name: 'producer.ts' }), one);
  });

  it('adds a file into the pane that asked for it', () => {
    const next = workspaceReducer(ws, {
      type: 'add',
      pane: 1,
      file: { name: 'consumer-2.ts', source: '' },
    });
    assert.equal(next.secondary, 'consumer-2.ts');
    assert.equal(next.active, 'consumer.ts');
  });
});

describe('file names', () => {
  it('accepts what the runner accepts and says why not otherwise', () => {
    assert.equal(checkFileName('consumer-2.ts', ws.files), undefined);
    assert.equal(checkFileName('my worker.ts', ws.files), 'invalidName');
    assert.equal(checkFileName('a.b.ts', ws.files), 'invalidName'); // the runtime's SCRIPT_NAME has no inner dots
    assert.equal(checkFileName('producer.ts', ws.files), 'duplicateName');
    assert.equal(checkFileName('producer.ts', ws.files, 'producer.ts'), undefined); // renaming to itself
    const eight = Array.from({ length: 8 }, (_, i) => ({ name: `f${i}.ts`, source: '' }));
    assert.equal(checkFileName('f9.ts', eight), 'tooMany');
  });

  it('adds .ts and finds a free name', () => {
    assert.equal(normalizeFileName(' worker '), 'worker.ts');
    assert.equal(freeFileName('consumer', ws.files), 'consumer-2.ts');
    assert.equal(freeFileName('script', ws.files), 'script.ts');
  });
});

describe('share links', () => {
  it('round-trip broker, files and layout through the URL hash', () => {
    const split = {
      ...workspaceReducer(ws, { type: 'layout', layout: 'split' }),
      broker: 'kafka' as const,
    };
    const hash = encodeShareHash(split);
    assert.match(hash, /^#code\/[A-Za-z0-9+\-$]+$/);
    assert.deepEqual(decodeShareHash(hash), split);
  });

  it('tell a damaged link from no link', () => {
    assert.equal(decodeShareHash(''), undefined);
    assert.equal(decodeShareHash('#recap'), undefined);
    assert.equal(decodeShareHash('#code/garbage'), 'invalid');
    assert.equal(decodeShareHash(encodeShareHash(ws).slice(0, 40)), 'invalid');
  });

  it('refuse file names the runner would refuse', () => {
    const bad = { ...ws, files: [{ name: '../etc.ts', source: '' }] };
    assert.equal(decodeShareHash(encodeShareHash(bad)), 'invalid');
  });
});

describe('drafts', () => {
  it('are kept per source and survive a reload', () => {
    const storage = new MemoryStorage();
    const key = draftKey(source);
    const edited = workspaceReducer(ws, {
      type: 'edit',
      name: 'producer.ts',
      source: 'changed();\n',
    });
    assert.ok(saveDraft(storage, key, edited, 1234));
    assert.deepEqual(loadDraft(storage, key), { savedAt: 1234, workspace: edited });
    assert.equal(loadDraft(storage, draftKey({ kind: 'example', id: 'x/y' })), undefined);
    clearDraft(storage, key);
    assert.equal(loadDraft(storage, key), undefined);
  });

  it('drop an unreadable draft instead of failing', () => {
    const storage = new MemoryStorage();
    storage.setItem('k', '{"savedAt":1,"workspace":{"v":1}}');
    assert.equal(loadDraft(storage, 'k'), undefined);
    assert.equal(storage.getItem('k'), null);
  });
});
