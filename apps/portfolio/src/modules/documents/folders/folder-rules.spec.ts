import { buildFolderTree, normalizeFolderName, wouldCreateCycle } from './folder-rules';

describe('folder rules', () => {
  it('treats names that differ only in surrounding or repeated spaces as the same name', () => {
    expect(normalizeFolderName('  Mietverträge   2025 ')).toBe('Mietverträge 2025');
  });

  describe('moving a folder', () => {
    // root → a → b → c, and x at the root
    const parents = new Map<string, string | null>([
      ['a', null],
      ['b', 'a'],
      ['c', 'b'],
      ['x', null],
    ]);

    it('refuses to put a folder into itself or any folder below it', () => {
      expect(wouldCreateCycle(parents, 'a', 'a')).toBe(true);
      expect(wouldCreateCycle(parents, 'a', 'c')).toBe(true);
      expect(wouldCreateCycle(parents, 'b', 'c')).toBe(true);
    });

    it('allows moves to the root, to siblings and to folders above', () => {
      expect(wouldCreateCycle(parents, 'c', null)).toBe(false);
      expect(wouldCreateCycle(parents, 'c', 'a')).toBe(false);
      expect(wouldCreateCycle(parents, 'a', 'x')).toBe(false);
    });
  });

  it('nests folders under their parents, sorted by name with numbers in numeric order', () => {
    const tree = buildFolderTree([
      { id: '1', parentId: null, name: 'Verträge' },
      { id: '2', parentId: '1', name: 'Haus 10' },
      { id: '3', parentId: '1', name: 'Haus 2' },
      { id: '4', parentId: null, name: 'Abrechnungen' },
      { id: '5', parentId: '3', name: 'älter' },
    ]);
    expect(tree.map((node) => node.name)).toEqual(['Abrechnungen', 'Verträge']);
    expect(tree[1].children.map((node) => node.name)).toEqual(['Haus 2', 'Haus 10']);
    expect(tree[1].children[0].children).toEqual([{ id: '5', parentId: '3', name: 'älter', children: [] }]);
  });
});
