/** The time source of the access code; tests pass their own through AppConfig.clock. */
export const CLOCK = Symbol('CLOCK');
export type Clock = () => Date;
