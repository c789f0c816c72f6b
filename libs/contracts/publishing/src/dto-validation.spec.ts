import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ConfigureChannelMessageDto } from './channel.dto';
import { FeedQueryDto } from './job.dto';
import { CreateListingDto, PublishListingMessageDto, UpdateListingMessageDto } from './listing.dto';

function fieldsWithErrors<T extends object>(type: new () => T, plain: object): string[] {
  const errors = validateSync(plainToInstance(type, plain), { whitelist: true, forbidNonWhitelisted: true });
  const walk = (list: typeof errors, parent = ''): string[] =>
    list.flatMap((error) => {
      const field = parent ? `${parent}.${error.property}` : error.property;
      return [...(error.constraints ? [field] : []), ...walk(error.children ?? [], field)];
    });
  return walk(errors);
}

const ID = '3f2b8c9e-1d4a-4e5b-9c7d-2a1b3c4d5e6f';

describe('publishing request contracts', () => {
  it('accepts a complete listing and names every invalid field of a bad one', () => {
    const listing = {
      propertyId: ID,
      marketingType: 'rent',
      title: 'Helle Wohnung',
      priceCents: 145_000,
      energyCertificate: { type: 'consumption', value: 92.4, energyClass: 'A+', constructionYear: 1998, heatingSource: 'gas', validUntil: '2031-05-31' },
      contact: { name: 'Anna Becker', email: 'anna@example.de' },
      images: [{ url: 'https://cdn.example.de/1.jpg' }, { documentId: ID }],
    };
    expect(fieldsWithErrors(CreateListingDto, listing)).toEqual([]);
    expect(
      fieldsWithErrors(CreateListingDto, {
        ...listing,
        marketingType: 'lease',
        title: 'x'.repeat(101),
        priceCents: 0,
        energyCertificate: { type: 'guess', energyClass: 'J', heatingSource: 'nuclear' },
        contact: { name: '', email: 'not-mail' },
        images: [{ url: 'http://insecure.example/1.jpg' }],
      }).sort(),
    ).toEqual(['contact.email', 'contact.name', 'energyCertificate.energyClass', 'energyCertificate.heatingSource', 'energyCertificate.type', 'images.0.url', 'marketingType', 'priceCents', 'title']);
  });

  it('keeps the property and unit of a listing fixed on update', () => {
    expect(fieldsWithErrors(UpdateListingMessageDto, { id: ID, propertyId: ID })).toEqual(['propertyId']);
  });

  it('publishes to known channels, each once, at least one', () => {
    expect(fieldsWithErrors(PublishListingMessageDto, { id: ID, channels: ['immoscout24', 'instagram'] })).toEqual([]);
    expect(fieldsWithErrors(PublishListingMessageDto, { id: ID, channels: [] })).toEqual(['channels']);
    expect(fieldsWithErrors(PublishListingMessageDto, { id: ID, channels: ['immowelt', 'immowelt'] })).toEqual(['channels']);
    expect(fieldsWithErrors(PublishListingMessageDto, { id: ID, channels: ['myspace'] })).toEqual(['channels']);
  });

  it('configures only known channels and serves feeds only for the OpenImmo portals', () => {
    expect(fieldsWithErrors(ConfigureChannelMessageDto, { channel: 'xing', settings: 'pageId=1' }).sort()).toEqual(['channel', 'settings']);
    expect(fieldsWithErrors(FeedQueryDto, { channel: 'kleinanzeigen', mode: 'delta' })).toEqual([]);
    expect(fieldsWithErrors(FeedQueryDto, { channel: 'facebook', mode: 'weekly' }).sort()).toEqual(['channel', 'mode']);
  });
});
