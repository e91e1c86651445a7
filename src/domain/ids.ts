// UUIDv7 ids, made by the application (architecture.md, data rules): time-ordered,
// so new rows land at the end of B-tree indexes on both engines. Monotonic within
// a process: ids made in the same millisecond still sort in creation order.
const getRandomValues = <T extends ArrayBufferView>(array: T): T => globalThis.crypto.getRandomValues(array as never);

let lastMs = 0;
let sequence = 0;

export function uuidv7(now: number = Date.now()): string {
  if (now <= lastMs) {
    sequence = (sequence + 1) & 0xfff;
    if (sequence === 0) lastMs += 1; // 4096 ids in one millisecond: borrow the next one
    now = lastMs;
  } else {
    lastMs = now;
    sequence = getRandomValues(new Uint16Array(1))[0] & 0x7ff;
  }
  const bytes = getRandomValues(new Uint8Array(16));
  const ms = BigInt(now);
  for (let i = 0; i < 6; i++) bytes[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = 0x80 | (bytes[8] & 0x3f);
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
