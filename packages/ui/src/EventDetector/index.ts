export * from './EventDetector';
