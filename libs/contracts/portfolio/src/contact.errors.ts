/** Error codes of the CRM, beside `CommonErrorCode` and `PortfolioErrorCode`. */
export const ContactErrorCode = {
  /** 409: another contact of the organization has this email; `details.existingContactId` names it. */
  CONTACT_EMAIL_TAKEN: 'CONTACT_EMAIL_TAKEN',
} as const;
export type ContactErrorCode = (typeof ContactErrorCode)[keyof typeof ContactErrorCode];
