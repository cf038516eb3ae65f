import { Function as CloudFrontFunction, FunctionCode, FunctionRuntime } from 'aws-cdk-lib/aws-cloudfront';
import type { Construct } from 'constructs';

/* A viewer-request function rather than custom error responses: those apply to the whole
   distribution and would turn the API's 403 and 404 under /api/* into the page with a 200.
   A path whose last segment has no dot is a page route (/don-vi/THPT001); anything with a
   dot is a file (/assets/index-3f2a.js, /config.json) and stays what it is. */
export const SPA_FALLBACK_CODE = `function handler(event) {
  var request = event.request;
  var last = request.uri.split('/').pop();
  if (last.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;

/** Serves index.html for every route of the single-page app, so a bookmarked or reloaded URL opens the app. */
export class SpaFallback extends CloudFrontFunction {
  constructor(scope: Construct, id: string) {
    super(scope, id, {
      comment: 'dondoc dashboard: page routes to /index.html',
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(SPA_FALLBACK_CODE),
    });
  }
}
