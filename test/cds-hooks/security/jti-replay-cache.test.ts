import { createInMemoryJtiReplayCache } from '../../../cds-hooks/security/jti-replay-cache';

describe('createInMemoryJtiReplayCache', () => {
  let nowMs: number;
  const now = (): Date => new Date(nowMs);
  beforeEach(() => {
    nowMs = 1_000_000;
  });

  it('stores an unseen id and reports it as replayed until it expires', async () => {
    const cache = createInMemoryJtiReplayCache({ now });
    expect(await cache.checkAndStore('a', nowMs + 1000)).toBe('stored');
    expect(await cache.checkAndStore('a', nowMs + 1000)).toBe('replayed');
    nowMs += 1000;
    expect(await cache.checkAndStore('a', nowMs + 1000)).toBe('stored');
  });

  it('refuses new ids when full of unexpired ones, rather than forgetting any', async () => {
    const cache = createInMemoryJtiReplayCache({ now, maxEntries: 2 });
    expect(await cache.checkAndStore('a', nowMs + 1000)).toBe('stored');
    expect(await cache.checkAndStore('b', nowMs + 5000)).toBe('stored');
    expect(await cache.checkAndStore('c', nowMs + 5000)).toBe('full');
    expect(await cache.checkAndStore('a', nowMs + 1000)).toBe('replayed');
    nowMs += 1000; // 'a' has expired: a sweep makes room
    expect(await cache.checkAndStore('c', nowMs + 5000)).toBe('stored');
    expect(await cache.checkAndStore('b', nowMs + 5000)).toBe('replayed');
    expect(await cache.checkAndStore('d', nowMs + 5000)).toBe('full');
  });

  it('sweeps again when a later, earlier-expiring id has expired', async () => {
    const cache = createInMemoryJtiReplayCache({ now, maxEntries: 2 });
    await cache.checkAndStore('long', nowMs + 10_000);
    await cache.checkAndStore('x', nowMs + 10_000);
    nowMs += 10_000;
    expect(await cache.checkAndStore('short', nowMs + 100)).toBe('stored'); // sweep freed both
    await cache.checkAndStore('long2', nowMs + 10_000);
    nowMs += 100;
    expect(await cache.checkAndStore('y', nowMs + 10_000)).toBe('stored');
  });

  it('rejects a non-positive size', () => {
    expect(() => createInMemoryJtiReplayCache({ maxEntries: 0 })).toThrow(RangeError);
  });
});
