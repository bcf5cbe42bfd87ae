export * from './execution-harness';
