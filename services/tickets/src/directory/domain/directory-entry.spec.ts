import { describe, expect, it } from '@jest/globals';
import { supersedes } from './directory-entry.js';

describe('supersedes', () => {
  it.each([
    [1, null, true],
    [2, 1, true],
    [1, 1, false],
    [1, 2, false],
    [7, 3, true],
  ])('a message of version %p over a held version %p is applied: %p', (incoming, held, applied) => {
    expect(supersedes(incoming, held)).toBe(applied);
  });
});
