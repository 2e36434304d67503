import { describe, expect, it } from 'vitest';
import {
  isoFormatSeparator,
  mysqlPattern,
  parseTimestampFormat,
  postgresPattern,
} from '../../../src-main/transfer/xlink/sql/timestamp-format';

const both = (format: string) => {
  const parts = parseTimestampFormat(format);
  if (!parts) throw new Error(`${format} did not parse`);
  return { postgres: postgresPattern(parts), mysql: mysqlPattern(parts), iso: isoFormatSeparator(parts) };
};

describe('…TimeStampFormat translation', () => {
  it('reads strftime-like ISO formats', () => {
    expect(both('%Y-%m-%d %H:%M:%S')).toEqual({
      postgres: 'YYYY-MM-DD HH24:MI:SS',
      mysql: '%Y-%m-%d %H:%i:%s',
      iso: ' ',
    });
  });

  it('reads .NET-like ISO formats, with T and a fraction', () => {
    expect(both('yyyy-MM-dd HH:mm:ss')).toEqual({
      postgres: 'YYYY-MM-DD HH24:MI:SS',
      mysql: '%Y-%m-%d %H:%i:%s',
      iso: ' ',
    });
    expect(both('yyyy-MM-ddTHH:mm:ss.fff')).toEqual({
      postgres: 'YYYY-MM-DD"T"HH24:MI:SS.US',
      mysql: '%Y-%m-%dT%H:%i:%s.%f',
      iso: 'T',
    });
  });

  it('reads European day-first formats with a 12-hour clock as not ISO', () => {
    expect(both('dd/MM/yyyy hh:mm tt')).toEqual({
      postgres: 'DD/MM/YYYY HH12:MI AM',
      mysql: '%d/%m/%Y %h:%i %p',
      iso: undefined,
    });
    expect(both('%d.%m.%y %I:%M %p')).toEqual({
      postgres: 'DD.MM.YY HH12:MI AM',
      mysql: '%d.%m.%y %h:%i %p',
      iso: undefined,
    });
  });

  it('reads month abbreviations and doubles a literal % for MySQL', () => {
    expect(both('%d %b %Y %H:%M 100%%')).toMatchObject({
      postgres: 'DD Mon YYYY HH24:MI 100%',
      mysql: '%d %b %Y %H:%i 100%%',
    });
  });

  it('refuses what it cannot translate rather than guess', () => {
    expect(parseTimestampFormat('%Q')).toBeUndefined();
    expect(parseTimestampFormat('dddd, MMMM d')).toBeUndefined();
    expect(parseTimestampFormat('---')).toBeUndefined();
  });
});
