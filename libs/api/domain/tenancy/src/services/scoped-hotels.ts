import { In } from 'typeorm';
import { BatonError, RequestContext } from '@baton/api/core';
import { HotelEntity } from '../entities/hotel.entity';

/**
 * Loads a hotel of the transaction's scope. Outside the scope or missing: the same NOT_FOUND. `lock` takes the row
 * FOR UPDATE, which serialises writers of one hotel (membership changes use it to keep "last admin" checks true).
 */
export async function loadScopedHotel(
  ctx: RequestContext,
  hotelId: string,
  options: { lock?: boolean } = {},
): Promise<HotelEntity> {
  ctx.assertInScope(hotelId);
  const hotel = await ctx.tx.getRepository(HotelEntity).findOne({
    where: { id: hotelId },
    ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
  if (!hotel) {
    throw BatonError.notFound('Hotel', hotelId);
  }
  return hotel;
}

/** Every hotel must be in scope and exist (the first that is not fails like an unknown id); returned in the order asked. */
export async function loadScopedHotels(ctx: RequestContext, hotelIds: readonly string[]): Promise<HotelEntity[]> {
  const wanted = [...new Set(hotelIds)];
  wanted.forEach((hotelId) => ctx.assertInScope(hotelId));
  const hotels = await ctx.tx.getRepository(HotelEntity).findBy({ id: In(wanted) });
  const missing = wanted.find((hotelId) => !hotels.some((h) => h.id === hotelId));
  if (missing !== undefined) {
    throw BatonError.notFound('Hotel', missing);
  }
  return wanted.map((hotelId) => hotels.find((h) => h.id === hotelId)!);
}
