// The ledger context's public face: its module, the ports other contexts may use, and the error
// filter an orchestration puts on a controller that calls those ports (ledger errors keep their reason).
export { LedgerModule } from './ledger.module.js';
export { LedgerMergeParticipant } from './application/ledger-merge.participant.js';
export { LedgerErrorFilter } from './interface/ledger-error.mapping.js';
