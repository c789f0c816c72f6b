/** NATS subjects of the portfolio service (without the deployment prefix). Payload DTO → response in comments. */
export const PortfolioSubjects = {
  /** PropertyQueryDto → PropertyPageResponse */
  propertiesList: 'portfolio.v1.properties.list',
  /** IdDto → PropertyResponse */
  propertiesGet: 'portfolio.v1.properties.get',
  /** CreatePropertyDto → PropertyResponse (402 PLAN_LIMIT_REACHED over the plan) */
  propertiesCreate: 'portfolio.v1.properties.create',
  /** UpdatePropertyMessageDto → PropertyResponse */
  propertiesUpdate: 'portfolio.v1.properties.update',
  /** DeleteMessageDto → { deleted: true } (409 PROPERTY_HAS_BUILDINGS unless cascade) */
  propertiesDelete: 'portfolio.v1.properties.delete',

  /** BuildingQueryDto → BuildingPageResponse */
  buildingsList: 'portfolio.v1.buildings.list',
  /** IdDto → BuildingResponse */
  buildingsGet: 'portfolio.v1.buildings.get',
  /** CreateBuildingDto → BuildingResponse */
  buildingsCreate: 'portfolio.v1.buildings.create',
  /** UpdateBuildingMessageDto → BuildingResponse */
  buildingsUpdate: 'portfolio.v1.buildings.update',
  /** DeleteMessageDto → { deleted: true } (409 BUILDING_HAS_UNITS unless cascade) */
  buildingsDelete: 'portfolio.v1.buildings.delete',

  /** UnitQueryDto → UnitPageResponse */
  unitsList: 'portfolio.v1.units.list',
  /** AvailableUnitQueryDto → UnitPageResponse (vacant units) */
  unitsAvailable: 'portfolio.v1.units.available',
  /** IdDto → UnitResponse */
  unitsGet: 'portfolio.v1.units.get',
  /** CreateUnitDto → UnitResponse */
  unitsCreate: 'portfolio.v1.units.create',
  /** UpdateUnitMessageDto → UnitResponse */
  unitsUpdate: 'portfolio.v1.units.update',
  /** DeleteMessageDto → { deleted: true } */
  unitsDelete: 'portfolio.v1.units.delete',
  /** UnitHistoryMessageDto → UnitStatusHistoryPageResponse (newest first) */
  unitsHistory: 'portfolio.v1.units.history',
  /** ChangeUnitStatusMessageDto → UnitResponse */
  unitsChangeStatus: 'portfolio.v1.units.change-status',

  /** {} → PortfolioUsageResponse */
  usageGet: 'portfolio.v1.usage.get',

  /** {} → UploadStartedResponse (a staging area for the chunks of one file) */
  documentsUploadStart: 'portfolio.v1.documents.uploads.start',
  /** UploadChunkMessageDto → UploadChunkResponse (413 past DOCUMENT_MAX_BYTES, 409 out of order) */
  documentsUploadChunk: 'portfolio.v1.documents.uploads.chunk',
  /** UploadIdDto → { deleted: true } (drops a staged upload that will not be used) */
  documentsUploadDiscard: 'portfolio.v1.documents.uploads.discard',
  /** CreateDocumentMessageDto → DocumentResponse (415 wrong type, 402 over the plan's documents/storage) */
  documentsCreate: 'portfolio.v1.documents.create',
  /** DocumentQueryDto → DocumentPageResponse */
  documentsList: 'portfolio.v1.documents.list',
  /** IdDto → DocumentResponse */
  documentsGet: 'portfolio.v1.documents.get',
  /** UpdateDocumentMessageDto → DocumentResponse (event portfolio.document.updated) */
  documentsUpdate: 'portfolio.v1.documents.update',
  /** IdDto → { deleted: true } (metadata and the stored bytes of every version) */
  documentsDelete: 'portfolio.v1.documents.delete',
  /** AddDocumentVersionMessageDto → DocumentResponse */
  documentsVersionsAdd: 'portfolio.v1.documents.versions.add',
  /** DocumentVersionsMessageDto → DocumentVersionPageResponse (newest first) */
  documentsVersionsList: 'portfolio.v1.documents.versions.list',
  /** DownloadMessageDto → DownloadInfoResponse */
  documentsDownload: 'portfolio.v1.documents.download',
  /** DownloadChunkMessageDto → DownloadChunkResponse */
  documentsDownloadChunk: 'portfolio.v1.documents.download-chunk',
  /** {} → DocumentUsageResponse */
  documentsUsage: 'portfolio.v1.documents.usage',
  /** {} → FolderTreeResponse */
  foldersTree: 'portfolio.v1.documents.folders.tree',
  /** IdDto → FolderResponse */
  foldersGet: 'portfolio.v1.documents.folders.get',
  /** CreateFolderDto → FolderResponse (409 FOLDER_NAME_TAKEN) */
  foldersCreate: 'portfolio.v1.documents.folders.create',
  /** UpdateFolderMessageDto → FolderResponse (409 FOLDER_NAME_TAKEN, 422 moved into itself) */
  foldersUpdate: 'portfolio.v1.documents.folders.update',
  /** IdDto → { deleted: true } (409 FOLDER_NOT_EMPTY) */
  foldersDelete: 'portfolio.v1.documents.folders.delete',

  /** ContactQueryDto → ContactPageResponse */
  contactsList: 'portfolio.v1.contacts.list',
  /** LeadQueryDto → LeadPageResponse (open leads, best score first) */
  contactsLeads: 'portfolio.v1.contacts.leads',
  /** IdDto → ContactResponse */
  contactsGet: 'portfolio.v1.contacts.get',
  /** CreateContactDto → ContactResponse (409 CONTACT_EMAIL_TAKEN) */
  contactsCreate: 'portfolio.v1.contacts.create',
  /** UpdateContactMessageDto → ContactResponse (409 CONTACT_EMAIL_TAKEN) */
  contactsUpdate: 'portfolio.v1.contacts.update',
  /** IdDto → { deleted: true } */
  contactsDelete: 'portfolio.v1.contacts.delete',
  /** IdDto → LeadScoreResponse */
  contactsScore: 'portfolio.v1.contacts.score',
  /** ContactMatchesMessageDto → ContactMatchPageResponse */
  contactsMatches: 'portfolio.v1.contacts.matches',
  /** ContactActivitiesMessageDto → ContactActivityPageResponse (newest first) */
  contactActivitiesList: 'portfolio.v1.contact-activities.list',
  /** CreateContactActivityMessageDto → ContactActivityResponse */
  contactActivitiesCreate: 'portfolio.v1.contact-activities.create',
  /** DeleteContactActivityMessageDto → { deleted: true } */
  contactActivitiesDelete: 'portfolio.v1.contact-activities.delete',
} as const;
export type PortfolioSubject = (typeof PortfolioSubjects)[keyof typeof PortfolioSubjects];

/** The answer of every delete subject. */
export interface DeletedResponse {
  deleted: true;
}
