export * from './IcaVsPca';
