/* eslint-disable no-control-regex */
/** Control characters except tab and line breaks; Postgres text cannot hold NUL at all. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const CONTROL_AND_BREAKS = /[\u0000-\u001F\u007F]/g;

/** Text as users typed or documents held it, minus control characters; tabs and line breaks stay. */
export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL, '');
}

/** A one-line value (title, reference, file name): control characters and breaks become spaces. */
export function singleLine(value: string): string {
  return value.replace(CONTROL_AND_BREAKS, ' ').trim();
}
