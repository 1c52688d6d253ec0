/** Parsing of the app's context values (`-c key=value`) that need more than a default. */

/** A comma-separated list, items trimmed, empty items dropped. */
export const list = (value: string): string[] =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

/**
 * The extra OAuth redirect or sign-out URLs of `key` (`callbackUrls`, `logoutUrls`). Cognito
 * takes only https URLs, and http for `localhost` alone (not 127.0.0.1, not ::1): caught here
 * with the reason, instead of as a failed user pool client update in the middle of a deploy.
 */
export const redirectUrls = (key: string, value: string): string[] =>
  list(value).map((url) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error(`${key}: ${url} is not an absolute URL (https://host/path)`);
    }
    const ok =
      parsed.protocol === 'https:' ||
      (parsed.protocol === 'http:' && parsed.hostname === 'localhost');
    if (!ok) {
      throw new Error(
        `${key}: ${url} is refused: Cognito takes https URLs, and http only for ` +
          'http://localhost (e.g. http://localhost:3000/auth/callback; not 127.0.0.1)',
      );
    }
    return url;
  });
