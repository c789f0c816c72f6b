import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { ADMIN_ROLES, Public, RequireRoles } from '@quartier/auth';
import { Caller, CommonErrorCode, Page, PageQueryDto, pageOf, pageParams, parseSort, stableOrder, unknownSortFields } from '@quartier/contracts-shared';
import { ApiAuthenticated, ApiProblems, ApiPublicProblems } from '../../platform/api-docs';
import { ProblemException } from '../../platform/problem';
import { RequestCaller } from '../../security/caller.decorator';
import { ActiveConnectionDto, ActiveConnectionPageDto } from './realtime-route.dto';
import { RealtimeService } from './realtime.service';
import { Connection } from './connection-registry';

const SORTABLE: Record<string, (connection: Connection) => string> = {
  connectedAt: (connection) => connection.connectedAt,
  clientId: (connection) => connection.clientId,
  userId: (connection) => connection.userId,
};

const PROTOCOL = [
  'Upgrade this request to a WebSocket. Credentials: `Authorization: Bearer <access token>`, or `?token=<access token>` ',
  '(browsers cannot set headers), or the first message `{"type":"auth","token":"…"}` within WS_AUTH_TIMEOUT_MS (5 s). ',
  'The server answers `{"type":"ready","clientId","userId","organizationId"}`, then sends `{"type":"event","event":{id,type,organizationId,occurredAt,payload}}` ',
  "for every new domain event of the caller's organization (audit events `gateway.audit.recorded` to owners and admins only; no replay of earlier events). ",
  'Client messages: `{"type":"subscribe","types":["leasing.lease.*","iot.alert.raised"]}` (`*` = one token, final `>` = the rest; answered with `subscribed`), ',
  '`{"type":"ping"}` (→ `pong`), `{"type":"auth","token":"…"}` again with a fresh token before the current one expires. ',
  'Close codes: 4401 unauthenticated or token expired, 4403 role not allowed (residents receive no events), 4400 invalid client id, 4503 credentials cannot be verified, ',
  '1001 gateway shutting down. A client that falls behind by more than WS_MAX_BUFFERED_BYTES is disconnected. A plain HTTP GET answers 426.',
].join('');

@ApiTags('realtime')
@Controller('ws')
export class RealtimeController {
  constructor(private readonly realtime: RealtimeService) {}

  @Get('active-connections')
  @ApiAuthenticated()
  @RequireRoles(...ADMIN_ROLES)
  @ApiOperation({ summary: "The organization's open WebSocket connections on this gateway instance (owners and admins)" })
  @ApiOkResponse({ type: ActiveConnectionPageDto })
  @ApiProblems(422)
  activeConnections(@Query() query: PageQueryDto, @RequestCaller() caller: Caller): Page<ActiveConnectionDto> {
    const requested = parseSort(query.sort);
    const unknown = unknownSortFields(requested, Object.keys(SORTABLE));
    if (unknown) throw new ProblemException(422, CommonErrorCode.VALIDATION_FAILED, 'The request is invalid', [unknown]);
    // The client id is the connection's id: equal connection times keep their place between pages.
    const sort = stableOrder(requested, 'connectedAt', 'clientId');
    const { page, size } = pageParams(query);
    const connections = this.realtime.registry.list(caller.organizationId ?? '').sort((a, b) => {
      for (const { field, direction } of sort) {
        const order = SORTABLE[field](a).localeCompare(SORTABLE[field](b));
        if (order !== 0) return direction === 'ASC' ? order : -order;
      }
      return 0;
    });
    const items = connections.slice((page - 1) * size, page * size).map((connection) => ({
      clientId: connection.clientId,
      userId: connection.userId,
      connectedAt: connection.connectedAt,
      types: connection.types ?? null,
    }));
    return pageOf(items, connections.length, page, size);
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'Real-time domain events over WebSocket', description: PROTOCOL })
  @ApiQuery({ name: 'token', required: false, description: 'Access token, for clients that cannot set the Authorization header' })
  @ApiResponse({ status: 101, description: 'Switching Protocols: the WebSocket is open' })
  @ApiPublicProblems(404, 426)
  upgrade(@Res({ passthrough: true }) reply: FastifyReply): never {
    throw this.notUpgraded(reply);
  }

  @Get(':clientId')
  @Public()
  @ApiOperation({ summary: 'Real-time domain events over WebSocket, with the client naming its connection', description: PROTOCOL })
  @ApiParam({ name: 'clientId', description: '1-128 characters of [A-Za-z0-9._-]; listed by active-connections' })
  @ApiQuery({ name: 'token', required: false, description: 'Access token, for clients that cannot set the Authorization header' })
  @ApiResponse({ status: 101, description: 'Switching Protocols: the WebSocket is open' })
  @ApiPublicProblems(404, 426)
  upgradeAs(@Param('clientId') _clientId: string, @Res({ passthrough: true }) reply: FastifyReply): never {
    throw this.notUpgraded(reply);
  }

  /** Only requests that are not WebSocket upgrades reach Nest: the upgrade itself is served by RealtimeService. */
  private notUpgraded(reply: FastifyReply): ProblemException {
    if (!this.realtime.enabled) return new ProblemException(404, CommonErrorCode.NOT_FOUND, 'Real-time events are disabled on this gateway');
    reply.header('upgrade', 'websocket');
    return new ProblemException(426, 'UPGRADE_REQUIRED', 'Connect with a WebSocket client (Upgrade: websocket)');
  }
}
