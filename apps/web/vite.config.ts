import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { precompress } from "./precompress";

const API_SERVER = "http://localhost:3000";

export default defineConfig({
  plugins: [react(), precompress()],
  server: {
    proxy: {
      "/trpc": API_SERVER,
      "/healthz": API_SERVER,
    },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // antd alone is several hundred kilobytes; it is split into its own long-cached chunk below.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: "react", test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
            { name: "antd", test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|dayjs)[\\/]/ },
            { name: "query", test: /node_modules[\\/](@tanstack|@trpc)[\\/]/ },
          ],
        },
      },
    },
  },
});
