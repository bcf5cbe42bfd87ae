import { plainToInstance, Transform } from 'class-transformer';

/**
 * `@Type(() => Dto)` for a property holding one nested object. class-transformer's own @Type
 * builds `new Dto()` and calls `.push` on it when the value is an array (a 500 for `[{}]`); this
 * builds the DTO only from a plain object and leaves anything else as sent, for @IsObject to refuse.
 */
export function NestedDto(dto: new () => object): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    typeof value === 'object' && value !== null && !Array.isArray(value) ? plainToInstance(dto, value) : value,
  );
}
