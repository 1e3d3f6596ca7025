import {
  bodySkeleton,
  operationsOf,
  requestUrl,
  type OpenApiDocument,
} from '../../apps/console/src/resources/integrations/api-explorer/openapi-operations';

/** In the shape the package generator writes: the environment a shared path parameter, filters deepObject. */
const DOC: OpenApiDocument = {
  paths: {
    '/api/data/{env}/int-1/customers': {
      parameters: [{ $ref: '#/components/parameters/env' }],
      get: {
        operationId: 'listCustomers',
        summary: 'List customers',
        parameters: [
          {
            name: 'name',
            in: 'query',
            style: 'deepObject',
            schema: { type: 'object', properties: { eq: { type: 'string' }, contains: { type: 'string' } } },
          },
          { name: 'limit', in: 'query', schema: { type: 'integer' } },
        ],
      },
      post: {
        operationId: 'createCustomers',
        summary: 'Create a customers',
        requestBody: {
          content: { 'application/json': { schema: { $ref: '#/components/schemas/NewCustomer' } } },
        },
      },
    },
    '/api/data/{env}/int-1/customers/{key}': {
      parameters: [{ $ref: '#/components/parameters/env' }, { name: 'key', in: 'path', required: true }],
      delete: { operationId: 'deleteCustomers', summary: 'Delete a customers' },
    },
  },
  components: {
    parameters: { env: { name: 'env', in: 'path', required: true } },
    schemas: {
      NewCustomer: {
        type: 'object',
        properties: {
          id: { type: 'integer', readOnly: true },
          name: { type: 'string' },
          vip: { type: 'boolean', default: true },
          born: { type: ['string', 'null'], format: 'date' },
          tier: { enum: ['gold', 'silver'] },
        },
      },
    },
  },
};

describe('the try-it explorer’s reading of a version’s OpenAPI document', () => {
  it('lists every operation in the document’s order, without the environment parameter it fills itself', () => {
    const operations = operationsOf(DOC);

    expect(operations.map(({ id, method }) => [id, method])).toEqual([
      ['listCustomers', 'get'],
      ['createCustomers', 'post'],
      ['deleteCustomers', 'delete'],
    ]);
    expect(operations[0]!.parameters.map(({ name }) => name)).toEqual(['name', 'limit']);
    expect(operations[0]!.filterOperators).toEqual({ name: ['eq', 'contains'] });
    expect(operations[2]!.parameters.map(({ name }) => name)).toEqual(['key']);
  });

  it('builds the URL with the environment, the key and only the parameters filled, filters as name[op]', () => {
    const [list, , remove] = operationsOf(DOC);

    expect(
      requestUrl(list!, 'qa', {
        values: { limit: '5' },
        filters: { name: { op: 'contains', value: 'Ad a' } },
      }),
    ).toBe('/api/data/qa/int-1/customers?name%5Bcontains%5D=Ad+a&limit=5');
    expect(
      requestUrl(list!, 'qa', { values: { limit: '' }, filters: { name: { op: 'eq', value: '' } } }),
    ).toBe('/api/data/qa/int-1/customers');
    expect(requestUrl(remove!, 'development', { values: { key: 'a/b' }, filters: {} })).toBe(
      '/api/data/development/int-1/customers/a%2Fb',
    );
  });

  it('starts a create from every writable attribute with a value of its type', () => {
    const [, create] = operationsOf(DOC);

    expect(bodySkeleton(create!.body!, DOC)).toEqual({
      name: '',
      vip: true,
      born: '2025-01-31',
      tier: 'gold',
    });
  });
});
