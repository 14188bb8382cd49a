import { LossLandscape, Playground, type LossLandscapeProps } from '@geolearn/ui';
import { DigitDrawingPad } from '@geolearn/ui/mnist';
import { EventDetector, PhasePicker, TransferLearning } from '@geolearn/ui/seismic';
import { defineGeoLearnElements } from '@geolearn/elements';
import { useState } from 'react';

defineGeoLearnElements();

type LandscapeState = Parameters<NonNullable<LossLandscapeProps['onValueChange']>>[0];

/** What a new user writes after reading the README: six explainers and one custom element. */
export function App() {
  const [landscape, setLandscape] = useState<LandscapeState | null>(null);
  return (
    <main>
      <section data-testid="loss-landscape">
        <LossLandscape width={640} height={420} seed={42} onValueChange={setLandscape} />
        <p data-testid="landscape-state">{landscape ? 'changed' : 'initial'}</p>
      </section>
      <section data-testid="playground">
        <Playground seed={1} />
      </section>
      <section data-testid="digit-pad">
        <DigitDrawingPad />
      </section>
      <section data-testid="phase-picker">
        <PhasePicker />
      </section>
      <section data-testid="event-detector">
        <EventDetector />
      </section>
      <section data-testid="transfer-learning">
        <TransferLearning />
      </section>
      <section data-testid="element">
        <geolearn-neuron width={360} default-value='{"inputs":[1,0.5]}' onvaluechange={(e) => console.info('valuechange', typeof e.detail)} />
      </section>
    </main>
  );
}
