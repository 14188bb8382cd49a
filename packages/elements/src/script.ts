// The one-file script-tag build (dist/geolearn-elements.global.js): React and every explainer that
// needs no TensorFlow.js, defined on load. The MNIST explainers (drawing pad, feature maps) need
// TF.js, its WASM binaries and the models served beside the page: use them from a bundler
// (`import '@geolearn/elements/global'`) or embed the gallery's story in an iframe.
import { coreElementDefinitions, defineGeoLearnElements } from './index';

export { defineGeoLearnElements, coreElementDefinitions as elementDefinitions } from './index';
defineGeoLearnElements(coreElementDefinitions);
