// The segments context's public face: its module and the ports other contexts may use.
export { SegmentsModule } from './segments.module.js';
export { SegmentsMergeParticipant } from './application/segments-merge.participant.js';
