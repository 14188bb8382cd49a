// Filled in by the model_selection work.
export {};
