export * from './Seismogram';
/** The shipped real record (IU.COLA.00.LHZ, 2010 Maule earthquake), to pass as a Seismogram's `src`. */
export { colaRecordUrl } from '../seismicAssets';
