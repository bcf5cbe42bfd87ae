// class-transformer's @Type reads reflect metadata; the polyfill is tiny and browser-safe.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsArray, IsObject, ValidateNested } from 'class-validator';

type DtoClass = new () => object;

/** One nested object validated with its DTO class (an array in its place is rejected). */
export function NestedObject(dto: () => DtoClass): PropertyDecorator {
  return (target: object, property: string | symbol) => {
    IsObject()(target, property);
    ValidateNested()(target, property);
    Type(dto)(target, property);
  };
}

/** An array of nested objects, each validated with its DTO class (nested arrays are rejected). */
export function NestedArray(dto: () => DtoClass): PropertyDecorator {
  return (target: object, property: string | symbol) => {
    IsArray()(target, property);
    IsObject({ each: true })(target, property);
    ValidateNested({ each: true })(target, property);
    Type(dto)(target, property);
  };
}
