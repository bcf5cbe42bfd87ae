// The audience endpoints (tag catalogue, imports): aliases of the types generated from the API's OpenAPI document.
import { apiRequest, apiSendFile } from './api-client';
import { type ApiSchemas } from './api-schemas';

export type TagDefinition = ApiSchemas['TagDefinitionDto'];
export type TagType = TagDefinition['type'];
export type NewTag = ApiSchemas['CreateTagDto'];
export type TagChanges = ApiSchemas['UpdateTagDto'];
export type UserImport = ApiSchemas['UserImportDto'];
export type ImportFormat = UserImport['format'];

const tagPath = (name: string): string => `/api/v1/tags/${encodeURIComponent(name)}`;

export const audienceApi = {
  tags: (): Promise<TagDefinition[]> => apiRequest('GET', '/api/v1/tags'),
  createTag: (tag: NewTag): Promise<TagDefinition> => apiRequest('POST', '/api/v1/tags', tag),
  updateTag: (name: string, changes: TagChanges): Promise<TagDefinition> => apiRequest('PATCH', tagPath(name), changes),
  deleteTag: (name: string): Promise<void> => apiRequest('DELETE', tagPath(name)),
  startImport: (file: Blob, format: ImportFormat, defaultCountry: string): Promise<UserImport> => {
    const query = new URLSearchParams({ format, ...(defaultCountry === '' ? {} : { defaultCountry }) });
    return apiSendFile(`/api/v1/users/import?${query.toString()}`, file, format === 'csv' ? 'text/csv' : 'application/x-ndjson');
  },
  importStatus: (id: string): Promise<UserImport> => apiRequest('GET', `/api/v1/users/imports/${encodeURIComponent(id)}`),
};
