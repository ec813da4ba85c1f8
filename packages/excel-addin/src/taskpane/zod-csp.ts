/**
 * The pane runs under a Content-Security-Policy without 'unsafe-eval'. Zod 4 compiles fast
 * object parsers with `new Function` (and probes for it, which the browser reports as a CSP
 * violation); `jitless` turns both off. Imported first by the entry, before any schema parses.
 */
import { z } from 'zod';

z.config({ jitless: true });
