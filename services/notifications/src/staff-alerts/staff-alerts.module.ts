import { Module } from '@nestjs/common';
import { StaffAlertRepository } from './application/staff-alert.repository.js';
import { StaffAlerts } from './application/staff-alerts.js';
import { SqlStaffAlertRepository } from './infrastructure/sql-staff-alert.repository.js';
import { StaffAlertsController } from './interface/staff-alerts.controller.js';

/** Staff alerts about tickets: SLA warnings and breaches, escalations. */
@Module({
  controllers: [StaffAlertsController],
  providers: [StaffAlerts, { provide: StaffAlertRepository, useClass: SqlStaffAlertRepository }],
})
export class StaffAlertsModule {}
