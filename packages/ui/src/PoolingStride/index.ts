export * from './PoolingStride';
