import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireRoles } from '@quartier/auth';
import {
  ContactMatchPageResponse,
  ContactMatchQueryDto,
  ContactPageResponse,
  ContactQueryDto,
  ContactResponse,
  CreateContactDto,
  LeadPageResponse,
  LeadQueryDto,
  LeadScoreResponse,
  PortfolioSubjects,
  UpdateContactDto,
} from '@quartier/contracts-portfolio';
import { Caller } from '@quartier/contracts-shared';
import { RpcClient } from '@quartier/messaging';
import { ApiAuthenticated, ApiProblems } from '../../platform/api-docs';
import { UuidParam } from '../../platform/validation';
import { RequestCaller } from '../../security/caller.decorator';
import { CRM_ROLES } from './contacts-route.dto';

@ApiTags('contacts')
@ApiAuthenticated()
@RequireRoles(...CRM_ROLES)
@Controller('contacts')
export class ContactsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @ApiOperation({ summary: 'List contacts (status, kind, tag, source, owner, grade, full-text q; pagination; sorting incl. leadScore)' })
  @ApiOkResponse({ type: ContactPageResponse })
  @ApiProblems(422)
  list(@Query() query: ContactQueryDto, @RequestCaller() caller: Caller): Promise<ContactPageResponse> {
    return this.rpc.request(PortfolioSubjects.contactsList, query, caller);
  }

  @Get('leads')
  @ApiOperation({ summary: 'Open leads (not won or lost), best lead score first' })
  @ApiOkResponse({ type: LeadPageResponse })
  @ApiProblems(422)
  leads(@Query() query: LeadQueryDto, @RequestCaller() caller: Caller): Promise<LeadPageResponse> {
    return this.rpc.request(PortfolioSubjects.contactsLeads, query, caller);
  }

  @Post()
  @ApiOperation({ summary: 'Create a contact (409 CONTACT_EMAIL_TAKEN naming the existing contact)' })
  @ApiCreatedResponse({ type: ContactResponse })
  @ApiProblems(404, 409, 422)
  create(@Body() dto: CreateContactDto, @RequestCaller() caller: Caller): Promise<ContactResponse> {
    return this.rpc.request(PortfolioSubjects.contactsCreate, dto, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a contact' })
  @ApiOkResponse({ type: ContactResponse })
  @ApiProblems(404, 422)
  get(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<ContactResponse> {
    return this.rpc.request(PortfolioSubjects.contactsGet, { id }, caller);
  }

  @Get(':id/score')
  @ApiOperation({
    summary: 'The lead score of a contact: 0–100, grade A–D and the points of each factor',
    description:
      'Factors (maximum points): profile completeness — email, phone, search profile, budget, location, size (20); ' +
      "budget fit — available listings of the organization matching the search profile: 1 → 15, 2–4 → 20, 5+ → 25 (25); " +
      'engagement — 3 per activity in the last 30 days (up to 12), 1 per activity 31–90 days ago (up to 4), a viewing 5, an offer 8 (25); ' +
      'recency of the last contact — up to 7 days 10, 30 days 7, 90 days 3 (10); status — new 3, contacted 6, qualified 10, viewing 12, ' +
      'negotiating 15, won 0 (15); marketing consent (5). A lost lead scores 0. Grades: A ≥ 75, B ≥ 50, C ≥ 25, D below. ' +
      'Scores follow changes of the contact, its activities and the inventory.',
  })
  @ApiOkResponse({ type: LeadScoreResponse })
  @ApiProblems(404, 422)
  score(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<LeadScoreResponse> {
    return this.rpc.request(PortfolioSubjects.contactsScore, { id }, caller);
  }

  @Get(':id/matches')
  @ApiOperation({ summary: "The organization's available units (rent) or properties (buy) that fit the contact's search profile" })
  @ApiOkResponse({ type: ContactMatchPageResponse })
  @ApiProblems(404, 422)
  matches(@UuidParam() id: string, @Query() query: ContactMatchQueryDto, @RequestCaller() caller: Caller): Promise<ContactMatchPageResponse> {
    return this.rpc.request(PortfolioSubjects.contactsMatches, { ...query, id }, caller);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Replace a contact' })
  @ApiOkResponse({ type: ContactResponse })
  @ApiProblems(404, 409, 422)
  replace(@UuidParam() id: string, @Body() dto: CreateContactDto, @RequestCaller() caller: Caller): Promise<ContactResponse> {
    return this.rpc.request(PortfolioSubjects.contactsUpdate, { ...dto, id }, caller);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update some fields of a contact (null clears an optional field)' })
  @ApiOkResponse({ type: ContactResponse })
  @ApiProblems(404, 409, 422)
  update(@UuidParam() id: string, @Body() dto: UpdateContactDto, @RequestCaller() caller: Caller): Promise<ContactResponse> {
    return this.rpc.request(PortfolioSubjects.contactsUpdate, { ...dto, id }, caller);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a contact with its activities' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(404, 422)
  async remove(@UuidParam() id: string, @RequestCaller() caller: Caller): Promise<void> {
    await this.rpc.request(PortfolioSubjects.contactsDelete, { id }, caller);
  }
}
