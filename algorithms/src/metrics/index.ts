// Filled in by the metrics work.
export {};
