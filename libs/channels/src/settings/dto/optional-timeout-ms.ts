import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** An optional timeout in milliseconds between 1 s and 60 s. */
export function OptionalTimeoutMs(): PropertyDecorator {
  return (target, property) => {
    for (const decorate of [IsOptional(), IsInt(), Min(1000), Max(60_000)]) decorate(target, property);
  };
}
