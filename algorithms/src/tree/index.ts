export {
  DecisionTreeClassifier,
  type DecisionTreeClassifierOptions,
  type DecisionTreeClassifierJSON,
  type TreeNode,
  type DecisionTreeStep,
  type MaxFeatures,
} from './DecisionTreeClassifier';
