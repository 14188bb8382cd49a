export {
  DecisionTreeClassifier,
  type DecisionTreeClassifierOptions,
  type DecisionTreeClassifierJSON,
  type TreeNode,
  type MaxFeatures,
} from './DecisionTreeClassifier';
