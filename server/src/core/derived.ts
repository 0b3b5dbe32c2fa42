/**
 * Values derived from brand-file objects (an entry, a list of entries), computed once per object and read
 * back by later checks: a brand serves many documents, and patterns or word sets rebuilt per document or
 * per mention showed in profiles of the 5 KB press release.
 *
 * Contract: `inputs` lists everything the value is derived from. It is compared with what the held value
 * was derived from (===, element by element) on every read, so an object changed in place is derived
 * again, never read stale.
 */
export type DerivedCache<K extends object, V> = WeakMap<K, { inputs: readonly unknown[]; value: V }>;

export function derived<K extends object, V>(cache: DerivedCache<K, V>, key: K, inputs: readonly unknown[], derive: () => V): V {
  const held = cache.get(key);
  if (held && held.inputs.length === inputs.length && held.inputs.every((x, i) => x === inputs[i])) return held.value;
  const value = derive();
  cache.set(key, { inputs, value });
  return value;
}
