/**
 * An empty array that V8 already treats as an array of objects. A `[]` starts with the element kind for
 * small integers and changes kind at its first object, so code that reads both such arrays and filled
 * ones meets two shapes at the same site, and an optimized function that met only one is thrown away and
 * compiled again when it first meets the other (often thousands of articles into a run).
 */
export function emptyObjectArray<T extends object>(): T[] {
  return [null as unknown as T].slice(1);
}
