export * from './SpotTheSeismogram';
export { makeQuiz, binnedSpectrum, QUIZ_KINDS, type Quiz, type QuizSeries, type QuizSeriesKind } from './quiz';
