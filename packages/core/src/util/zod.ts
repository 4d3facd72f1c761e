import { z } from 'zod';

// The library runs no generated code. zod compiles its object parsers with `new Function` unless told
// not to, and probes once whether it may — a probe that a strict Content-Security-Policy reports as a
// violation even though zod catches the error. So zod's JIT is off, set here before any schema is built:
// every module of core imports `z` from this file. It applies to every schema of this copy of zod, which
// parse the same without the JIT.
z.config({ jitless: true });

export { z };
