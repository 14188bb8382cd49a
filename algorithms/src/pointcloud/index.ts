/**
 * Point clouds (lidar): a 3-D k-d tree for radius and k-nearest-neighbour queries, the
 * multi-scale covariance (eigenvalue) features of each point's neighbourhood, the height above
 * ground, and a seeded, labelled synthetic lidar scene.
 */
export { KDTree, type KDTreeOptions, type NeighbourResult } from './kdtree';
export { symmetricEigen3, shapeFeatures, type SymmetricEigen3, type ShapeFeatures } from './eigen';
export {
  pointFeatures,
  pointFeatureSteps,
  heightAboveGround,
  NEIGHBOURHOOD_FEATURES,
  type PointFeatureOptions,
  type PointFeatureMatrix,
  type PointFeatureStep,
} from './features';
export { makeLidarScene, LIDAR_CLASSES, type LidarClass, type LidarScene, type LidarSceneOptions } from './scene';
export { checkXYZ, MAX_POINTS, type XYZLike } from './validate';
