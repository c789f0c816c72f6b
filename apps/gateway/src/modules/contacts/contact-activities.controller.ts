import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireRoles } from '@quartier/auth';
import { CRM_ROLES, ContactActivityOperations, ContactActivityPageResponse, ContactActivityResponse, CreateContactActivityDto } from '@quartier/contracts-portfolio';
import { Caller } from '@quartier/contracts-shared';
import { OperationClient } from '@quartier/messaging';
import { ApiAuthenticated, ApiProblems } from '../../platform/api-docs';
import { UuidParam } from '../../platform/validation';
import { RequestCaller } from '../../security/caller.decorator';
import { ContactActivityListQueryDto } from './contacts-route.dto';

/** Hand-written: the path names the contact `{id}`, the payloads `contactId`, and the route factory maps path ids by name only. */
@ApiTags('contacts')
@ApiAuthenticated()
@RequireRoles(...CRM_ROLES)
@Controller('contacts/:id/activities')
export class ContactActivitiesController {
  constructor(private readonly operations: OperationClient) {}

  @Get()
  @ApiOperation({ summary: "A contact's activity timeline, newest first (filter by type)" })
  @ApiOkResponse({ type: ContactActivityPageResponse })
  @ApiProblems(404, 422)
  list(@UuidParam() id: string, @Query() query: ContactActivityListQueryDto, @RequestCaller() caller: Caller): Promise<ContactActivityPageResponse> {
    return this.operations.send(ContactActivityOperations.list, { ...query, contactId: id }, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Record a call, email, meeting, viewing, note or offer (updates last contact and lead score)' })
  @ApiCreatedResponse({ type: ContactActivityResponse })
  @ApiProblems(404, 422)
  create(@UuidParam() id: string, @Body() dto: CreateContactActivityDto, @RequestCaller() caller: Caller): Promise<ContactActivityResponse> {
    return this.operations.send(ContactActivityOperations.create, { ...dto, contactId: id }, caller);
  }

  @Delete(':activityId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an activity of a contact' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(404, 422)
  async remove(@UuidParam() id: string, @UuidParam('activityId') activityId: string, @RequestCaller() caller: Caller): Promise<void> {
    await this.operations.send(ContactActivityOperations.delete, { contactId: id, activityId }, caller);
  }
}
