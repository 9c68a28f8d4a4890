import sharp from "sharp";

// The emulator's procedural "model": poster-like key art drawn as SVG and rasterised by sharp. Deterministic for
// (prompt, seed): the palette and the scene follow words in the prompt. It is not AI, and the studio says so.

type Rng = () => number;

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Palette {
  words: RegExp;
  sky: [string, string, string];
  glow: string;
  land: string;
  light: string;
  night: boolean;
}

const PALETTES: Palette[] = [
  {
    words: /neon|cyber|synth|club|future/,
    sky: ["#12002b", "#5b0a6b", "#ff2e88"],
    glow: "#ff5fd2",
    land: "#07010f",
    light: "#29f3ff",
    night: true,
  },
  {
    words: /horror|blood|vampire|demon|terror|haunt/,
    sky: ["#050000", "#3a0306", "#9b0d12"],
    glow: "#ff3b2f",
    land: "#020000",
    light: "#ffb199",
    night: true,
  },
  {
    words: /space|galaxy|planet|star|cosmic|alien/,
    sky: ["#02010a", "#1b0f45", "#4b2a86"],
    glow: "#c6a8ff",
    land: "#05030d",
    light: "#ffffff",
    night: true,
  },
  {
    words: /desert|sand|western|dune|sun|summer/,
    sky: ["#ffb347", "#ff7b39", "#c2314a"],
    glow: "#fff1b8",
    land: "#3d1620",
    light: "#ffe3a1",
    night: false,
  },
  {
    words: /snow|ice|winter|frost|arctic|cold/,
    sky: ["#dfefff", "#9cc5e8", "#4f7fb0"],
    glow: "#ffffff",
    land: "#1d3550",
    light: "#eaf6ff",
    night: false,
  },
  {
    words: /forest|jungle|tree|wood|green/,
    sky: ["#0d2b1f", "#2f6b4a", "#b9d98c"],
    glow: "#f3ffb0",
    land: "#061a10",
    light: "#e8ffc9",
    night: false,
  },
  {
    words: /fire|flame|war|battle|inferno|volcano/,
    sky: ["#1a0400", "#8a1c00", "#ff7a00"],
    glow: "#ffd000",
    land: "#120300",
    light: "#ffc46b",
    night: true,
  },
  {
    words: /night|noir|midnight|dark|crime|detective|harbor|harbour|rain/,
    sky: ["#03060f", "#0f2340", "#2e5877"],
    glow: "#f7e7a1",
    land: "#02040a",
    light: "#ffd36b",
    night: true,
  },
  {
    words: /ocean|sea|beach|wave|island|sail/,
    sky: ["#0a3d62", "#3c91c6", "#f6d6a8"],
    glow: "#fff4d6",
    land: "#06253b",
    light: "#fff4d6",
    night: false,
  },
];
const DEFAULT_PALETTES: Palette[] = [
  {
    words: /$^/,
    sky: ["#1d1a3a", "#6b3a6e", "#f08a5d"],
    glow: "#ffd9a0",
    land: "#140f24",
    light: "#ffe2b0",
    night: false,
  },
  {
    words: /$^/,
    sky: ["#0b1f33", "#1f6f78", "#f3c969"],
    glow: "#fff0c2",
    land: "#071420",
    light: "#ffeab0",
    night: false,
  },
];

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;

function skyline(rng: Rng, w: number, h: number, base: number, p: Palette): string {
  let x = -10;
  let out = "";
  while (x < w) {
    const bw = w * (0.04 + rng() * 0.08);
    const bh = h * (0.12 + rng() * 0.3);
    out += `<rect x="${x.toFixed(1)}" y="${(base - bh).toFixed(1)}" width="${bw.toFixed(1)}" height="${bh.toFixed(1)}" fill="${p.land}"/>`;
    for (let wy = base - bh + 8; wy < base - 8; wy += 14) {
      for (let wx = x + 5; wx < x + bw - 6; wx += 10) {
        if (rng() < 0.22)
          out += `<rect x="${wx.toFixed(1)}" y="${wy.toFixed(1)}" width="4" height="6" fill="${p.light}" opacity="${(0.5 + rng() * 0.5).toFixed(2)}"/>`;
      }
    }
    x += bw + rng() * 6;
  }
  return out;
}

function ridge(rng: Rng, w: number, base: number, height: number, jag: number, fill: string, opacity: number): string {
  const pts: string[] = [`0,${base + height}`];
  for (let x = 0; x <= w; x += w / jag) pts.push(`${x.toFixed(1)},${(base - rng() * height).toFixed(1)}`);
  pts.push(`${w},${base + height * 4}`, `0,${base + height * 4}`);
  return `<polygon points="${pts.join(" ")}" fill="${fill}" opacity="${opacity}"/>`;
}

function figure(w: number, h: number, cx: number, base: number, fill: string): string {
  const s = Math.min(w, h) * 0.001;
  return `<g transform="translate(${cx.toFixed(1)} ${base.toFixed(1)}) scale(${s.toFixed(3)})" fill="${fill}">
    <circle cx="0" cy="-330" r="34"/><path d="M-60 -290 Q0 -310 60 -290 L85 -120 L45 -120 L40 0 L8 0 L0 -110 L-8 0 L-40 0 L-45 -120 L-85 -120 Z"/></g>`;
}

export function posterSvg(prompt: string, seed: number, w: number, h: number): string {
  const text = prompt.toLowerCase();
  const rng = mulberry32(hash(text) ^ seed);
  const p = PALETTES.find((c) => c.words.test(text)) ?? pick(rng, DEFAULT_PALETTES);
  const horizon = h * (0.58 + rng() * 0.14);
  const orbX = w * (0.25 + rng() * 0.5);
  const orbY = h * (0.16 + rng() * 0.22);
  const orbR = Math.min(w, h) * (0.1 + rng() * 0.12);

  let scene = "";
  if (p.night || /star|space|night/.test(text)) {
    for (let i = 0; i < 140; i++) {
      scene += `<circle cx="${(rng() * w).toFixed(1)}" cy="${(rng() * horizon * 0.8).toFixed(1)}" r="${(rng() * 1.6 + 0.3).toFixed(2)}" fill="#fff" opacity="${(rng() * 0.8).toFixed(2)}"/>`;
    }
  }
  scene += `<circle cx="${orbX}" cy="${orbY}" r="${orbR * 2.6}" fill="url(#halo)"/><circle cx="${orbX}" cy="${orbY}" r="${orbR}" fill="${p.glow}"/>`;
  if (/planet|space|galaxy|alien/.test(text)) {
    scene += `<ellipse cx="${orbX}" cy="${orbY}" rx="${orbR * 1.9}" ry="${orbR * 0.35}" fill="none" stroke="${p.light}" stroke-width="${orbR * 0.08}" opacity="0.7"/>`;
  }
  if (/mountain|peak|alp|cliff|snow|volcano/.test(text) || rng() < 0.35) {
    scene += ridge(rng, w, horizon - h * 0.08, h * 0.22, 7, p.sky[2], 0.55);
    scene += ridge(rng, w, horizon - h * 0.02, h * 0.14, 11, p.land, 0.85);
  }
  if (/city|skyline|street|neon|harbor|harbour|noir|cyber|town/.test(text)) scene += skyline(rng, w, h, horizon, p);
  else scene += ridge(rng, w, horizon, h * 0.05, 5, p.land, 1);
  scene += `<rect x="0" y="${horizon}" width="${w}" height="${h - horizon}" fill="${p.land}"/>`;
  if (/sea|ocean|harbor|harbour|lake|river|beach|wave|water|rain/.test(text)) {
    for (let y = horizon + 6; y < h; y += 5 + rng() * 9) {
      const len = w * (0.05 + rng() * 0.25) * (1 - (y - horizon) / h);
      scene += `<rect x="${(orbX - len / 2 + (rng() - 0.5) * 40).toFixed(1)}" y="${y.toFixed(1)}" width="${len.toFixed(1)}" height="2" fill="${p.glow}" opacity="${(0.25 + rng() * 0.5).toFixed(2)}"/>`;
    }
  }
  if (/forest|tree|jungle|wood/.test(text)) {
    for (let i = 0; i < 24; i++) {
      const tx = rng() * w;
      const th = h * (0.08 + rng() * 0.16);
      scene += `<polygon points="${tx},${horizon - th} ${tx - th * 0.28},${horizon + 4} ${tx + th * 0.28},${horizon + 4}" fill="${p.land}"/>`;
    }
  }
  if (/\b(man|woman|hero|heroine|detective|girl|boy|figure|soldier|stranger|agent|rider|he|she)\b/.test(text)) {
    scene += `<rect x="0" y="${horizon - h * 0.12}" width="${w}" height="${h * 0.14}" fill="url(#fog)"/>`;
    scene += figure(w, h, w * (0.35 + rng() * 0.3), horizon + h * 0.16, "#000");
  } else {
    scene += `<rect x="0" y="${horizon - h * 0.12}" width="${w}" height="${h * 0.14}" fill="url(#fog)"/>`;
  }

  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
  <defs>
    <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="${p.sky[0]}"/><stop offset="0.6" stop-color="${p.sky[1]}"/><stop offset="1" stop-color="${p.sky[2]}"/>
    </linearGradient>
    <radialGradient id="halo"><stop offset="0" stop-color="${p.glow}" stop-opacity="0.55"/><stop offset="1" stop-color="${p.glow}" stop-opacity="0"/></radialGradient>
    <radialGradient id="vignette" cx="0.5" cy="0.45" r="0.75"><stop offset="0.55" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.7"/></radialGradient>
    <linearGradient id="fog" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${p.sky[2]}" stop-opacity="0"/><stop offset="1" stop-color="${p.sky[2]}" stop-opacity="0.35"/></linearGradient>
  </defs>
  <rect width="${w}" height="${h}" fill="url(#sky)"/>
  ${scene}
  <rect width="${w}" height="${h}" fill="url(#vignette)"/>
</svg>`;
}

// The art is a pure function of (prompt, seed, size), so the same request is drawn once: under load (the bench's
// 50 generations at once) the emulator then costs next to no CPU and the figures measure the app, not the drawing.
// A few recent ones are kept (each PNG is 1-2 MB); concurrent requests for the same art share one drawing.
const CACHED = 24;
const drawn = new Map<string, Promise<Buffer>>();

export function renderPoster(prompt: string, seed: number, width: number, height: number): Promise<Buffer> {
  const key = `${width}x${height}#${seed}#${prompt}`;
  const cached = drawn.get(key);
  if (cached) {
    drawn.delete(key);
    drawn.set(key, cached);
    return cached;
  }
  const png = sharp(Buffer.from(posterSvg(prompt, seed, width, height)))
    .png({ compressionLevel: 6 })
    .toBuffer();
  drawn.set(key, png);
  png.catch(() => drawn.delete(key));
  for (const oldest of drawn.keys()) {
    if (drawn.size <= CACHED) break;
    drawn.delete(oldest);
  }
  return png;
}
