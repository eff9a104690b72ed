/** The record of merges (member_merges), written in the merge's ambient transaction. */
export abstract class MergeLog {
  abstract record(entry: {
    id: string;
    survivorId: string;
    mergedId: string;
    reason: string;
    actorId: string;
    mergedAt: Date;
  }): Promise<void>;
}
