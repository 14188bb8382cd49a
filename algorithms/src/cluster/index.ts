// Filled in by the cluster work.
export {};
