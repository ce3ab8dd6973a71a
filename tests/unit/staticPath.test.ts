// Mapping URL paths to renderer files: everything stays inside the renderer folder.
import { join, sep } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { resolveStaticPath } from '../../electron/server/static.js';

const root = join(sep, 'opt', 'branchloop', 'renderer');

describe('resolveStaticPath', () => {
  test('maps / to index.html and other paths to files under the root', () => {
    expect(resolveStaticPath(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
    expect(resolveStaticPath(root, '/assets/%E5%9B%BE.png')).toBe(join(root, 'assets', '图.png'));
  });

  test('accepts a root given with a trailing separator', () => {
    expect(resolveStaticPath(root + sep, '/')).toBe(join(root, 'index.html'));
    expect(resolveStaticPath(root + sep, '/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
  });

  test.each([
    '/../package.json',
    '/..%2fpackage.json',
    '/%2e%2e/package.json',
    '/assets/../../x',
    '/..',
    '/a%00.js',
    '/%E0%A4%A',
  ])('refuses %s', (urlPath) => {
    expect(resolveStaticPath(root, urlPath)).toBeNull();
  });

  test('never resolves outside the root, whatever the path', () => {
    const segment = fc.oneof(
      fc.constantFrom('..', '.', '%2e%2e', '%2E%2e', '..%2f', '%2f', '%5c', '', 'assets', 'index.html'),
      fc.string(),
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (segments) => {
        const resolved = resolveStaticPath(root, '/' + segments.join('/'));
        if (resolved !== null) expect(resolved.startsWith(root + sep)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
