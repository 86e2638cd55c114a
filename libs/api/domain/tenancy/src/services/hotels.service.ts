import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { AuditAction } from '@baton/shared/contracts';
import { AuditWriter, BatonError, RequestContext } from '@baton/api/core';
import { UpdateHotelSettingsInput } from '../dto/update-hotel-settings.input';
import { HotelEntity } from '../entities/hotel.entity';
import { HotelObject } from '../objects/tenancy.objects';
import { toHotelObject } from './hotel.mapper';
import { loadScopedHotel } from './scoped-hotels';

const TIME_ZONES = new Set(Intl.supportedValuesOf('timeZone'));
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** Hotels (tenants) the caller reaches, and their settings. */
@Injectable()
export class HotelsService {
  constructor(private readonly audit: AuditWriter) {}

  async list(ctx: RequestContext): Promise<HotelObject[]> {
    if (ctx.tenantIds.length === 0) {
      return [];
    }
    const hotels = await ctx.tx
      .getRepository(HotelEntity)
      .find({ where: { id: In([...ctx.tenantIds]) }, order: { name: 'ASC' } });
    return hotels.map((h) => toHotelObject(h, ctx.grants));
  }

  async get(ctx: RequestContext, hotelId: string): Promise<HotelObject> {
    return toHotelObject(await loadScopedHotel(ctx, hotelId), ctx.grants);
  }

  async updateSettings(ctx: RequestContext, hotelId: string, input: UpdateHotelSettingsInput): Promise<HotelObject> {
    const hotel = await loadScopedHotel(ctx, hotelId);
    if (input.timeZone !== undefined && !TIME_ZONES.has(input.timeZone)) {
      throw BatonError.badInput(`Unknown time zone "${input.timeZone}"; use an IANA name such as Europe/Istanbul`, {
        field: 'timeZone',
      });
    }
    if (input.currency !== undefined && !CURRENCIES.has(input.currency)) {
      throw BatonError.badInput(`Unknown currency "${input.currency}"`, { field: 'currency' });
    }
    const before = {
      name: hotel.name,
      timeZone: hotel.timeZone,
      locale: hotel.locale,
      currency: hotel.currency.trim(),
    };
    const after = {
      name: input.name?.trim() ?? before.name,
      timeZone: input.timeZone ?? before.timeZone,
      locale: input.locale ?? before.locale,
      currency: input.currency ?? before.currency,
    };
    await ctx.tx.getRepository(HotelEntity).update({ id: hotelId }, { ...after, updatedAt: new Date() });
    await this.audit.record(ctx, {
      tenantId: hotelId,
      action: AuditAction.HotelSettingsUpdated,
      entityType: 'hotel',
      entityId: hotelId,
      before,
      after,
    });
    return toHotelObject({ ...hotel, ...after }, ctx.grants);
  }
}
