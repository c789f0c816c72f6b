/** Folder rules: names, moves that would make a cycle, and the tree an organization sees. */

/** Trimmed, inner whitespace collapsed: "  Mietverträge   2025 " and "Mietverträge 2025" are the same name. */
export function normalizeFolderName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

/**
 * Whether moving `folderId` under `newParentId` would put a folder inside itself, given every
 * folder's parent. Walks up from the new parent; a broken chain ends the walk.
 */
export function wouldCreateCycle(parents: ReadonlyMap<string, string | null>, folderId: string, newParentId: string | null): boolean {
  const seen = new Set<string>();
  for (let current = newParentId; current !== null && !seen.has(current); current = parents.get(current) ?? null) {
    if (current === folderId) return true;
    seen.add(current);
  }
  return false;
}

export interface FolderRow {
  id: string;
  parentId: string | null;
  name: string;
}

export type FolderNode<T extends FolderRow> = T & { children: FolderNode<T>[] };

const byName = new Intl.Collator('de', { sensitivity: 'base', numeric: true });

/** Nests folders under their parents, each level sorted by name (German collation, numbers in order). */
export function buildFolderTree<T extends FolderRow>(rows: readonly T[]): FolderNode<T>[] {
  const nodes = new Map<string, FolderNode<T>>(rows.map((row) => [row.id, { ...row, children: [] }]));
  const roots: FolderNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    (parent ? parent.children : roots).push(node);
  }
  const sort = (level: FolderNode<T>[]): FolderNode<T>[] => {
    level.sort((a, b) => byName.compare(a.name, b.name));
    level.forEach((node) => sort(node.children));
    return level;
  };
  return sort(roots);
}
