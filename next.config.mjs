/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // sharp is a native module: keep it out of the server bundle so its prebuilt libvips loads at run time.
  serverExternalPackages: ["sharp"],
  // The poster typography renderer reads the bundled fonts from node_modules at run time: ship them with the routes,
  // every subset of the scripts it sets (lib/design/fonts.ts SUBSETS).
  outputFileTracingIncludes: {
    "/*": ["./node_modules/@fontsource/*/files/*-{latin,greek,cyrillic}{,-ext}-*-normal.woff"],
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
      {
        // Share pages carry their token in the URL: never leak it to the sites their images or links go to.
        source: "/s/:path*",
        headers: [
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "X-Robots-Tag", value: "noindex" },
        ],
      },
    ];
  },
};

export default nextConfig;
