/**
 * The natural keys a bulk file has used so far, to report a key repeated in a
 * later chunk as DUPLICATE_IN_BATCH. A file of a million records keeps a million
 * keys for its whole load; as a `Set<string>` that is a million heap objects the
 * garbage collector traces on every major collection (and around 60 MB). Here the
 * keys are UTF-16 code units in one growing typed array, found through an
 * open-addressing table of indices: exact (keys are compared in full, never just
 * by hash), a few typed arrays instead of a million objects, about 2 bytes per
 * character plus 16 per key.
 */
export class KeySet {
  /** Open addressing: entry index + 1, 0 = empty; its length is a power of two. */
  private slots = new Int32Array(1 << 12);
  private hashes = new Int32Array(1 << 11);
  private starts = new Int32Array(1 << 11);
  private lengths = new Int32Array(1 << 11);
  private chars = new Uint16Array(1 << 14);
  private used = 0;
  size = 0;

  /** Adds `key`; false if it was already there. */
  add(key: string): boolean {
    const hash = fnv1a(key);
    const mask = this.slots.length - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const slot = this.slots[i]!;
      if (slot === 0) {
        this.insert(i, key, hash);
        return true;
      }
      const entry = slot - 1;
      if (this.hashes[entry] === hash && this.equals(entry, key)) return false;
    }
  }

  has(key: string): boolean {
    const hash = fnv1a(key);
    const mask = this.slots.length - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const slot = this.slots[i]!;
      if (slot === 0) return false;
      const entry = slot - 1;
      if (this.hashes[entry] === hash && this.equals(entry, key)) return true;
    }
  }

  private equals(entry: number, key: string): boolean {
    const length = this.lengths[entry]!;
    if (length !== key.length) return false;
    const start = this.starts[entry]!;
    for (let c = 0; c < length; c++) if (this.chars[start + c] !== key.charCodeAt(c)) return false;
    return true;
  }

  private insert(slot: number, key: string, hash: number): void {
    const entry = this.size;
    if (entry === this.hashes.length) {
      this.hashes = grow(this.hashes, entry * 2);
      this.starts = grow(this.starts, entry * 2);
      this.lengths = grow(this.lengths, entry * 2);
    }
    if (this.used + key.length > this.chars.length)
      this.chars = grow(this.chars, Math.max(this.chars.length * 2, this.used + key.length));
    for (let c = 0; c < key.length; c++) this.chars[this.used + c] = key.charCodeAt(c);
    this.hashes[entry] = hash;
    this.starts[entry] = this.used;
    this.lengths[entry] = key.length;
    this.used += key.length;
    this.slots[slot] = entry + 1;
    this.size++;
    // Keep the table at most half full, so probes stay short.
    if (this.size * 2 > this.slots.length) this.rehash(this.slots.length * 2);
  }

  private rehash(capacity: number): void {
    const slots = new Int32Array(capacity);
    const mask = capacity - 1;
    for (let entry = 0; entry < this.size; entry++) {
      let i = this.hashes[entry]! & mask;
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = entry + 1;
    }
    this.slots = slots;
  }
}

function grow<T extends Int32Array | Uint16Array>(array: T, length: number): T {
  const next = new (array.constructor as new (n: number) => T)(length);
  next.set(array);
  return next;
}

/** 32-bit FNV-1a over the UTF-16 code units, as a non-negative int. */
function fnv1a(key: string): number {
  let h = 0x811c9dc5;
  for (let c = 0; c < key.length; c++) {
    h ^= key.charCodeAt(c);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 1;
}
