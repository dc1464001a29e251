/** Every key ChartBrief writes in Redis starts with this, so it can share a Redis with others. */
export const KEY_PREFIX = 'chartbrief:';
