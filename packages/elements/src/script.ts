// The one-file script-tag build (dist/geolearn-elements.global.js): React and every explainer that
// needs no TensorFlow.js, defined on load. The TF.js explainers (`@geolearn/ui/mnist`: drawing pad,
// feature maps, manifold; `@geolearn/ui/seismic`: seismic classifier, event detector, phase picker,
// transfer learning, autoencoder) need TF.js, its WASM binaries and the models served beside the
// page: use them from a bundler
// (`import '@geolearn/elements/global'`) or embed the gallery's story in an iframe.
import { coreElementDefinitions, defineGeoLearnElements } from './index';

export { defineGeoLearnElements, coreElementDefinitions as elementDefinitions } from './index';
defineGeoLearnElements(coreElementDefinitions);
