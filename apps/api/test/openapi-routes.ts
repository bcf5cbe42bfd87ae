import { type OpenAPIObject } from '@nestjs/swagger';

export const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export interface PathParameter {
  name: string;
  /** The values the document allows (an enum), if it lists them. */
  allowed?: string[];
}

export interface DocumentedRoute {
  method: HttpMethod;
  /** As the document writes it: `/api/v1/users/{userId}`. */
  path: string;
  pathParameters: PathParameter[];
  /** The names of its query parameters (`limit`, `hub.mode`). */
  queryParameterNames: string[];
  /** Every property name the request body's schema mentions, nested DTOs included. */
  bodyFieldNames: string[];
}

interface SchemaLike {
  $ref?: string;
  properties?: Record<string, SchemaLike>;
  items?: SchemaLike;
  oneOf?: SchemaLike[];
  anyOf?: SchemaLike[];
  allOf?: SchemaLike[];
  enum?: unknown[];
}

interface OperationLike {
  parameters?: Array<{ name: string; in: string; schema?: SchemaLike }>;
  requestBody?: { content?: Record<string, { schema?: SchemaLike }> };
}

/** Every route and method of an OpenAPI document, with what a request to it needs. */
export function documentedRoutes(document: OpenAPIObject): DocumentedRoute[] {
  const schemas = (document.components?.schemas ?? {}) as Record<string, SchemaLike>;
  return Object.entries(document.paths).flatMap(([path, item]) =>
    HTTP_METHODS.filter((method) => item[method] !== undefined).map((method) => {
      const operation = item[method] as OperationLike;
      const pathParameters = (operation.parameters ?? [])
        .filter((parameter) => parameter.in === 'path')
        .map((parameter) => ({
          name: parameter.name,
          ...(parameter.schema?.enum ? { allowed: parameter.schema.enum.map(String) } : {}),
        }));
      const queryParameterNames = (operation.parameters ?? []).filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name);
      const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
      return { method, path, pathParameters, queryParameterNames, bodyFieldNames: bodySchema ? fieldNames(bodySchema, schemas) : [] };
    }),
  );
}

function fieldNames(root: SchemaLike, schemas: Record<string, SchemaLike>): string[] {
  const names = new Set<string>();
  const seen = new Set<string>();
  const pending: SchemaLike[] = [root];
  while (pending.length > 0) {
    const schema = pending.pop()!;
    if (schema.$ref) {
      const name = schema.$ref.split('/').pop()!;
      if (!seen.has(name) && schemas[name]) pending.push(schemas[name]);
      seen.add(name);
    }
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      names.add(name);
      pending.push(property);
    }
    if (schema.items) pending.push(schema.items);
    pending.push(...(schema.oneOf ?? []), ...(schema.anyOf ?? []), ...(schema.allOf ?? []));
  }
  return [...names].sort();
}
