import { z } from 'zod';

// zod 4 probes for eval (`new Function('')`) when its first object schema is built; the CSP
// forbids eval, so the probe is a violation report. Jitless mode never tries. Imported first in
// main.tsx, before any schema module is evaluated.
z.config({ jitless: true });
