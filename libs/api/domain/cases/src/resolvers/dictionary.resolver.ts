import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Permission } from '@baton/shared/contracts';
import { Allow, Ctx, RequestContext } from '@baton/api/core';
import { SaveDictionaryEntryInput } from '../dto/save-dictionary-entry.input';
import { DictionaryEntryObject } from '../objects/dictionary-entry.object';
import { Dictionaries } from '../services/dictionaries.service';

@Resolver(() => DictionaryEntryObject)
export class DictionaryResolver {
  constructor(private readonly dictionaries: Dictionaries) {}

  @Mutation(() => DictionaryEntryObject, {
    description: 'Creates or updates one entry (deactivate with active: false)',
  })
  @Allow(Permission.AdminSettings)
  saveDictionaryEntry(
    @Ctx() ctx: RequestContext,
    @Args('input') input: SaveDictionaryEntryInput,
  ): Promise<DictionaryEntryObject> {
    return this.dictionaries.save(ctx, input);
  }
}
