export * from './LidarClassification';
