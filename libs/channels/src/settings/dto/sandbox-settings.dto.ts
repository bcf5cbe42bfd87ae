import { Equals } from 'class-validator';

export class SandboxSettingsDto {
  @Equals('sandbox')
  provider!: 'sandbox';
}
