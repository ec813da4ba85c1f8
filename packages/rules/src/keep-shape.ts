/**
 * The last instance of each class made anew for every sheet, kept (emptied) once the sheet is
 * checked, so that the JavaScript engine keeps the classes' hidden classes between validations.
 *
 * V8 gives a class's instances a hidden class (a map), reached field by field from the class's
 * initial map, and holds those maps weakly: once a full garbage collection finds no instance
 * left, they go, and so does all the optimized code that was specialised to them. A class made
 * anew for each sheet (the formula reader, the table's end, …) then lost its optimized code at
 * every full collection between two validations — in `pnpm bench`, which collects before each
 * run, every run; in the add-in, a re-validate after a collection — and ran unoptimized until V8
 * optimized it again (docs/performance.md, fifth round). An instance emptied in place keeps its
 * map, and holds nothing of the sheet: its objects are dropped and its texts made empty.
 *
 * Such a class calls {@link keepShape} at the end of its constructor, and the function that checks
 * a sheet calls {@link emptyShapes} when the sheet is done (or {@link emptyShape} on an instance
 * it made and is done with). Only classes whose instances never outlive the check that made
 * them may do so: an emptied instance must never be read again.
 */
const latest = new Map<unknown, object>();

/** Keep `instance` as the last of its class (call it last in the constructor). */
export function keepShape(instance: object): void {
  latest.set(instance.constructor, instance);
}

/** Empty the last instance of every class kept: call it once the sheet is checked. */
export function emptyShapes(): void {
  for (const instance of latest.values()) emptyShape(instance);
}

/**
 * Empty one instance in place: each object field null, each text empty; numbers and flags kept
 * (their representation is part of the map, and they hold nothing of the sheet).
 */
export function emptyShape(instance: object): void {
  const fields = instance as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    if (typeof value === 'string') fields[key] = '';
    else if (typeof value === 'object' && value !== null) fields[key] = null;
  }
}

/** The instances kept: for tests. */
export function keptShapes(): readonly object[] {
  return [...latest.values()];
}
