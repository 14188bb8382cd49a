// The script-tag build: defines every element as soon as it loads.
import { defineGeoLearnElements } from './index';

export { defineGeoLearnElements, elementDefinitions } from './index';
defineGeoLearnElements();
