import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';
import { userIdProblems } from './dto/user-field-rules';

/** The URL-decoded user id of a path, checked like the `userId` of a body. */
@Injectable()
export class ParseUserIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    const problems = userIdProblems(value);
    if (problems.length > 0) throw new BadRequestException(problems);
    return value;
  }
}
