import { defineEntity, p } from '@mikro-orm/libsql';
import { ViewStore } from '../view-store';
import { type ViewReader } from '../view-reader';
import { ViewTable } from '../view-table';

export const PetRow = defineEntity({
  name: 'PetRow',
  tableName: 'pets',
  properties: {
    id: p.string().primary(),
    name: p.string(),
    owner: p.string(),
    kind: p.string(),
    vaccinated: p.boolean(),
    toys: p.json<string[]>(),
    friendId: p.string().nullable(),
  },
});

export const OwnerRow = defineEntity({
  name: 'OwnerRow',
  tableName: 'owners',
  properties: { id: p.string().primary(), name: p.string() },
});

export const KeeperRow = defineEntity({
  name: 'KeeperRow',
  tableName: 'keepers',
  properties: { id: p.string().primary(), cares: p.json<{ kind: string; since: number }[]>() },
});

type Keeper = Readonly<{ id: string; cares: { kind: string; since: number }[] }>;

type Pet = Readonly<{
  id: string;
  name: string;
  owner: string;
  kind: string;
  vaccinated: boolean;
  toys: string[];
  friendId?: string;
}>;

const rex: Pet = { id: 'p1', name: 'Rex', owner: 'alice', kind: 'dog', vaccinated: true, toys: ['ball'] };
const tom: Pet = {
  id: 'p2',
  name: 'Tom',
  owner: 'bob',
  kind: 'cat',
  vaccinated: false,
  toys: [],
  friendId: 'bob',
};
const kit: Pet = {
  id: 'p3',
  name: 'Kit',
  owner: 'carol',
  kind: 'cat',
  vaccinated: true,
  toys: [],
  friendId: 'zoe',
};
const ida: Pet = { id: 'p4', name: 'Ida', owner: 'alice', kind: 'dog', vaccinated: true, toys: [] };

/**
 * A database holding the tables of PetRow, OwnerRow and KeeperRow, empty, for one test: its view
 * tables, a reader, and a way to store documents as the projection runner's writer would.
 */
export type ViewStoreDatabase = Readonly<{
  table(entity: typeof PetRow | typeof OwnerRow | typeof KeeperRow): ViewTable;
  reader: ViewReader;
  write(table: ViewTable, documents: readonly object[]): Promise<void>;
  close(): Promise<void>;
}>;

/** What ViewStore does on every dialect: run from the SQLite spec and the MariaDB one. */
export function describeViewStore(dialect: string, open: () => Promise<ViewStoreDatabase>): void {
  describe(`ViewStore on ${dialect}`, () => {
    let database: ViewStoreDatabase;
    let pets: ViewTable;
    let store: ViewStore<Pet>;

    beforeEach(async () => {
      database = await open();
      pets = database.table(PetRow);
      await database.write(pets, [rex, tom, kit, ida]);
      await database.write(database.table(OwnerRow), [{ id: 'bob', name: 'Bob' }]);
      store = new ViewStore<Pet>(pets, database.reader);
    });
    afterEach(() => database.close());

    it('given stored documents, when one is read by id, then it comes back as it was written', async () => {
      expect(await store.get('p2')).toEqual(tom);
      expect(await store.get('p1')).toEqual(rex);
      expect(await store.get('nobody')).toBeUndefined();
    });

    it('given stored documents, when a filtered page is listed, then it answers that page and the total', async () => {
      const page = await store.list({
        where: [
          { field: 'vaccinated', equals: true },
          { field: 'kind', in: ['dog', 'cat'] },
        ],
        orderBy: [{ field: 'name', direction: 'desc' }],
        offset: 1,
        limit: 1,
      });

      expect(page).toEqual({ items: [kit], total: 3 });
    });

    it('given stored documents, when any of several conditions is asked for, then documents meeting one are listed', async () => {
      const page = await store.list({
        where: [
          {
            anyOf: [
              { field: 'owner', equals: 'bob' },
              { field: 'kind', in: ['dog'] },
            ],
          },
        ],
        orderBy: [{ field: 'name' }],
      });

      expect(page).toEqual({ items: [ida, rex, tom], total: 3 });
    });

    it('given a reference to another view, when absent ones are asked for, then only dangling references are listed', async () => {
      const page = await store.list({
        where: [
          { field: 'friendId', in: ['bob', 'zoe'] },
          { field: 'friendId', absentFrom: database.table(OwnerRow) },
        ],
      });

      expect(page).toEqual({ items: [kit], total: 1 });
    });

    // --- Absence and distinct values (added for Publishing's queries) ---

    it('given documents that leave an optional field out, when absent ones are asked for, then only those are listed', async () => {
      const page = await store.list({ where: [{ field: 'friendId', isAbsent: true }] });

      expect(page).toEqual({ items: [rex, ida], total: 2 });
      expect(
        (
          await store.list({
            where: [
              {
                anyOf: [
                  { field: 'friendId', isAbsent: true },
                  { field: 'friendId', equals: 'zoe' },
                ],
              },
            ],
          })
        ).total,
      ).toBe(3);
    });

    it('given another view matched on fields and a comparison, when unmatched ones are asked for, then those with no match are listed', async () => {
      await database.write(database.table(OwnerRow), [{ id: 'alice', name: 'Ida' }]);
      const owners = database.table(OwnerRow);

      const page = await store.list({
        where: [
          {
            absentFrom: owners,
            matching: [
              { other: 'id', field: 'owner' },
              { other: 'name', is: '>=', field: 'name' },
            ],
          },
        ],
      });

      expect(page).toEqual({ items: [rex, tom, kit], total: 3 });
      await expect(
        store.list({ where: [{ absentFrom: owners, matching: [{ other: 'owner', field: 'owner' }] }] }),
      ).rejects.toThrow(/no scalar field/);
    });

    it('given stored documents, when the distinct values of a field are asked for, then each comes once, ascending, absent ones left out', async () => {
      expect(await store.distinct('owner')).toEqual(['alice', 'bob', 'carol']);
      expect(await store.distinct('friendId')).toEqual(['bob', 'zoe']);
      expect(await store.distinct('owner', [{ field: 'kind', equals: 'dog' }])).toEqual(['alice']);
      expect(await store.distinct('vaccinated')).toEqual([false, true]);
      await expect(store.distinct('toys')).rejects.toThrow(/no scalar field/);
    });

    // --- end of the absence block ---

    it('given names in mixed case, when ordered ignoring case, then they sort as people read them', async () => {
      const abe: Pet = { id: 'p5', name: 'abe', owner: 'dan', kind: 'dog', vaccinated: false, toys: [] };
      await database.write(pets, [abe]);
      const names = async (orderBy: Parameters<typeof store.list>[0]) =>
        (await store.list(orderBy)).items.map(({ name }) => name);

      expect(await names({ orderBy: [{ field: 'name' }] })).toEqual(['Ida', 'Kit', 'Rex', 'Tom', 'abe']);
      expect(await names({ orderBy: [{ field: 'name', ignoreCase: true }] })).toEqual([
        'abe',
        'Ida',
        'Kit',
        'Rex',
        'Tom',
      ]);
      expect(await names({ orderBy: [{ field: 'name', direction: 'desc', ignoreCase: true }] })).toEqual([
        'Tom',
        'Rex',
        'Kit',
        'Ida',
        'abe',
      ]);
    });

    it('given equal sort values, when paged, then the id keeps the order stable', async () => {
      const kinds = await store.list({ orderBy: [{ field: 'kind', ignoreCase: true }], offset: 1, limit: 2 });

      expect(kinds.items.map(({ id }) => id)).toEqual(['p3', 'p1']);
      expect(kinds.total).toBe(4);
    });

    it('given an empty set of values, when listed, then nothing matches', async () => {
      expect(await store.list({ where: [{ field: 'owner', in: [] }] })).toEqual({ items: [], total: 0 });
    });

    it('given SQL in a value, when listed or read, then it is bound as a value and never executed', async () => {
      const injection = "x' or '1' = '1'; drop table pets; --";

      expect(await store.list({ where: [{ field: 'owner', equals: injection }] })).toEqual({
        items: [],
        total: 0,
      });
      expect(await store.list({ where: [{ field: 'owner', in: [injection] }] })).toEqual({
        items: [],
        total: 0,
      });
      expect(await store.get(injection)).toBeUndefined();
      expect((await store.list()).total).toBe(4);
    });

    it('given stored documents, when counted, then it answers how many meet the conditions without reading them', async () => {
      expect(await store.count()).toBe(4);
      expect(await store.count([{ field: 'vaccinated', equals: true }])).toBe(3);
      expect(await store.count([{ field: 'owner', in: [] }])).toBe(0);
    });

    describe('documents holding a JSON array of objects', () => {
      const ann: Keeper = { id: 'k1', cares: [{ kind: 'dog', since: 2020 }] };
      const ben: Keeper = {
        id: 'k2',
        cares: [
          { kind: 'cat', since: 2021 },
          { kind: 'bird', since: 2022 },
        ],
      };
      const cy: Keeper = { id: 'k3', cares: [] };
      let keepers: ViewStore<Keeper>;

      beforeEach(async () => {
        const table = database.table(KeeperRow);
        await database.write(table, [ann, ben, cy]);
        keepers = new ViewStore<Keeper>(table, database.reader);
      });

      it('when asked for an element whose property is one of a set, then only the documents holding one match', async () => {
        const holding = (...kinds: string[]) =>
          keepers.list({ where: [{ field: 'cares', hasElementWhere: { property: 'kind', in: kinds } }] });

        expect(await holding('bird', 'fish')).toEqual({ items: [ben], total: 1 });
        expect(await holding('dog', 'cat')).toEqual({ items: [ann, ben], total: 2 });
        expect(await holding()).toEqual({ items: [], total: 0 });
        expect(
          await keepers.count([{ field: 'cares', hasElementWhere: { property: 'since', in: [2020, 2022] } }]),
        ).toBe(2);
      });

      it('when combined with other conditions, then either may hold', async () => {
        const page = await keepers.list({
          where: [
            {
              anyOf: [
                { field: 'id', equals: 'k3' },
                { field: 'cares', hasElementWhere: { property: 'kind', in: ['dog'] } },
              ],
            },
          ],
        });

        expect(page).toEqual({ items: [ann, cy], total: 2 });
      });

      it('when the value or the property smuggles SQL, then the value is bound and the property refused', async () => {
        const injection = "dog') or 1 = 1 --";

        expect(
          await keepers.count([{ field: 'cares', hasElementWhere: { property: 'kind', in: [injection] } }]),
        ).toBe(0);
        await expect(
          keepers.count([{ field: 'cares', hasElementWhere: { property: "kind') or 1=1 --", in: ['dog'] } }]),
        ).rejects.toThrow(/Not a property name/);
        await expect(
          store.count([{ field: 'name', hasElementWhere: { property: 'kind', in: ['dog'] } }]),
        ).rejects.toThrow(/no JSON field/);
      });
    });

    it('given a field the table does not have, when listed, then it refuses instead of writing it into SQL', async () => {
      await expect(store.list({ where: [{ field: 'owner = owner --', equals: 'x' }] })).rejects.toThrow(
        /no scalar field/,
      );
      await expect(store.list({ orderBy: [{ field: 'toys' }] })).rejects.toThrow(/no scalar field/);
    });
  });
}
