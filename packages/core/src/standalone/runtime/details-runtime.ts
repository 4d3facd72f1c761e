/** The fields of a result that {@link lazyDetails} builds when first read, in the contract's order. */
export type DetailName = 'standards' | 'requirements' | 'aspects' | 'reasons';

/** How each detail is built from what the evaluation kept (`Source`). */
export type DetailBuilders<Source> = { readonly [Name in DetailName]: (source: Source) => unknown };

/**
 * The standalone module's lazy result details, as core's `placeLazyDetails` makes them: the returned
 * function sets `standards`, `requirements`, `aspects` and `reasons` on a result as enumerable accessors
 * that build each on first read and then return that same value, so that `JSON.stringify`,
 * `structuredClone`, `Object.keys`, spreading, deep equality and deep freezing see what an eagerly built
 * result holds, and assigning a field replaces it as it would a data property. What a result keeps until
 * then sits under a symbol of this module only, non-enumerable: no consumer lists, copies or compares it.
 * Self-contained: the generator embeds its source text in the module.
 *
 * @example
 * ```ts
 * const place = lazyDetails({ standards, requirements, aspects, reasons });
 * place(result, { values, outcomes });
 * result.standards; // built now
 * ```
 */
export function lazyDetails<Source>(builders: DetailBuilders<Source>) {
  // An own property rather than a private field, so that the accessors find it through whatever `this`
  // they get: the result, an object inheriting from it, or a Proxy passing itself as the receiver (Vue's
  // `reactive`). Non-writable and non-configurable, so a Proxy's get trap must return this very object,
  // which its `Symbol.toStringTag` makes no plain object to Vue: it returns it as is, not a reactive copy.
  const pendingKey = Symbol('sunshine-rubric.pendingDetails');
  class Pending {
    standards: unknown = undefined;
    requirements: unknown = undefined;
    aspects: unknown = undefined;
    reasons: unknown = undefined;
    constructor(readonly source: Source) {}
    get [Symbol.toStringTag]() {
      return 'PendingDetails';
    }
  }
  const pendingOf = (holder: unknown): Pending => {
    const pending =
      typeof holder === 'object' && holder !== null
        ? (holder as { [pendingKey]?: Pending })[pendingKey]
        : undefined;
    if (pending === undefined)
      throw new TypeError('a result field of evaluate was read from something that is not that result');
    return pending;
  };
  const names: readonly DetailName[] = ['standards', 'requirements', 'aspects', 'reasons'];
  // One frozen accessor pair per field, shared by every result, so that V8 keeps results on one shape.
  const descriptors = names.map((name) =>
    Object.freeze({
      get(this: unknown) {
        const pending = pendingOf(this);
        const built = pending[name];
        // `undefined` only until built: an assigned null stays null, as in a data property.
        if (built !== undefined) return built;
        const value = builders[name](pending.source);
        pending[name] = value;
        return value;
      },
      set(this: unknown, value: unknown) {
        // As assigning a data property would: refused on a frozen result; on an object that merely
        // inherits from a result, a property of its own.
        if (Object.isFrozen(this)) throw new TypeError(`Cannot assign to read only property '${name}'`);
        if (typeof this === 'object' && this !== null && !Object.hasOwn(this, pendingKey))
          Object.defineProperty(this, name, { value, writable: true, enumerable: true, configurable: true });
        else pendingOf(this)[name] = value;
      },
      enumerable: true,
      configurable: true,
    }),
  );
  // One descriptor object for the hidden property, its value set for each result: no object made per call.
  const hidden: PropertyDescriptor = {};
  return (result: object, source: Source): void => {
    hidden.value = new Pending(source);
    Object.defineProperty(result, pendingKey, hidden);
    hidden.value = undefined;
    for (let index = 0; index < 4; index++) Object.defineProperty(result, names[index]!, descriptors[index]!);
  };
}

/** The function {@link lazyDetails} returns. */
export type PlaceDetails<Source> = ReturnType<typeof lazyDetails<Source>>;
