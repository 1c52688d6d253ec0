import { createRoot } from 'react-dom/client';
import { App } from './app';
import { loadConfig } from './config';
import { moveTrackingCodeToFragment } from './track-link';
import './styles.css';

// An old tracking link (`/track/CODE`) becomes `/track#CODE` before the first request.
moveTrackingCodeToFragment();

const root = createRoot(document.getElementById('root')!);
loadConfig().then(
  (config) => root.render(<App config={config} />),
  (error: unknown) => {
    // What went wrong is for whoever opens the browser's console; the reader gets what to do.
    console.error('Pantau could not load /config.json', error);
    root.render(
      <p role="alert">
        Pantau tidak dapat dimuat. Periksa sambungan internet Anda, lalu muat ulang halaman ini.
      </p>,
    );
  },
);
