export * from './choose-database';
export * from './embedded-postgres-server';
export * from './hydrate-binary-symlinks';
