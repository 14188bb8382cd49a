export * from './SvmMargin';
