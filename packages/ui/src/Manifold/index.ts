export * from './Manifold';
