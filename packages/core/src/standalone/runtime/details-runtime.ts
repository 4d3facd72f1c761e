/** The fields of a result that {@link lazyDetails} builds when first read, in the contract's order. */
export type DetailName = 'standards' | 'requirements' | 'aspects' | 'reasons';

/** How each detail is built from what the evaluation kept (`Source`). */
export type DetailBuilders<Source> = { readonly [Name in DetailName]: (source: Source) => unknown };

/**
 * A result's hidden details: a detail by name, built on first call and the same value after; given a boxed
 * value (`[value]`), it keeps that one instead (a sealed result's assignment) and returns it.
 */
type Details = (name: DetailName, assigned?: [unknown]) => unknown;

/**
 * The standalone module's lazy result details, as core's `placeLazyDetails` makes them: the returned
 * function sets `standards`, `requirements`, `aspects` and `reasons` on a result as enumerable accessors
 * that build each on first read and then return that same value, so that `JSON.stringify`,
 * `structuredClone`, `Object.keys`, spreading, deep equality and deep freezing see what an eagerly built
 * result holds; assigning a field makes it a data property of the object assigned to, as a data property's
 * assignment would. What a result keeps until then sits under a symbol of this module only,
 * non-enumerable: no consumer lists, copies or compares it. Self-contained: the generator embeds its source
 * text in the module.
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
  // `reactive`). Its value is a closure, which keeps the details where nothing reaches them: its own keys
  // (`length`, `name`) hold no state, so a deep freeze of every own key, symbols included (MDN's
  // `deepFreeze`), reaches nothing of the evaluator's and leaves it building fields; and Vue's `reactive`
  // returns a function as is, as a Proxy's get trap must for a non-writable, non-configurable property.
  const detailsKey = Symbol('sunshine-rubric.resultDetails');
  const detailsOf = (holder: unknown): Details => {
    const details = (holder as { [detailsKey]?: Details } | undefined)?.[detailsKey];
    if (details === undefined)
      throw new TypeError('a result field of evaluate was read from something that is not that result');
    return details;
  };
  const names: readonly DetailName[] = ['standards', 'requirements', 'aspects', 'reasons'];
  // One frozen accessor pair per field, shared by every result, so that V8 keeps results on one shape.
  const descriptors = names.map((name) =>
    Object.freeze({
      get(this: unknown) {
        return detailsOf(this)(name);
      },
      set(this: object, value: unknown) {
        // As assigning a data property would: refused on a frozen result.
        if (Object.isFrozen(this)) throw new TypeError(`Cannot assign to read only property '${name}'`);
        // The value becomes a data property of the object assigned to, not a detail: a copy made from the
        // result's property descriptors (which copies these accessors and the hidden details with them)
        // then never changes the result it was copied from; an object that merely inherits from a result
        // gets a property of its own. Only a sealed result, whose accessor cannot be replaced, keeps it
        // among its details.
        const own = Object.getOwnPropertyDescriptor(this, name);
        if (own && !own.configurable) detailsOf(this)(name, [value]);
        else
          Object.defineProperty(this, name, {
            value,
            writable: true,
            enumerable: !own || own.enumerable === true,
            configurable: true,
          });
      },
      enumerable: true,
      configurable: true,
    }),
  );
  // One descriptor object for the hidden property, its value set for each result: no object made per call.
  const hidden: PropertyDescriptor = {};
  return (result: object, source: Source): void => {
    // Each detail boxed once built or assigned: an assigned `undefined` then stays, as in a data property.
    const built: { [Name in DetailName]?: [unknown] } = {};
    hidden.value = ((name, assigned) => {
      if (assigned) built[name] = assigned;
      else built[name] ??= [builders[name](source)];
      return built[name]![0];
    }) satisfies Details;
    Object.defineProperty(result, detailsKey, hidden);
    hidden.value = undefined;
    for (let index = 0; index < 4; index++) Object.defineProperty(result, names[index]!, descriptors[index]!);
  };
}

/** The function {@link lazyDetails} returns. */
export type PlaceDetails<Source> = ReturnType<typeof lazyDetails<Source>>;
