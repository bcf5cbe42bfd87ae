// Public surface of @engine/journey. Helpers append their exports below, one line per module.
export * from './condition/condition';
export * from './duration/duration';
export * from './format/node-types';
export * from './format/journey-graph';
export * from './format/out-handles';
export * from './format/built-in-events';
export * from './step/journey-event';
export * from './step/effect';
