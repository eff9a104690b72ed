/**
 * What a feedback instance tells the operators' status board: which service and replica
 * answered, and its time. Plain TypeScript, as every domain file.
 */
export interface InstanceStatus {
  service: string;
  instance: string;
  time: Date;
}

/** The status as it travels (ISO time); refuses a status without a service or instance name. */
export function describeStatus(status: InstanceStatus): { service: string; instance: string; time: string } {
  if (!status.service.trim() || !status.instance.trim()) {
    throw new Error('an instance status names its service and instance');
  }
  return { service: status.service, instance: status.instance, time: status.time.toISOString() };
}
