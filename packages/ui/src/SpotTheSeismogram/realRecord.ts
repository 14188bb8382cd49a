/**
 * The quiz's real record: the IU.COLA.00.LHZ long-period seismogram of the 2010-02-27 Maule
 * earthquake (4,200 samples at 1 Hz, attribution in assets/data/README.md), read with our own
 * `readMiniSeed`. Fetched lazily when the quiz mounts, so the package's main chunk stays small
 * and the first render (and a server render) is the deterministic synthetic quiz.
 */
import { readMiniSeed } from '@geolearn/algorithms/seismic';
import { colaRecordUrl } from '../seismicAssets';
import type { RealQuizRecord } from './quiz';

/** What the record's samples are, said after the answer. */
export const COLA_SOURCE =
  'a real long-period seismogram: IU.COLA (College, Alaska), vertical LHZ at 1 sample/s, 06:50–08:00 UTC on 2010-02-27, the M8.8 Maule (Chile) earthquake about 100° away';

/** Decodes the miniSEED bytes into the quiz's record (the first trace, in counts). */
export function parseColaRecord(bytes: ArrayBuffer | ArrayBufferView): RealQuizRecord {
  const file = readMiniSeed(bytes);
  const trace = file.traces[0];
  if (!trace || trace.data.length === 0) throw new Error('the record holds no samples');
  return { values: trace.data, source: COLA_SOURCE };
}

let pending: Promise<RealQuizRecord> | null = null;

/** Fetches and decodes the shipped record once per page (later calls share the promise). */
export function loadColaRecord(url: string = colaRecordUrl()): Promise<RealQuizRecord> {
  if (!pending) {
    pending = fetch(url)
      .then((r) => {
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        return r.arrayBuffer();
      })
      .then(parseColaRecord);
    pending.catch(() => {
      pending = null; // let a later mount try again
    });
  }
  return pending;
}
