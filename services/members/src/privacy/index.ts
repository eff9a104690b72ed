// The privacy context's public face: its module and the ports other contexts may use.
export { PrivacyModule } from './privacy.module.js';
export { PartnerVisibility, type PartnerVisibilitySource } from './application/partner-visibility.js';
export { MemberDataExportRegistry, type MemberDataContributor } from './application/member-data-export.js';
export { PrivacyMergeParticipant } from './application/privacy-merge.participant.js';
