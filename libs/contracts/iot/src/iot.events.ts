/** Other iot events (alerts are in alert.events.ts). */
export const IotEvent = {
  WORK_ORDER_REQUESTED: 'iot.work-order.requested',
  NOTIFICATION_REQUESTED: 'iot.notification.requested',
  DEVICE_OFFLINE: 'iot.device.offline',
  DEVICE_ONLINE: 'iot.device.online',
} as const;

/** An automation rule asks for a work order (workorders may open one). */
export interface WorkOrderRequestedPayload {
  ruleId: string;
  deviceId: string;
  unitId?: string;
  buildingId?: string;
  title: string;
  description: string;
  priority: 'low' | 'medium' | 'high' | 'urgent';
  /**
   * The alert the same firing raised, if any: workorders opens at most one work order per alert,
   * so a rule that both alerts and requests a work order never opens two.
   */
  alertId?: string;
}

/** An automation rule asks to notify people (channels are the notifier's business). */
export interface NotificationRequestedPayload {
  ruleId: string;
  deviceId?: string;
  message: string;
  channel?: string;
}

export interface DeviceConnectivityPayload {
  deviceId: string;
  unitId?: string;
  buildingId?: string;
  lastSeenAt: string | null;
}
