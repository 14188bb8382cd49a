// Filled in by the tree work.
export {};
