// UUIDv7 ids, made by the application (architecture.md, data rules): time-ordered,
// so new rows land at the end of B-tree indexes on both engines. Monotonic within
// a process: ids made in the same millisecond still sort in creation order.
const getRandomValues = <T extends ArrayBufferView>(array: T): T => globalThis.crypto.getRandomValues(array as never);

// Random bytes are drawn in blocks: one getRandomValues call per id cost more than the rest
// of making it, which showed when thousands of rows are written at once (the demo, imports).
const POOL_SIZE = 4096;
const pool = new Uint8Array(POOL_SIZE);
let poolAt = POOL_SIZE;
function randomByte(): number {
  if (poolAt === POOL_SIZE) {
    getRandomValues(pool);
    poolAt = 0;
  }
  return pool[poolAt++];
}
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

let lastMs = 0;
let sequence = 0;

export function uuidv7(now: number = Date.now()): string {
  if (now <= lastMs) {
    sequence = (sequence + 1) & 0xfff;
    if (sequence === 0) lastMs += 1; // 4096 ids in one millisecond: borrow the next one
    now = lastMs;
  } else {
    lastMs = now;
    sequence = ((randomByte() << 8) | randomByte()) & 0x7ff;
  }
  const bytes = new Array<number>(16);
  // 48-bit milliseconds, big-endian (arithmetic, not bit operators: those stop at 32 bits)
  let ms = now;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = 0x80 | (randomByte() & 0x3f);
  for (let i = 9; i < 16; i++) bytes[i] = randomByte();
  const hex = bytes.map((b) => HEX[b]).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
