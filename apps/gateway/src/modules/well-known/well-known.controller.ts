import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@quartier/auth';
import { JwksDto } from '@quartier/contracts-identity';
import { ApiPublicProblems } from '../../platform/api-docs';
import { JwksService } from '../../security/jwks.service';

/**
 * The public keys that verify Quartier access tokens, for clients and other verifiers. Hand-written:
 * it answers from the gateway's verified copy (JwksService), not with a bus call per request.
 */
@ApiTags('auth')
@Public()
@Controller('.well-known')
export class WellKnownController {
  constructor(private readonly jwks: JwksService) {}

  @Get('jwks.json')
  @ApiOperation({ summary: 'JSON Web Key Set of the access-token signing keys' })
  @ApiOkResponse({ type: JwksDto })
  @ApiPublicProblems()
  keys(): Promise<JwksDto> {
    return this.jwks.jwks();
  }
}
