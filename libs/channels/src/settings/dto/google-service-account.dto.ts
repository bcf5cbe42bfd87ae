import { IsEmail, IsOptional, IsString, IsUrl, Matches, MaxLength } from 'class-validator';

/** The fields of a service account key file the engine needs; the file's other fields are dropped. */
export class GoogleServiceAccountDto {
  @Matches(/^[a-z][a-z0-9-]{4,61}[a-z0-9]$/, { message: 'project_id must be a Firebase/Google Cloud project id' })
  project_id!: string;

  @IsEmail()
  client_email!: string;

  @IsString()
  @MaxLength(8192)
  @Matches(/-----BEGIN (RSA )?PRIVATE KEY-----/, { message: 'private_key must be the PEM private key of the service account' })
  private_key!: string;

  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  token_uri?: string;
}
