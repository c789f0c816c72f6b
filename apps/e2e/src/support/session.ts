import { randomUUID } from 'node:crypto';
import request from 'supertest';

export interface Session {
  accessToken: string;
  refreshToken: string;
  userId: string;
  organizationId: string;
  email: string;
  password: string;
}

interface AuthBody {
  accessToken: string;
  refreshToken: string;
  user: { id: string; email: string };
  organization: { id: string };
}

export const PASSWORD = 'Correct-Horse-42!';

/** Registers a new organization with its owner, as a new customer would. */
export async function registerOrganization(baseUrl: string, name = 'Hausverwaltung', email = `owner-${randomUUID()}@example.de`): Promise<Session> {
  const response = await request(baseUrl)
    .post('/auth/register')
    .send({ email, password: PASSWORD, name: 'Olivia Owner', organizationName: `${name} ${randomUUID().slice(0, 6)}` })
    .expect(201);
  return toSession(response.body as AuthBody, PASSWORD);
}

export async function login(baseUrl: string, email: string, password: string): Promise<Session> {
  const response = await request(baseUrl).post('/auth/login').send({ email, password }).expect(200);
  return toSession(response.body as AuthBody, password);
}

function toSession(body: AuthBody, password: string): Session {
  return {
    accessToken: body.accessToken,
    refreshToken: body.refreshToken,
    userId: body.user.id,
    organizationId: body.organization.id,
    email: body.user.email,
    password,
  };
}

export function bearer(session: Session): { Authorization: string } {
  return { Authorization: `Bearer ${session.accessToken}` };
}

/** A valid property body; `overrides` replace top-level fields. */
export function propertyBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Altbau Prenzlauer Berg',
    type: 'apartment_building',
    address: { street: 'Kastanienallee', houseNumber: '12', postalCode: '10435', city: 'Berlin', country: 'DE' },
    livingArea: 820.5,
    floors: 5,
    yearBuilt: 1905,
    ...overrides,
  };
}
