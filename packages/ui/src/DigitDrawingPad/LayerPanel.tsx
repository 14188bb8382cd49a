import { LayerMaps } from '../FeatureMaps/LayerMaps';
import { slideLayerList } from '../FeatureMaps/layers';
import type { PadModel } from './usePad';

/**
 * Layer visibility, as in the slides' demo: its 8 layers as checkboxes (a layer this model
 * does not have, such as "Fully-connected layer 2", is listed but disabled), then the
 * activations of every ticked layer.
 */
export function LayerPanel({ pad, width }: { pad: PadModel; width: number }) {
  const { state, result, actions } = pad;
  const list = slideLayerList(pad.layerTitles);
  return (
    <div className="gl-panel" data-gl-panel="">
      <fieldset className="gl-fieldset gl-pad-layers">
        <legend>Layer visibility</legend>
        {list.map(({ title, present }) => (
          <label key={title} className="gl-checkbox" data-present={present}>
            <input type="checkbox" checked={present && state.visibleLayers.includes(title)} disabled={!present} onChange={() => actions.toggleLayer(title)} />
            {title}
            {!present && <span className="gl-fm-shape"> (not in this model)</span>}
          </label>
        ))}
        <div className="gl-fm-layer-list">
          {result?.layers
            .filter((l) => state.visibleLayers.includes(l.title))
            .map((l) => <LayerMaps key={l.title} layer={l} width={width} mapSize={l.shape[0] > 20 ? 56 : 40} />)}
        </div>
      </fieldset>
    </div>
  );
}
