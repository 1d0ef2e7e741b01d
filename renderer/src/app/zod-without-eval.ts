/**
 * zod compiles fast object parsers with `new Function` unless told not to; the app's CSP has no
 * 'unsafe-eval', and even zod's caught probe would be reported as a violation. main.tsx imports
 * this first, so it runs before any schema parses (the scenario store parses on load).
 */
import { z } from 'zod';

z.config({ jitless: true });
