// The merge orchestration's public face: its module (no context depends on it).
export { MergeModule, type MergeParticipants } from './merge.module.js';
