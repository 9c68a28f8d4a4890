"use client";

import { useEffect, useRef, useState } from "react";

// Sets `near` once the element comes within a screen's margin of the viewport. Native loading="lazy" starts
// 1,250–2,500 px early in Chrome, which on a gallery page means every thumbnail at once; this keeps a cold visit to
// what is on screen, plus a little.
const MARGIN = "50px 0px";

export function useNearViewport<T extends Element>(initially: boolean) {
  const ref = useRef<T>(null);
  const [near, setNear] = useState(initially);
  useEffect(() => {
    const element = ref.current;
    if (near || !element) return;
    if (!("IntersectionObserver" in window)) return setNear(true);
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: MARGIN },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near]);
  return { ref, near };
}
