/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // sharp is a native module: keep it out of the server bundle so its prebuilt libvips loads at run time.
  serverExternalPackages: ["sharp"],
};

export default nextConfig;
