/** Error codes of the iot service, beside the common ones. */
export const IotErrorCode = {
  DEVICE_INACTIVE: 'DEVICE_INACTIVE',
  ALERT_STATE_CONFLICT: 'ALERT_STATE_CONFLICT',
  INVALID_RANGE: 'INVALID_RANGE',
} as const;
