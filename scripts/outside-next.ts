/**
 * Lets a script outside Next.js load the server modules it measures: `server-only` (which throws
 * anywhere but a React Server Components bundle) becomes an empty module, as in the tests
 * (vitest.config.ts aliases it the same way). Import this first.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const path = require.resolve("server-only");
require.cache[path] = { id: path, filename: path, loaded: true, exports: {} } as NodeJS.Module;
