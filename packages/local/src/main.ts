/** `npm start`: the embedded runtime on this machine. Ctrl-C / SIGTERM stop everything. */
import { buildConsoleIfStale } from './console.ts';
import { loadConfig } from './config.ts';
import { JavaMissingError } from './dynamodb-local.ts';
import { startRuntime } from './runtime.ts';

try {
  const config = loadConfig();
  await buildConsoleIfStale((line) => process.stdout.write(`${line}\n`));
  const runtime = await startRuntime(config);
  process.on('exit', () => runtime.kill());
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping Pantau (API, DynamoDB Local)…\n`);
    runtime.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.stdout.write(
    [
      '',
      `Pantau is running (embedded runtime, data in ${config.PANTAU_DATA_DIR}).`,
      `  Console        ${runtime.url}/   (sign in ${config.PANTAU_OIDC_ISSUER ? `through ${config.PANTAU_OIDC_ISSUER}` : 'as a demo user'})`,
      `  Tracking page  ${runtime.url}/track`,
      `  API            ${runtime.url}/v1`,
      `  Docs           ${runtime.url}/docs   (OpenAPI: ${runtime.url}/openapi.json)`,
      `  DynamoDB Local ${runtime.dynamoDbEndpoint}`,
      `  Letters        ${config.PANTAU_DATA_DIR}/mail/<date>/<id>.eml`,
      `  Complaint form ${runtime.url}/adukan`,
      runtime.smtpPort === null
        ? '  E-mail intake  off (set PANTAU_SMTP_PORT to listen for complaints by e-mail)'
        : `  E-mail intake  smtp://127.0.0.1:${runtime.smtpPort}   (each message a case, its .eml kept on it)`,
      runtime.clockMode === 'manual'
        ? `  Clock          manual: GET/POST ${runtime.url}/dev/clock {"advance":"P3D"} runs every ladder step due by then`
        : '  Clock          system',
      runtime.devRoutes
        ? `  Dev routes     mounted: /dev/tokens mints anyone's token (demo configuration, ${config.HOST} only)`
        : '  Dev routes     not mounted (sign-in through the identity provider only)',
      '',
      ...(runtime.devRoutes
        ? [
            'Get a token for a demo user, then call the API with it:',
            `  TOKEN=$(curl -s -X POST ${runtime.url}/dev/tokens -H 'content-type: application/json' \\`,
            `    -d '{"sub":"officer-1","agency":"setneg","role":"central_officer"}' | sed 's/.*"token":"\\([^"]*\\)".*/\\1/')`,
            `  curl -s ${runtime.url}/v1/agencies -H "authorization: Bearer $TOKEN"`,
            '',
            'Roles: central_admin, central_officer (agency "setneg"); agency_coordinator, agency_officer',
            '(agencies: atr-bpn → kanwil-bpn-jatim, kanwil-bpn-sulsel; polri; pemprov-bali; pemkot-jayapura; pln).',
          ]
        : []),
      ...runtime.warnings.map((w) => `WARNING: ${w}`),
      `Pantau ready at ${runtime.url} (pid ${process.pid})`,
      '',
    ].join('\n'),
  );
} catch (error) {
  process.stderr.write(
    `${error instanceof JavaMissingError ? '' : 'Pantau failed to start: '}${(error as Error).message}\n`,
  );
  process.exit(1);
}
