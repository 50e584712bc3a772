/** A map from a key to the list of values filed under it. */
export type MultiMap<K, V> = Map<K, V[]>;

/** Files `value` under `key`, starting the key's list when it has none (one value: no array per call). */
export function pushTo<K, V>(map: MultiMap<K, V>, key: K, value: V): void {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
}

/** Counts one more under `key` (a multiset: how many values a multimap would hold, without holding them). */
export function countUp<K>(counts: Map<K, number>, key: K): void {
    counts.set(key, (counts.get(key) ?? 0) + 1);
}
