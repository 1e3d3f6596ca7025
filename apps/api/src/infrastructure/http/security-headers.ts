import { type SecurityHeadersOptions } from '@nestjs/common';

/**
 * Sent with every answer, console and API alike (so a JSON or problem answer can never be sniffed
 * into HTML, nor any page framed). The policy is the console's: its built `index.html` loads only
 * same-origin module scripts and stylesheets (no inline script), antd writes its CSS-in-JS into
 * `<style>` elements (hence `'unsafe-inline'` for styles only), and the live updates are an
 * EventSource to the same origin. No `upgrade-insecure-requests`: the embedded default is served
 * over plain HTTP, where it would break every asset. HSTS is left to the TLS terminator in front.
 */
export const SECURITY_HEADERS: SecurityHeadersOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      baseUri: ["'self'"],
      connectSrc: ["'self'"],
      fontSrc: ["'self'", 'data:'],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      imgSrc: ["'self'", 'data:'],
      objectSrc: ["'none'"],
      scriptSrc: ["'self'"],
      scriptSrcAttr: ["'none'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
    },
  },
  xFrameOptions: { action: 'deny' },
  xContentTypeOptions: true,
  referrerPolicy: { policy: 'no-referrer' },
  crossOriginOpenerPolicy: { policy: 'same-origin' },
  // Each header costs every answer, the hot data-API list included: helmet's legacy and
  // niche headers add nothing the ones above do not already give a current browser.
  crossOriginResourcePolicy: false,
  originAgentCluster: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
  strictTransportSecurity: false,
};
