/** Writes styles.css from the one source, src/styles/baseCss.ts (`pnpm --filter @geolearn/ui styles`; the build does it too). */
import { writeFileSync } from 'node:fs';
import { baseCss } from '../src/styles/baseCss';

writeFileSync(new URL('../styles.css', import.meta.url), baseCss);
