export interface OrderBy {
  /** A column expression from the allow-list, never user input. */
  column: string;
  direction: 'ASC' | 'DESC';
}
