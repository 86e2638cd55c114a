import { DynamicModule, Global, Module } from '@nestjs/common';
import { BatonConfig } from './baton-config';

/** Provides the already validated BatonConfig; validation happens in main.ts before Nest starts. */
@Global()
@Module({})
export class BatonConfigModule {
  static forRoot(config: BatonConfig): DynamicModule {
    return {
      module: BatonConfigModule,
      providers: [{ provide: BatonConfig, useValue: config }],
      exports: [BatonConfig],
    };
  }
}
