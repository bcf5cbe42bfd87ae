import { compilePattern, isRegexLiteral, matchesText, regexProblem } from './text-match';

describe('text-match', () => {
  it('tells regex literals from keywords', () => {
    expect(isRegexLiteral('/^help$/i')).toBe(true);
    expect(isRegexLiteral('/help/')).toBe(true);
    expect(isRegexLiteral('help')).toBe(false);
    expect(isRegexLiteral('//')).toBe(false);
    expect(isRegexLiteral('/help')).toBe(false);
    expect(isRegexLiteral('and/or')).toBe(false);
  });

  it('explains unusable regexes as sentences', () => {
    expect(regexProblem('help')).toBeUndefined();
    expect(regexProblem('/^help$/i')).toBeUndefined();
    expect(regexProblem(`/${'a'.repeat(201)}/`)).toBe('the regular expression is longer than 200 characters');
    expect(regexProblem('/(/')).toMatch(/^the regular expression is invalid \(/);
  });

  it('compiles keywords once and reuses them', () => {
    expect(compilePattern('help')).toBe(compilePattern('help'));
    expect(compilePattern('/(/')).toBeNull();
  });

  it('matches keywords with regex characters literally', () => {
    expect(matchesText('a.b', 'a.b')).toBe(true);
    expect(matchesText('axb', 'a.b')).toBe(false);
    expect(matchesText('50% off', '50%')).toBe(true);
    expect(matchesText('c:\\path', 'c:\\path')).toBe(true);
    expect(matchesText('x-ray', 'x-ray')).toBe(true);
  });
});
