// Filled in by the decomposition work.
export {};
