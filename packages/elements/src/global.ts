// Defines every element as soon as it loads: `import '@geolearn/elements/global'` in an app, and
// the entry of the one-file script-tag build (dist/geolearn-elements.global.js).
import { defineGeoLearnElements } from './index';

export { defineGeoLearnElements, elementDefinitions } from './index';
export type { ElementDefinition, GeoLearnElement, GeoLearnElementJSX, GeoLearnElementProps } from './index';
defineGeoLearnElements();
