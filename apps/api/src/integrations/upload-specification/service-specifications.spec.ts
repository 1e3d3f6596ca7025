import { gzipSync } from 'node:zlib';
import { ValidationError } from '@ib/domain';
import { type CommandRunner } from '../../infrastructure/command-handling/command-runner';
import { MAX_SPECIFICATION_BYTES, ServiceSpecifications } from './service-specifications';

/** A small v4 document: two entity sets, one with navigation bindings inside its element. */
const CAP_V4_METADATA = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="ShopService" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityContainer Name="EntityContainer">
        <EntitySet Name="Customers" EntityType="ShopService.Customers">
          <NavigationPropertyBinding Path="orders" Target="Orders"/>
        </EntitySet>
        <EntitySet Name="Orders" EntityType="ShopService.Orders"/>
      </EntityContainer>
      <EntityType Name="Customers">
        <Key><PropertyRef Name="ID"/></Key>
        <Property Name="ID" Type="Edm.Int32" Nullable="false"/>
        <Property Name="name" Type="Edm.String" MaxLength="100"/>
        <NavigationProperty Name="orders" Type="Collection(ShopService.Orders)"/>
      </EntityType>
      <EntityType Name="Orders">
        <Key><PropertyRef Name="ID"/></Key>
        <Property Name="ID" Type="Edm.Guid" Nullable="false"/>
      </EntityType>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>`;

describe('ServiceSpecifications.parse', () => {
  // Parsing reads nothing from the log.
  const specifications = new ServiceSpecifications({} as CommandRunner);
  const refusal = (document: string, encoding: 'text' | 'gzip-base64') =>
    specifications.parse(document, encoding).then(
      () => undefined,
      (error: unknown) => error,
    );

  it('given an EDMX document, as text or gzip-base64, then it counts its entity sets alike', async () => {
    const asText = await specifications.parse(CAP_V4_METADATA, 'text');
    const compressed = gzipSync(Buffer.from(CAP_V4_METADATA)).toString('base64');
    const asGzip = await specifications.parse(compressed, 'gzip-base64');

    expect(asText.entitySets).toBe(2);
    expect(asGzip).toMatchObject({ edmx: CAP_V4_METADATA, entitySets: 2 });
  });

  it('given a compressed document that inflates beyond the limit, then it is refused without inflating it all', async () => {
    const bomb = gzipSync(Buffer.alloc(MAX_SPECIFICATION_BYTES + 1, 0x20)).toString('base64');

    const error = await refusal(bomb, 'gzip-base64');

    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({
      code: 'INTEGRATION.SPECIFICATION_INVALID',
      message: expect.stringMatching(/larger than 32 MiB/),
    });
  });

  it('given an EDMX document without entity sets, then it is refused', async () => {
    const empty = CAP_V4_METADATA.replace(/<EntitySet [^>]*[^/]>[\s\S]*?<\/EntitySet>/g, '').replace(
      /<EntitySet [^>]*\/>/g,
      '',
    );

    expect(await refusal(empty, 'text')).toMatchObject({
      code: 'INTEGRATION.SPECIFICATION_INVALID',
      fieldErrors: [{ field: 'document', message: 'The specification offers no entity set' }],
    });
  });

  it('given a page that is not EDMX, then the reason names it', async () => {
    expect(await refusal('<html><body>Sign in</body></html>', 'text')).toMatchObject({
      code: 'INTEGRATION.SPECIFICATION_INVALID',
      message: expect.stringMatching(/not an OData service/),
    });
  });
});
