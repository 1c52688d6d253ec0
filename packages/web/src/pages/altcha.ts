/**
 * The ALTCHA widget as the console's Content-Security-Policy allows it, on AWS (CloudFront's
 * policy, infra/web.ts) as embedded: its "external" build, whose stylesheet is a file of this
 * origin (not a `<style>` element the policy refuses) and whose proof-of-work runs in a worker
 * script of this origin (not one made from a `blob:` URL). The main build does both inline: under
 * the policy its worker never started, the widget said "Verifikasi gagal", and no complaint
 * could be sent through the form.
 */
import 'altcha/external';
import 'altcha/altcha.css';
import 'altcha/i18n/id';
import Pbkdf2Worker from 'altcha/workers/pbkdf2?worker';

// The server's challenges (packages/api/src/proof-of-work.ts) are PBKDF2/SHA-256.
globalThis.$altcha.algorithms.set('PBKDF2/SHA-256', () => new Pbkdf2Worker());
