// Under `moduleResolution: node` (node10, no exports maps), the props of @geolearn/ui must keep
// their types, including those that come from @geolearn/algorithms' subpaths (typesVersions).
import type { DigitDrawingPadProps, LossLandscapeProps, PlaygroundProps } from '@geolearn/ui';
import type { GeoLearnElementProps } from '@geolearn/elements';

type IsAny<T> = 0 extends 1 & T ? true : false;
export const notAny: [
  IsAny<LossLandscapeProps['onValueChange']>,
  IsAny<LossLandscapeProps['objective']>,
  IsAny<DigitDrawingPadProps['wasmPaths']>,
  IsAny<PlaygroundProps['defaultValue']>,
  IsAny<GeoLearnElementProps['geolearn-loss-landscape']>,
] = [false, false, false, false, false];
