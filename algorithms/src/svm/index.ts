// Filled in by the svm work.
export {};
