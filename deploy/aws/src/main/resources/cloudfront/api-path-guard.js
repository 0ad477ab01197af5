// CloudFront Function (cloudfront-js-2.0) on the viewer requests of /api/*. It refuses, before CloudFront picks the
// ALB, every path that a service could resolve to somewhere other than where its prefix routed it: the services
// resolve dot segments and percent-encoding themselves, so /api/carts/../../q/metrics or
// /api/accounts/%2e%2e/%2e%2e/q/metrics would be routed by the public prefix and answered by /q/metrics.
// Refused: a "." or ".." segment (raw, percent-encoded in any case, or followed by ";parameters"), an encoded slash,
// any backslash, an encoded dot, slash or backslash encoded a second time, a control character, a path that does not
// decode. No page or API path of the shop uses any of these. The local edge applies the same rules
// (deploy/local-shop RequestPaths).
function isSafe(uri) {
  if (typeof uri !== 'string' || uri.charAt(0) !== '/') {
    return false;
  }
  var raw = uri.toLowerCase();
  if (raw.indexOf('%2f') >= 0 || raw.indexOf('\\') >= 0) {
    return false;
  }
  var decoded;
  try {
    decoded = decodeURIComponent(uri);
  } catch (e) {
    return false;
  }
  if (decoded.indexOf('\\') >= 0 || /[\u0000-\u001f\u007f]/.test(decoded)) {
    return false;
  }
  var twice = decoded.toLowerCase();
  if (twice.indexOf('%2e') >= 0 || twice.indexOf('%2f') >= 0 || twice.indexOf('%5c') >= 0) {
    return false;
  }
  var segments = decoded.split('/');
  for (var i = 0; i < segments.length; i++) {
    var name = segments[i].split(';')[0];
    if (name === '.' || name === '..') {
      return false;
    }
  }
  return true;
}

function handler(event) {
  var request = event.request;
  if (isSafe(request.uri)) {
    return request;
  }
  return {
    statusCode: 400,
    statusDescription: 'Bad Request',
    headers: { 'content-type': { value: 'application/problem+json' } },
    body: {
      encoding: 'text',
      data: JSON.stringify({
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        detail: 'The path has a dot segment, an encoded slash or a backslash; send the resolved path instead'
      })
    }
  };
}
