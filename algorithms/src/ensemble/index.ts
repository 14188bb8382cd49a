// Filled in by the ensemble work.
export {};
