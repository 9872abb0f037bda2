import { existsSync, statSync } from "node:fs";
import path from "node:path";
import express, { type RequestHandler } from "express";

/** Vite names every built asset by its content hash: such a file never changes under its name. */
const IMMUTABLE = "public, max-age=31536000, immutable";
/** Compressed variants the build writes beside each asset (see apps/web/vite.config.ts), best first. */
const ENCODINGS = [
  { name: "br", suffix: ".br" },
  { name: "gzip", suffix: ".gz" },
] as const;

function isHashedAsset(urlPath: string): boolean {
  return urlPath.startsWith("/assets/");
}

/**
 * Serves the built web app. Hashed assets are cached for a year and sent precompressed (brotli, else
 * gzip) when the browser accepts it; `index.html` is revalidated on every load so a new release is
 * picked up at once. `precompressed: false` serves the plain files, for measuring the difference.
 */
export function webAppHandlers(webDist: string, { precompressed = true } = {}): RequestHandler[] {
  const index = path.join(webDist, "index.html");
  const assets = path.join(webDist, "assets");

  const compressedAsset: RequestHandler = (req, res, next) => {
    if (!precompressed || (req.method !== "GET" && req.method !== "HEAD") || !isHashedAsset(req.path))
      return next();
    const relative = path.normalize(decodeURIComponent(req.path.slice("/assets/".length)));
    if (relative.startsWith("..") || path.isAbsolute(relative)) return next();
    const accepted = req.acceptsEncodings(ENCODINGS.map((e) => e.name));
    const encoding = ENCODINGS.find((e) => e.name === accepted);
    const file = path.join(assets, relative);
    res.vary("Accept-Encoding");
    if (!encoding || !existsSync(file + encoding.suffix) || !statSync(file).isFile()) return next();
    res.set({ "Content-Encoding": encoding.name, "Cache-Control": IMMUTABLE });
    res.type(path.extname(file));
    res.sendFile(file + encoding.suffix, { cacheControl: false, lastModified: true });
  };

  return [
    compressedAsset,
    express.static(webDist, {
      index: false,
      cacheControl: false,
      setHeaders(res, filePath) {
        const underAssets = filePath.startsWith(assets + path.sep);
        res.setHeader("Cache-Control", underAssets ? IMMUTABLE : "no-cache");
      },
    }),
    // Client-side routes: every other GET gets the single-page app, revalidated each time.
    (req, res, next) => {
      if (req.method !== "GET" && req.method !== "HEAD") return next();
      // A missing hashed asset is a 404, not the app: a stale page must not get HTML for its script.
      if (isHashedAsset(req.path)) return next();
      res.sendFile(index, { headers: { "Cache-Control": "no-cache" } });
    },
  ];
}
