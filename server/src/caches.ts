// The one owner of what the language service keeps between requests: every memo a feature,
// the parser or the framework keeps is made here, so `invalidate()` (LanguageService.invalidate)
// drops all of it in one place. Modules hold only the handle; what it holds lives here.

interface Clearable {
  clear(): void;
}

/** A memo keyed by an object (a framework, a skill, a parsed document): gone with its key, or on invalidate. */
export class WeakMemo<K extends object, V> {
  private map = new WeakMap<K, V>();

  get(key: K): V | undefined {
    return this.map.get(key);
  }

  set(key: K, value: V): this {
    this.map.set(key, value);
    return this;
  }

  clear(): void {
    this.map = new WeakMap();
  }
}

/** Says each problem once (by key) to whoever listens: once per process, or again for a new listener. */
export class OnceReporter<P> {
  private readonly said = new Set<string>();
  private listener: ((problem: P) => void) | undefined;

  listen(fn: ((problem: P) => void) | undefined): void {
    this.listener = fn;
    this.said.clear();
  }

  report(key: string, problem: () => P): void {
    if (this.said.has(key)) return;
    this.said.add(key);
    this.listener?.(problem());
  }

  /** What was said stays said (a bad setting is reported once, not after every change). */
  clear(): void {}
}

/** Ids unique in the process (a kept mention's group must never be given again): not cleared. */
export class IdSource {
  private last = 0;

  next(prefix: string): string {
    return `${prefix}${++this.last}`;
  }

  clear(): void {}
}

/** A value made on first use from what does not change while the process runs (bundled data, a
 *  compiled schema): kept through invalidate, which would only make it again the same. */
export class Lazy<T> {
  private value: T | undefined;

  constructor(private readonly make: () => T) {}

  get(): T {
    return (this.value ??= this.make());
  }

  clear(): void {}
}

/**
 * What the checks found of each item of a document's list (its mentions, its topics) at its last
 * check, for the next version. The parser keeps the objects of the lines an edit did not touch,
 * so the next version's list starts and ends with the same objects: they are matched by identity
 * from each end, with no lookup per item. (A WeakMap keyed by item cost 4 to 5 ms of a fresh
 * check of the 1 MB advert's 7,000 mentions; with one keyed by topic, the bench's pathways
 * peaked 5 to 6 MB higher.)
 */
export class KeptFindings<T extends object, F extends { context: object }> {
  private byUri = new Map<string, { items: readonly T[]; found: F[] }>();

  /** For index i of `items`: what was found last time, if it is the same item checked in this context. */
  reuse(uri: string, items: readonly T[], context: object): (i: number) => F | undefined {
    const last = this.byUri.get(uri);
    if (!last) return () => undefined;
    const before = last.items;
    const most = Math.min(before.length, items.length);
    let front = 0;
    while (front < most && before[front] === items[front]) front++;
    let back = 0;
    while (back < most - front && before[before.length - 1 - back] === items[items.length - 1 - back]) back++;
    const shift = before.length - items.length;
    const backStart = items.length - back;
    return (i) => {
      const found = i < front ? last.found[i] : i >= backStart ? last.found[i + shift] : undefined;
      return found?.context === context ? found : undefined;
    };
  }

  set(uri: string, items: readonly T[], found: F[]): void {
    this.byUri.delete(uri);
    this.byUri.set(uri, { items, found });
    // Open documents are few; a workspace check passes through many, once each: keep the latest.
    if (this.byUri.size > 32) this.byUri.delete(this.byUri.keys().next().value!);
  }

  /** A document closed, or checked once (a closed file of a workspace check): its list goes. */
  forget(uri: string): void {
    this.byUri.delete(uri);
  }

  clear(): void {
    this.byUri = new Map();
  }
}

class Caches {
  private readonly owned: Clearable[] = [];
  private readonly perDocument: { forget(uri: string): void }[] = [];

  /** A memo keyed by objects. */
  weak<K extends object, V>(): WeakMemo<K, V> {
    return this.own(new WeakMemo<K, V>());
  }

  /** A memo keyed by values (strings): the caller bounds its size. */
  map<K, V>(): Map<K, V> {
    return this.own(new Map<K, V>());
  }

  /** Findings of a document's items, kept for its next version (see KeptFindings). */
  kept<T extends object, F extends { context: object }>(): KeptFindings<T, F> {
    const kept = this.own(new KeptFindings<T, F>());
    this.perDocument.push(kept);
    return kept;
  }

  /** Drops what is kept for one document's next version (LanguageService.forget). */
  forgetDocument(uri: string): void {
    for (const kept of this.perDocument) kept.forget(uri);
  }

  /** A value made once per process (see Lazy). */
  once<T>(make: () => T): Lazy<T> {
    return this.own(new Lazy(make));
  }

  own<T extends Clearable>(thing: T): T {
    this.owned.push(thing);
    return thing;
  }

  /** Drops everything kept: after a framework, a setting or a document kind changes. */
  invalidate(): void {
    for (const thing of this.owned) thing.clear();
  }
}

export const caches = new Caches();
