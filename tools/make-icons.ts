// Writes manifest/color.png (192×192) and manifest/outline.png (32×32, white on transparent).
// Drawn by code so the icons are reproducible without image tools: a ring with a tick ("review
// done on time"), anti-aliased by supersampling. Run: npx tsx tools/make-icons.ts
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { manifestDir } from './manifest.js';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encodes 8-bit RGBA pixels (row-major, width*height*4 bytes) as a PNG. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function distToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** The glyph in unit coordinates (0..1): true where it is drawn. */
function glyph(u: number, v: number, stroke: number): boolean {
  const r = Math.hypot(u - 0.5, v - 0.5);
  const ring = Math.abs(r - 0.4) <= stroke / 2;
  const tick =
    distToSegment(u, v, 0.3, 0.52, 0.44, 0.66) <= stroke / 2 ||
    distToSegment(u, v, 0.44, 0.66, 0.71, 0.36) <= stroke / 2;
  return ring || tick;
}

/** Coverage 0..1 of the glyph in each pixel, 4×4 supersampled; `inset` leaves a margin. */
function coverage(size: number, inset: number, stroke: number): Float64Array {
  const out = new Float64Array(size * size);
  const n = 4;
  const span = size - 2 * inset;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let hits = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const u = (x + (sx + 0.5) / n - inset) / span;
          const v = (y + (sy + 0.5) / n - inset) / span;
          if (glyph(u, v, stroke)) hits++;
        }
      }
      out[y * size + x] = hits / (n * n);
    }
  }
  return out;
}

/** Accent colour, matching manifest.json's accentColor. */
export const ACCENT = { r: 0x1f, g: 0x6f, b: 0x8b };

export function colorIcon(): Buffer {
  const size = 192;
  const cov = coverage(size, 40, 0.09);
  const px = new Uint8Array(size * size * 4);
  cov.forEach((c, i) => {
    px[i * 4] = Math.round(ACCENT.r + (255 - ACCENT.r) * c);
    px[i * 4 + 1] = Math.round(ACCENT.g + (255 - ACCENT.g) * c);
    px[i * 4 + 2] = Math.round(ACCENT.b + (255 - ACCENT.b) * c);
    px[i * 4 + 3] = 255;
  });
  return encodePng(size, size, px);
}

export function outlineIcon(): Buffer {
  const size = 32;
  const cov = coverage(size, 1, 0.1);
  const px = new Uint8Array(size * size * 4);
  cov.forEach((c, i) => {
    // White only; shape carried by alpha (Teams recolours the outline icon).
    px.set([255, 255, 255, Math.round(255 * c)], i * 4);
  });
  return encodePng(size, size, px);
}

function main(): void {
  const dir = manifestDir();
  fs.writeFileSync(path.join(dir, 'color.png'), colorIcon());
  fs.writeFileSync(path.join(dir, 'outline.png'), outlineIcon());
  process.stdout.write(`wrote ${path.join(dir, 'color.png')} and ${path.join(dir, 'outline.png')}\n`);
}

if (require.main === module) main();
