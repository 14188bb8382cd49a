// The maths typesetter loads lazily in the browser (math/loader.ts); the component tests load
// it once up front, as a server does, so formulas render synchronously as MathML.
import { beforeAll } from 'vitest';
import { preloadMath } from '../../src/math/loader';

beforeAll(() => preloadMath());
