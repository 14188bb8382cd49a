import { FEATURE_DOMAINS } from '@geolearn/algorithms/seismic';
import { ToggleButton } from '../kit/buttons';
import { Segmented, Select } from '../kit/Segmented';
import { Slider } from '../kit/Slider';
import { CLASSIFIER_NAMES, formatSnr, SNR_RANGE, type ClassifierKind } from './model';
import type { SeismicModel } from './useSeismicClassifier';

const CLASSIFIERS = (Object.keys(CLASSIFIER_NAMES) as ClassifierKind[]).map((value) => ({ value, label: CLASSIFIER_NAMES[value] }));

/** The controls: class balance, SNR, classifier, feature groups, and the matrices' rows. */
export function Controls({ model }: { model: SeismicModel }) {
  const { state, actions } = model;
  return (
    <>
      <Segmented
        label="Classes"
        options={[
          { value: 'balanced', label: 'balanced' },
          { value: 'slides', label: 'as Table 3 (91 % LP)' },
        ]}
        value={state.balance}
        onChange={actions.setBalance}
      />
      <Slider label="Signal-to-noise ratio" min={SNR_RANGE[0]} max={SNR_RANGE[1]} scale="log" value={state.snr} onChange={actions.setSnr} format={formatSnr} valueText={(v) => `SNR ${formatSnr(v)}`} testId="snr-slider" />
      <Select label="Classifier" options={CLASSIFIERS} value={state.classifier} onChange={actions.setClassifier} testId="classifier" />
      <fieldset className="gl-fieldset">
        <legend>Feature groups (Table 1)</legend>
        {FEATURE_DOMAINS.map((d) => (
          <label key={d} className="gl-checkbox">
            <input type="checkbox" checked={state.domains.includes(d)} disabled={state.domains.length === 1 && state.domains[0] === d} onChange={() => actions.toggleDomain(d)} />
            {d}
          </label>
        ))}
      </fieldset>
      <ToggleButton pressed={state.rows === 'predicted'} onPressedChange={actions.transpose} data-testid="transpose">
        Rows = predicted (as Table 3)
      </ToggleButton>
    </>
  );
}
