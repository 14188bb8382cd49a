// Under `moduleResolution: node` (node10, no exports maps), the props of @geolearn/ui must keep
// their types, including those that come from subpaths (typesVersions: @geolearn/ui/mnist, @geolearn/algorithms/nn).
import type { LossLandscapeProps, PlaygroundProps } from '@geolearn/ui';
import type { DigitDrawingPadProps } from '@geolearn/ui/mnist';
import type { GeoLearnElementProps } from '@geolearn/elements';

type IsAny<T> = 0 extends 1 & T ? true : false;
export const notAny: [
  IsAny<LossLandscapeProps['onValueChange']>,
  IsAny<LossLandscapeProps['objective']>,
  IsAny<DigitDrawingPadProps['wasmPaths']>,
  IsAny<PlaygroundProps['defaultValue']>,
  IsAny<GeoLearnElementProps['geolearn-loss-landscape']>,
] = [false, false, false, false, false];
