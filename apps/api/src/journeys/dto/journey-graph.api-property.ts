import { ApiProperty } from '@nestjs/swagger';

/** OpenAPI description of a journey graph (its full schema lives in @engine/journey). */
export function ApiJourneyGraphProperty(options: { required?: boolean; description: string }): PropertyDecorator {
  return ApiProperty({
    type: 'object',
    additionalProperties: true,
    selfRequired: options.required ?? true,
    description: `${options.description} A journey graph: \`{ formatVersion: 1, nodes: [...], edges: [...], settings: {...} }\`.`,
    example: {
      formatVersion: 1,
      nodes: [{ id: 'entry', type: 'entry.api', data: {}, position: { x: 0, y: 0 } }],
      edges: [],
      settings: { goals: [], reentry: { mode: 'afterExit' }, throttling: [] },
    },
  });
}
