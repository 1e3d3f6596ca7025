'use strict';

/**
 * What `qs` (Refine's address parser) needs of `side-channel`: a private map from objects to values. The
 * package itself brings `object-inspect` and `get-intrinsic` (~10 KB gzip on every page of the console) to
 * describe keys in its error messages; this one names the missing key's type instead. Aliased in
 * vite.config.ts for the console only.
 */
module.exports = function getSideChannel() {
  const objects = new WeakMap();
  const others = new Map();
  const mapOf = (key) =>
    (typeof key === 'object' && key !== null) || typeof key === 'function' ? objects : others;
  const channel = {
    assert(key) {
      if (!mapOf(key).has(key)) throw new TypeError(`Side channel does not contain the ${typeof key} key`);
    },
    get: (key) => mapOf(key).get(key),
    has: (key) => mapOf(key).has(key),
    set(key, value) {
      mapOf(key).set(key, value);
    },
    delete: (key) => mapOf(key).delete(key),
  };
  return channel;
};
