import { randomUUID } from 'node:crypto';
import { createWorld, startTestApi, TestApi, World } from '@baton/api/testing';

/**
 * For every operation taking a hotel id: hotel B's id, seen by a hotel A user, must behave exactly like an id that does
 * not exist — same code, same message — so ids of other tenants cannot even be confirmed.
 */
describe('cross-tenant ids behave like missing ids (e2e)', () => {
  let api: TestApi;
  let world: World;
  let tokenA: string;

  beforeAll(async () => {
    api = await startTestApi();
    world = await createWorld(api.db);
    tokenA = await api.login(world.users.adminA.email);
  });
  afterAll(() => api.close());

  const operations: Array<[string, (id: string) => string]> = [
    ['hotel', (id) => `{ hotel(id: "${id}") { id } }`],
    ['recentActivity', (id) => `{ recentActivity(hotelId: "${id}") { id } }`],
    [
      'updateHotelSettings',
      (id) => `mutation { updateHotelSettings(hotelId: "${id}", input: { name: "Taken" }) { id } }`,
    ],
  ];

  it.each(operations)('%s', async (_name, query) => {
    const foreign = await api.gql(query(world.hotelB.id), {}, tokenA);
    const missing = await api.gql(query(randomUUID()), {}, tokenA);
    const strip = (r: typeof foreign) => r.errors?.map((e) => ({ code: e.extensions.code, message: e.message }));
    expect(foreign.data ?? null).toBeNull();
    expect(strip(foreign)).toEqual(strip(missing));
    expect(strip(foreign)?.[0].code).toBe('NOT_FOUND');
  });

  it('lists only the caller’s hotels and leaves hotel B untouched', async () => {
    const hotels = await api.gql<{ hotels: Array<{ id: string }> }>('{ hotels { id } }', {}, tokenA);
    expect(hotels.data?.hotels.map((h) => h.id)).toEqual([world.hotelA.id]);
    const tokenB = await api.login(world.users.adminB.email);
    const b = await api.gql<{ hotel: { name: string } }>(`{ hotel(id: "${world.hotelB.id}") { name } }`, {}, tokenB);
    expect(b.data?.hotel.name).toBe('Hotel Beta');
  });
});
