import { describe, expect, it } from 'vitest';
import { checkWellFormedXml } from './well-formed-xml';

describe('checkWellFormedXml (test support)', () => {
  it('accepts a document and collects decoded <text> contents', () => {
    const xml = checkWellFormedXml('<?xml version="1.0"?><svg a="1"><g><text x="1">a &amp; b</text><path d="M0"/></g><text>&#65;</text></svg>');
    expect(xml).toEqual({ root: 'svg', elements: 5, texts: ['a & b', 'A'] });
  });

  it('rejects what a parser would reject', () => {
    expect(() => checkWellFormedXml('<svg><g></svg>')).toThrow(/closes <g>/);
    expect(() => checkWellFormedXml('<svg><g>')).toThrow(/unclosed elements/);
    expect(() => checkWellFormedXml('<svg>a & b</svg>')).toThrow(/bare '&'/);
    expect(() => checkWellFormedXml('<svg a=1></svg>')).toThrow(/malformed attribute/);
    expect(() => checkWellFormedXml('<svg a="1" a="2"></svg>')).toThrow(/duplicate attribute/);
    expect(() => checkWellFormedXml('<svg></svg><svg></svg>')).toThrow(/second root/);
    expect(() => checkWellFormedXml('plain')).toThrow(/outside the root/);
  });
});
