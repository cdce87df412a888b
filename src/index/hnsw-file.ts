// Structural check of an hnswlib index file before hnswlib reads it. hnswlib trusts the file:
// a truncated file or a damaged header or link makes readIndex or a later search read outside
// its buffers and the process dies with SIGSEGV, which no try/catch can turn into a rebuild.
// So every field that hnswlib uses as a size, an offset or a point id is checked here, in
// JavaScript, against the file's length and against what the caller expects.
//
// Layout (hnswalg.h saveIndex, little-endian, size_t = 8 bytes, tableint = uint32):
//   header: offsetLevel0, max_elements, cur_element_count, size_data_per_element, label_offset,
//           offset_data (size_t each), maxlevel (int32), enterpoint (uint32), maxM, maxM0, M
//           (size_t each), mult (double), ef_construction (size_t)       = 96 bytes
//   level 0: cur_element_count x size_data_per_element bytes; each element is
//           [link count (uint16) + flags (uint16), maxM0 neighbour ids (uint32)] [vector] [label (size_t)]
//   upper levels: per element a uint32 byte length (a multiple of the per-level link size),
//           then that many bytes of [count + flags, maxM neighbour ids] per level.

export const HNSW_HEADER_BYTES = 96;
const FLOAT_BYTES = 4;
const ID_BYTES = 4;
const LINK_HEADER_BYTES = 4;
const LABEL_BYTES = 8;
// hnswlib draws levels as -ln(U) * mult; a level above this is damage, not chance.
const MAX_LEVEL = 64;

export interface HnswHeader {
  offsetLevel0: number;
  maxElements: number;
  count: number;
  sizeDataPerElement: number;
  labelOffset: number;
  offsetData: number;
  maxLevel: number;
  enterpoint: number;
  maxM: number;
  maxM0: number;
  m: number;
  mult: number;
  efConstruction: number;
}

export interface HnswExpectation {
  dims: number;
  /** Points the label table says the graph holds (free labels included: they stay as deleted points). */
  count: number;
  /** Graph degree the index was built with. */
  m: number;
}

/** Thrown when an index file is not one hnswlib can read safely. */
export class DamagedIndexFileError extends Error {}

export function readHnswHeader(bytes: Uint8Array): HnswHeader {
  if (bytes.byteLength < HNSW_HEADER_BYTES)
    throw new DamagedIndexFileError(`index file has ${bytes.byteLength} bytes, less than its ${HNSW_HEADER_BYTES}-byte header`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = (at: number) => Number(view.getBigUint64(at, true));
  return {
    offsetLevel0: size(0),
    maxElements: size(8),
    count: size(16),
    sizeDataPerElement: size(24),
    labelOffset: size(32),
    offsetData: size(40),
    maxLevel: view.getInt32(48, true),
    enterpoint: view.getUint32(52, true),
    maxM: size(56),
    maxM0: size(64),
    m: size(72),
    mult: view.getFloat64(80, true),
    efConstruction: size(88),
  };
}

/**
 * Throws a DamagedIndexFileError unless `bytes` is an hnswlib inner-product index of exactly the
 * expected shape whose sizes add up to the file's length and whose links all name real points.
 */
export function checkHnswFile(bytes: Uint8Array, expected: HnswExpectation): HnswHeader {
  const header = readHnswHeader(bytes);
  checkHeader(header, expected);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const levelZeroEnd = HNSW_HEADER_BYTES + header.count * header.sizeDataPerElement;
  if (levelZeroEnd > bytes.byteLength)
    throw new DamagedIndexFileError(`index file is truncated: ${bytes.byteLength} bytes, level 0 alone needs ${levelZeroEnd}`);
  checkLevelZeroLinks(view, header);
  const end = checkUpperLinks(view, header, levelZeroEnd);
  if (end !== bytes.byteLength) throw new DamagedIndexFileError(`index file has ${bytes.byteLength} bytes, its structure ${end}`);
  return header;
}

function checkHeader(h: HnswHeader, expected: HnswExpectation): void {
  const linksLevel0 = h.maxM0 * ID_BYTES + LINK_HEADER_BYTES;
  const dataBytes = expected.dims * FLOAT_BYTES;
  const problems = [
    h.offsetLevel0 !== 0 && 'offsetLevel0',
    h.m !== expected.m && 'M',
    h.maxM !== h.m && 'maxM',
    h.maxM0 !== 2 * h.m && 'maxM0',
    h.offsetData !== linksLevel0 && 'offset_data',
    h.labelOffset !== linksLevel0 + dataBytes && 'label_offset',
    h.sizeDataPerElement !== linksLevel0 + dataBytes + LABEL_BYTES && 'size_data_per_element (dimension)',
    h.count !== expected.count && `cur_element_count (${h.count}, label table ${expected.count})`,
    h.maxElements < h.count && 'max_elements',
    !(h.mult > 0 && Number.isFinite(h.mult)) && 'mult',
    h.efConstruction < 1 && 'ef_construction',
    (h.maxLevel < (h.count === 0 ? -1 : 0) || h.maxLevel > MAX_LEVEL) && 'maxlevel',
    h.count > 0 && h.enterpoint >= h.count && 'enterpoint',
  ].filter((p): p is string => typeof p === 'string');
  if (problems.length) throw new DamagedIndexFileError(`index file header does not match: ${problems.join(', ')}`);
}

function checkLinks(view: DataView, at: number, max: number, count: number, where: string): void {
  const links = view.getUint16(at, true);
  if (links > max) throw new DamagedIndexFileError(`${where}: ${links} links, at most ${max}`);
  for (let i = 0; i < links; i++) {
    const id = view.getUint32(at + LINK_HEADER_BYTES + i * ID_BYTES, true);
    if (id >= count) throw new DamagedIndexFileError(`${where}: link to point ${id} of ${count}`);
  }
}

function checkLevelZeroLinks(view: DataView, h: HnswHeader): void {
  for (let p = 0; p < h.count; p++) checkLinks(view, HNSW_HEADER_BYTES + p * h.sizeDataPerElement, h.maxM0, h.count, `point ${p} level 0`);
}

/** Walks the per-point upper-level link lists; returns where they end. */
function checkUpperLinks(view: DataView, h: HnswHeader, start: number): number {
  const perLevel = h.maxM * ID_BYTES + LINK_HEADER_BYTES;
  let at = start;
  for (let p = 0; p < h.count; p++) {
    if (at + 4 > view.byteLength) throw new DamagedIndexFileError(`index file is truncated in the links of point ${p}`);
    const bytes = view.getUint32(at, true);
    at += 4;
    const levels = bytes / perLevel;
    if (!Number.isInteger(levels) || levels > h.maxLevel) throw new DamagedIndexFileError(`point ${p}: upper links of ${bytes} bytes`);
    if (p === h.enterpoint && levels !== h.maxLevel) throw new DamagedIndexFileError('the entry point is not on the top level');
    if (at + bytes > view.byteLength) throw new DamagedIndexFileError(`index file is truncated in the links of point ${p}`);
    for (let level = 0; level < levels; level++) checkLinks(view, at + level * perLevel, h.maxM, h.count, `point ${p} level ${level + 1}`);
    at += bytes;
  }
  return at;
}
