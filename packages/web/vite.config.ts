import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev -w @pantau/web` serves the console on :5173 and sends API calls to the embedded
// runtime (`npm start`, :3000), so the browser sees one origin as it does on AWS and locally.
const API = process.env.PANTAU_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: {
    proxy: Object.fromEntries(
      ['/v1', '/dev', '/health', '/openapi.json', '/docs', '/config.json'].map((p) => [p, API]),
    ),
  },
});
