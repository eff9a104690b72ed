import { registerEnumType } from '@nestjs/graphql';
import { CHANNELS, CONSENT_CHANNELS, CONSENT_PURPOSES, LANGUAGES } from '@atrium/contracts';

/**
 * GraphQL enums built from the contracts' value lists, so the graph cannot drift from what
 * services accept. A value that is not a GraphQL name (e.g. `zh-CN`) is exposed as `ZH_CN`
 * and still reaches services as `zh-CN`.
 */
function enumOf<V extends string>(values: readonly V[]): Record<string, V> {
  return Object.fromEntries(values.map((value) => [value.toUpperCase().replace(/[^A-Z0-9_]/g, '_'), value]));
}

/** A GraphQL enum for values that are GraphQL names already (e.g. TICKET_CHANNELS): each value is its own name. */
export function enumOfNames<V extends string>(values: readonly V[]): Record<V, V> {
  return Object.fromEntries(values.map((value) => [value, value])) as Record<V, V>;
}

export const ChannelEnum = enumOf(CHANNELS);
export const LanguageEnum = enumOf(LANGUAGES);
export const ConsentPurposeEnum = enumOf(CONSENT_PURPOSES);
export const ConsentChannelEnum = enumOf(CONSENT_CHANNELS);

registerEnumType(ChannelEnum, { name: 'Channel', description: 'Where a member or a request comes from.' });
registerEnumType(LanguageEnum, {
  name: 'Language',
  description: 'Languages of member-facing texts (ZH_CN = Simplified Chinese, ZH_TW = Traditional Chinese).',
});
registerEnumType(ConsentPurposeEnum, {
  name: 'ConsentPurpose',
  description: 'What a member allows their data to be used for.',
});
registerEnumType(ConsentChannelEnum, {
  name: 'ConsentChannel',
  description: 'Contact channel a consent covers.',
});
