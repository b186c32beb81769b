// Draws the extension icon (public/icon/*.png) without any image tool: a rounded navy
// tile with two lines of "text", the first underlined in amber — a highlighted name.
// Run: node scripts/make-icons.mjs
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  const S = 4; // supersampling per axis
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < S; sy++)
        for (let sx = 0; sx < S; sx++) {
          const [r, g, b, a] = pixel((x + (sx + 0.5) / S) / size, (y + (sy + 0.5) / S) / size);
          acc[0] += r * a; acc[1] += g * a; acc[2] += b * a; acc[3] += a;
        }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      const a = acc[3] / (S * S);
      raw[o] = a ? Math.round(acc[0] / acc[3]) : 0;
      raw[o + 1] = a ? Math.round(acc[1] / acc[3]) : 0;
      raw[o + 2] = a ? Math.round(acc[2] / acc[3]) : 0;
      raw[o + 3] = Math.round(a * 255);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const inRoundRect = (x, y, x0, y0, x1, y1, r) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const NAVY = [30, 41, 82];
const PAPER = [248, 246, 240];
const AMBER = [245, 158, 11];

const icon = (x, y) => {
  if (!inRoundRect(x, y, 0.02, 0.02, 0.98, 0.98, 0.2)) return [0, 0, 0, 0];
  // line 1: a "name" bar, then its amber underline
  if (inRoundRect(x, y, 0.18, 0.24, 0.7, 0.38, 0.05)) return [...PAPER, 1];
  if (inRoundRect(x, y, 0.16, 0.43, 0.74, 0.51, 0.04)) return [...AMBER, 1];
  // line 2 and 3: plain text bars
  if (inRoundRect(x, y, 0.18, 0.6, 0.82, 0.68, 0.04)) return [...PAPER, 0.75];
  if (inRoundRect(x, y, 0.18, 0.74, 0.6, 0.82, 0.04)) return [...PAPER, 0.75];
  return [...NAVY, 1];
};

mkdirSync('public/icon', { recursive: true });
// Every size a browser or store asks for: toolbar 16/32 (19/38 on older Chrome), menus 24, the
// extensions page 48, Firefox 64/96, Chrome Web Store and install 128, AMO listing 256 (and 512).
export const ICON_SIZES = [16, 19, 24, 32, 38, 48, 64, 96, 128, 256, 512];
for (const size of ICON_SIZES) writeFileSync(`public/icon/${size}.png`, png(size, icon));
console.log(`public/icon/{${ICON_SIZES.join(',')}}.png written`);
