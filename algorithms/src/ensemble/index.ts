export {
  RandomForestClassifier,
  type RandomForestClassifierOptions,
  type RandomForestClassifierJSON,
  type RandomForestStep,
} from './RandomForestClassifier';
