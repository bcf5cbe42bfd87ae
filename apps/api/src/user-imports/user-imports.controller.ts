import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res, UnsupportedMediaTypeException } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { type ProjectEntity } from '@engine/persistence';
import { stringify } from 'csv-stringify/sync';
import { type Request, type Response } from 'express';
import { Access } from '../auth/access.decorator';
import { CurrentProject } from '../auth/current-project.decorator';
import { ImportUsersQueryDto } from './dto/import-users-query.dto';
import { UserImportDto } from './dto/user-import.response';
import { MAX_IMPORT_BYTES, UserImportsService } from './user-imports.service';

@ApiTags('users')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Missing or unknown API key.' })
@Controller('api/v1/users')
export class UserImportsController {
  constructor(private readonly imports: UserImportsService) {}

  @Post('import')
  @Access('ingest')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Import users from a CSV or NDJSON file (the raw request body)',
    description:
      'Send the file as the body with Content-Type text/csv or application/x-ndjson. CSV: a header line; external_id (or id) is required; ' +
      'phone, email, language, time_zone, opt_in_push|email|whatsapp|sms are profile fields; any other column is a tag (typed by the tag catalogue, ' +
      'or by its first value and registered). An empty cell leaves the field as it is. Phones are normalised to E.164 (defaultCountry for numbers without +). ' +
      'Rows naming the same user are merged in file order (later values win). Answers 202 once the file is received; the import runs in the background: ' +
      'follow it with GET /users/imports/{id}. Importing the same file again changes nothing.',
  })
  @ApiConsumes('text/csv', 'application/x-ndjson')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiAcceptedResponse({ type: UserImportDto, description: 'Received; the import runs.' })
  @ApiBadRequestResponse({ description: 'Unknown format or country, an empty file, not text, a CSV header without an id column, NDJSON whose first line is not an object.' })
  @ApiPayloadTooLargeResponse({ description: `Files of more than ${MAX_IMPORT_BYTES} bytes.` })
  @ApiUnsupportedMediaTypeResponse({ description: 'The file was sent as JSON (application/json).' })
  async import(@CurrentProject() project: ProjectEntity, @Query() query: ImportUsersQueryDto, @Req() request: Request): Promise<UserImportDto> {
    // The JSON body parser has read a JSON body already; any other type arrives untouched, as a stream.
    if (request.readableEnded || (request.headers['content-type'] ?? '').startsWith('application/json')) {
      throw new UnsupportedMediaTypeException('Send the file as the raw body with Content-Type text/csv or application/x-ndjson');
    }
    return this.imports.receive(project.id, request, { format: query.format, defaultCountry: query.defaultCountry });
  }

  @Get('imports/:importId')
  @Access('read')
  @ApiOperation({ summary: "An import's progress: status, rows imported and rejected, rate" })
  @ApiOkResponse({ type: UserImportDto })
  @ApiNotFoundResponse({ description: 'No such import in this project.' })
  status(@CurrentProject() project: ProjectEntity, @Param('importId', new ParseUUIDPipe()) importId: string): Promise<UserImportDto> {
    return this.imports.status(project.id, importId);
  }

  @Get('imports/:importId/rejected.csv')
  @Access('read')
  @ApiOperation({ summary: 'The rejected rows of an import as CSV: line, reason, and the row as it was in the file' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV with the columns line, reason, content.', schema: { type: 'string' } })
  @ApiNotFoundResponse({ description: 'No such import in this project.' })
  async rejected(
    @CurrentProject() project: ProjectEntity,
    @Param('importId', new ParseUUIDPipe()) importId: string,
    @Res() response: Response,
  ): Promise<void> {
    const pages = this.imports.rejectedLines(project.id, importId);
    // The first page before the headers, so a 404 is still a 404.
    const first = await pages.next();
    response.status(200).type('text/csv').attachment(`import-${importId}-rejected.csv`);
    response.write(stringify([['line', 'reason', 'content']]));
    if (!first.done) response.write(stringify(first.value.map((row) => [row.line, row.reason, row.content])));
    for await (const page of pages) {
      if (!response.write(stringify(page.map((row) => [row.line, row.reason, row.content])))) await new Promise((resolve) => response.once('drain', resolve));
    }
    response.end();
  }
}
