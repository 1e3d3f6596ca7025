import { parseXml, XmlSyntaxError } from './parse-xml';

describe('the EDMX reader’s XML parser', () => {
  it('given prefixed elements and escaped attributes, when parsed, then local names, prefixes and decoded values come out', () => {
    const root = parseXml(
      '\uFEFF<?xml version="1.0"?><!-- c --><edmx:Edmx Version="4.0"><P Name="a&amp;b &#x41;&#66;" Q=\'it&apos;s\'/></edmx:Edmx>',
    );
    expect(root).toMatchObject({ name: 'Edmx', prefix: 'edmx', attributes: { Version: '4.0' } });
    expect(root.children[0].attributes).toEqual({ Name: 'a&b AB', Q: "it's" });
  });

  it('given a DOCTYPE with an external entity, when parsed, then the entity is never expanded nor fetched', () => {
    const root = parseXml(
      '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><Edmx><P Name="&xxe;"/></Edmx>',
    );
    expect(root.children[0].attributes.Name).toBe('&xxe;');
  });

  it.each(['', 'plain text', '<a><b></a>', '<a>', '<a/><b/>', '<a x="1></a>'])(
    'given malformed input %p, when parsed, then XmlSyntaxError',
    (text) => {
      expect(() => parseXml(text)).toThrow(XmlSyntaxError);
    },
  );
});
