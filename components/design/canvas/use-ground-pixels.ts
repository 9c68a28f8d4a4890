"use client";

import { useEffect, useState } from "react";
import type { PixelArea } from "@/lib/design/contrast";
import type { CanvasPictures } from "../use-preview";

// The art under its scrim as RGBA pixels at the canvas's size, read once per answer in the browser: the contrast
// check reads what is behind a layer's box from these, wherever the layer has been moved to since.
export function useGroundPixels(pictures: CanvasPictures | null): PixelArea | null {
  const [pixels, setPixels] = useState<PixelArea | null>(null);
  const url = pictures?.ground;
  const width = pictures?.width ?? 0;
  const height = pictures?.height ?? 0;
  useEffect(() => {
    if (!url) return;
    let live = true;
    const image = new Image();
    image.onload = () => {
      if (!live) return;
      const canvas = document.createElement("canvas");
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext("2d", { willReadFrequently: true });
      if (!context) return;
      context.drawImage(image, 0, 0, width, height);
      setPixels({ data: context.getImageData(0, 0, width, height).data, width, height });
    };
    image.src = url;
    return () => {
      live = false;
    };
  }, [url, width, height]);
  return pixels;
}
