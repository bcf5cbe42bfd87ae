import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { describeTagType } from '@engine/journey';
import { inTransaction, type TagDefinitionEntity, TagDefinitionStore } from '@engine/persistence';
import { DataSource } from 'typeorm';
import { type CreateTagDto } from './dto/create-tag.dto';
import { type TagDefinitionDto } from './dto/tag.response';
import { type UpdateTagDto } from './dto/update-tag.dto';

/** The tag catalogue of a project: types enforced on every write, descriptions for people. */
@Injectable()
export class TagsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(projectId: string): Promise<TagDefinitionDto[]> {
    return (await TagDefinitionStore.list(this.dataSource.manager, projectId)).map(toDto);
  }

  async create(projectId: string, dto: CreateTagDto): Promise<TagDefinitionDto> {
    const created = await TagDefinitionStore.create(this.dataSource.manager, projectId, { name: dto.name, type: dto.type, description: dto.description ?? '' });
    if (!created) throw new ConflictException(`The tag "${dto.name}" already exists; change it with PATCH /api/v1/tags/${encodeURIComponent(dto.name)}`);
    return toDto((await TagDefinitionStore.find(this.dataSource.manager, projectId, dto.name))!);
  }

  /** A type change is refused while users hold values that do not fit it (the 409 says how many). */
  async update(projectId: string, name: string, dto: UpdateTagDto): Promise<TagDefinitionDto> {
    return inTransaction(this.dataSource, async (manager) => {
      const tag = await TagDefinitionStore.lock(manager, projectId, name);
      if (!tag) throw notFound(name);
      if (dto.type && dto.type !== tag.type) {
        const misfits = await TagDefinitionStore.countValuesNotOfType(manager, projectId, name, dto.type);
        if (misfits > 0) {
          throw new ConflictException(
            `The tag "${name}" cannot become ${dto.type}: ${misfits} user${misfits === 1 ? ' holds a value' : 's hold values'} that ${misfits === 1 ? 'is' : 'are'} not ${describeTagType(dto.type)}`,
          );
        }
      }
      await TagDefinitionStore.update(manager, projectId, name, { type: dto.type, description: dto.description });
      return toDto((await TagDefinitionStore.find(manager, projectId, name))!);
    });
  }

  /** Removes the tag from the catalogue; users keep their values, and the next write types it again. */
  async delete(projectId: string, name: string): Promise<void> {
    if (!(await TagDefinitionStore.delete(this.dataSource.manager, projectId, name))) throw notFound(name);
  }
}

function toDto(tag: TagDefinitionEntity): TagDefinitionDto {
  return { name: tag.name, type: tag.type, description: tag.description, createdAt: tag.createdAt.toISOString() };
}

function notFound(name: string): NotFoundException {
  return new NotFoundException(`No tag "${name}" in this project's catalogue`);
}
