// Filled in by the seismic work.
export {};
