// Lambda@Edge on the origin responses of the bucket's behaviour only (never /api/*): a page the bucket does not hold
// (S3 answers 404) gets the shop's own /404.html, with status 404. A CloudFront custom error response would do the same
// for every behaviour, replacing the APIs' problem+json 404s too. Lambda@Edge never sees the origin's body, so the page
// is read through the distribution itself (cached there like any page); should that fail, a minimal page stands in.
'use strict';

const PAGE = '/404.html';
const FALLBACK = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Page not found</title></head>'
    + '<body><h1>Page not found</h1><p><a href="/">Back to the shop</a></p></body></html>';

async function notFoundPage(domain, uri) {
  if (uri === PAGE) {
    return FALLBACK; // the 404 page itself is missing: asking for it again would only come back here
  }
  try {
    const page = await fetch('https://' + domain + PAGE, { signal: AbortSignal.timeout(2000) });
    if (page.ok) {
      return await page.text();
    }
    console.log('404 page answered ' + page.status);
  } catch (e) {
    console.log('404 page not read: ' + e);
  }
  return FALLBACK;
}

exports.handler = async (event) => {
  const { config, request, response } = event.Records[0].cf;
  if (response.status !== '404') {
    return response;
  }
  response.body = await notFoundPage(config.distributionDomainName, request.uri);
  response.bodyEncoding = 'text';
  response.statusDescription = 'Not Found';
  response.headers['content-type'] = [{ key: 'Content-Type', value: 'text/html; charset=utf-8' }];
  response.headers['cache-control'] = [{ key: 'Cache-Control', value: 'max-age=60' }];
  delete response.headers['content-length'];
  return response;
};
