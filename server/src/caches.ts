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

  has(key: K): boolean {
    return this.map.has(key);
  }

  set(key: K, value: V): this {
    this.map.set(key, value);
    return this;
  }

  delete(key: K): boolean {
    return this.map.delete(key);
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

class Caches {
  private readonly owned: Clearable[] = [];

  /** A memo keyed by objects. */
  weak<K extends object, V>(): WeakMemo<K, V> {
    return this.own(new WeakMemo<K, V>());
  }

  /** A memo keyed by values (strings): the caller bounds its size. */
  map<K, V>(): Map<K, V> {
    return this.own(new Map<K, V>());
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
