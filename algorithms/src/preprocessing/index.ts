// Filled in by the preprocessing work.
export {};
