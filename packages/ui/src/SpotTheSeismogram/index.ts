export * from './SpotTheSeismogram';
export { makeQuiz, binnedSpectrum, QUIZ_KINDS, SLOPE_FIT_MAX, type Quiz, type QuizSeries, type QuizSeriesKind, type BinnedSpectrum, type RealQuizRecord } from './quiz';
export { parseColaRecord, loadColaRecord, COLA_SOURCE } from './realRecord';
