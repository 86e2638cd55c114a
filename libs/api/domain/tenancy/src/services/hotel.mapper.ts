import type { Permission } from '@baton/shared/contracts';
import type { HotelEntity } from '../entities/hotel.entity';
import type { HotelObject } from '../objects/tenancy.objects';

export function toHotelObject(hotel: HotelEntity, grants: ReadonlyMap<string, ReadonlySet<Permission>>): HotelObject {
  return {
    id: hotel.id,
    agencyId: hotel.agencyId,
    name: hotel.name,
    slug: hotel.slug,
    code: hotel.code,
    timeZone: hotel.timeZone,
    locale: hotel.locale,
    currency: hotel.currency.trim(),
    permissions: [...(grants.get(hotel.id) ?? [])].sort(),
  };
}
