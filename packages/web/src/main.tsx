import { createRoot } from 'react-dom/client';
import { App } from './app';
import { loadConfig } from './config';
import './styles.css';

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
