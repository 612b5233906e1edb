/** The newest `capacity` items; `total` still counts every item ever pushed. */
export class RingBuffer<T> {
  private items: T[] = [];
  private start = 0;
  total = 0;
  constructor(readonly capacity: number) {}

  push(item: T): void {
    this.total++;
    if (this.items.length < this.capacity) this.items.push(item);
    else {
      this.items[this.start] = item;
      this.start = (this.start + 1) % this.capacity;
    }
  }

  /** Oldest first. */
  toArray(): T[] {
    return [...this.items.slice(this.start), ...this.items.slice(0, this.start)];
  }

  get size(): number {
    return this.items.length;
  }
}

/**
 * A map that keeps about the newest `capacity` keys: two generations, the older dropped whole when
 * the younger fills half the capacity. O(1) per operation, unlike evicting a Map's oldest key one at
 * a time (a Map iterates over the holes its deletions leave).
 */
export class BoundedMap<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();

  constructor(readonly capacity: number) {}

  get(key: K): V | undefined {
    return this.young.has(key) ? this.young.get(key) : this.old.get(key);
  }

  has(key: K): boolean {
    return this.young.has(key) || this.old.has(key);
  }

  set(key: K, value: V): this {
    this.old.delete(key);
    this.young.set(key, value);
    if (this.young.size >= this.capacity / 2) {
      this.old = this.young;
      this.young = new Map();
    }
    return this;
  }

  get size(): number {
    return this.young.size + this.old.size;
  }

  /** Oldest first. */
  keys(): K[] {
    return [...this.old.keys(), ...this.young.keys()];
  }
}
