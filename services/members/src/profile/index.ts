// The profile context's public face: its module and the ports other contexts may use.
export { ProfileModule } from './profile.module.js';
export { ProfileMergeParticipant } from './application/profile-merge.participant.js';
