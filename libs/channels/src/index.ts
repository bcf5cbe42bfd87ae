export * from './channel-provider';
export * from './sandbox-provider';
