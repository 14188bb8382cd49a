export * from './Seismogram';
