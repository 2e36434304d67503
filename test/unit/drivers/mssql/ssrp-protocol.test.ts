// Limitation: there is no SQL Server (and no SQL Server Browser) on our build machines. These
// tests check the SQL Server Resolution Protocol encoding against the [MC-SQLR] layout only.
import { describe, expect, it } from 'vitest';
import {
  decodeResponse,
  encodeInstanceRequest,
  encodeListRequest,
} from '../../../../src-main/drivers/mssql/ssrp-protocol';
import { svrResp, withHeader } from './support/ssrp-responder';

const sqlExpress = { serverName: 'ACD01', instanceName: 'SQLEXPRESS', version: '15.0.2000.5', tcpPort: 49731 };

describe('SSRP requests', () => {
  it('asks for one instance with 0x04, its name in ASCII and a NUL', () => {
    expect([...encodeInstanceRequest('SQLEXPRESS')]).toEqual([0x04, ...Buffer.from('SQLEXPRESS'), 0x00]);
  });

  it('asks for the list of instances with the single byte 0x03', () => {
    expect([...encodeListRequest()]).toEqual([0x03]);
  });

  it('refuses instance names the protocol cannot carry', () => {
    expect(() => encodeInstanceRequest('')).toThrow(RangeError);
    expect(() => encodeInstanceRequest('X'.repeat(33))).toThrow(RangeError);
  });
});

describe('SSRP answers', () => {
  it('reads server, instance, version and TCP port of one instance', () => {
    expect(decodeResponse(svrResp([sqlExpress]))).toEqual([
      { serverName: 'ACD01', instanceName: 'SQLEXPRESS', version: '15.0.2000.5', tcpPort: 49731 },
    ]);
  });

  it('reads the literal example of the protocol', () => {
    const text = 'ServerName;ACD01;InstanceName;CMS;IsClustered;No;Version;16.0.1000.6;tcp;1500;;';
    expect(decodeResponse(withHeader(Buffer.from(text, 'latin1')))).toEqual([
      { serverName: 'ACD01', instanceName: 'CMS', version: '16.0.1000.6', tcpPort: 1500 },
    ]);
  });

  it('reads every instance of a listing, and marks one without TCP/IP', () => {
    const pipesOnly = { serverName: 'ACD01', instanceName: 'PIPES', version: '16.0.1000.6' };
    const instances = decodeResponse(svrResp([sqlExpress, pipesOnly]));
    expect(instances?.map((instance) => [instance.instanceName, instance.tcpPort])).toEqual([
      ['SQLEXPRESS', 49731],
      ['PIPES', undefined],
    ]);
  });

  it.each([
    ['an empty datagram', Buffer.alloc(0)],
    ['a wrong type byte', Buffer.concat([Buffer.from([0x04]), svrResp([sqlExpress]).subarray(1)])],
    [
      'a size larger than the data',
      withHeader(Buffer.from('ServerName;A;InstanceName;B;IsClustered;No;Version;1;;'), 500),
    ],
    [
      'a size smaller than the data',
      withHeader(Buffer.from('ServerName;A;InstanceName;B;IsClustered;No;Version;1;;'), 10),
    ],
    ['no closing ;;', withHeader(Buffer.from('ServerName;A;InstanceName;B;IsClustered;No;Version;1'))],
    ['a key without value', withHeader(Buffer.from('ServerName;A;InstanceName;;'))],
    ['no instance name', withHeader(Buffer.from('ServerName;A;IsClustered;No;Version;1;tcp;1433;;'))],
    [
      'a port that is not a number',
      withHeader(Buffer.from('ServerName;A;InstanceName;B;IsClustered;No;Version;1;tcp;x;;')),
    ],
    ['port 0', withHeader(Buffer.from('ServerName;A;InstanceName;B;IsClustered;No;Version;1;tcp;0;;'))],
    ['port 70000', withHeader(Buffer.from('ServerName;A;InstanceName;B;IsClustered;No;Version;1;tcp;70000;;'))],
    ['random text', withHeader(Buffer.from('HTTP/1.1 400 Bad Request'))],
  ])('rejects %s', (_name, datagram) => {
    expect(decodeResponse(datagram)).toBeUndefined();
  });
});
