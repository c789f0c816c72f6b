import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ChatDto, IngestDocumentDto, UploadDocumentMessageDto } from './index';

function fieldsWithErrors<T extends object>(type: new () => T, plain: object): string[] {
  return validateSync(plainToInstance(type, plain), { whitelist: true, forbidNonWhitelisted: true }).map((error) => error.property);
}

describe('ai contracts', () => {
  it('requires a title and text to ingest, and knows only staff and residents visibility', () => {
    expect(fieldsWithErrors(IngestDocumentDto, { title: 'Rules', text: 'No pets.' })).toEqual([]);
    expect(fieldsWithErrors(IngestDocumentDto, { text: 'No pets.' })).toEqual(['title']);
    expect(fieldsWithErrors(IngestDocumentDto, { title: 'Rules', text: '', visibility: 'public' }).sort()).toEqual(['text', 'visibility']);
  });

  it('limits a chat message to 4000 characters', () => {
    expect(fieldsWithErrors(ChatDto, { message: 'x'.repeat(4000) })).toEqual([]);
    expect(fieldsWithErrors(ChatDto, { message: 'x'.repeat(4001) })).toEqual(['message']);
    expect(fieldsWithErrors(ChatDto, { message: 'hi', conversationId: 'nope' })).toEqual(['conversationId']);
  });

  it('requires base64 data and a file name for an upload', () => {
    const file = { fileName: 'a.txt', contentType: 'text/plain', data: Buffer.from('hello').toString('base64') };
    expect(fieldsWithErrors(UploadDocumentMessageDto, file)).toEqual([]);
    expect(fieldsWithErrors(UploadDocumentMessageDto, { ...file, data: 'not base64!', fileName: '' }).sort()).toEqual(['data', 'fileName']);
  });
});
