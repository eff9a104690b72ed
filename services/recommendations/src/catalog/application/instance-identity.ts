/** Port: which service and replica this process is (the infrastructure reads it from the settings). */
export abstract class InstanceIdentity {
  abstract readonly service: string;
  abstract readonly instance: string;
}
