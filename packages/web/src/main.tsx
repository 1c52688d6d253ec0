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
  (error: unknown) =>
    root.render(
      <p role="alert">
        Pantau tidak dapat dimuat (/config.json). Pantau could not start: {String(error)}
      </p>,
    ),
);
