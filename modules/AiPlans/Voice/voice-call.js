// The member's voice consultation in the browser: starts a Vapi web call for the gym's assistant with the call token
// Derrimut issued for this member (decision 0060) and reports the call's state back to the Blazor page. Bundled with
// Vapi's web SDK by build.mjs into the module's static files at build time, so nothing loads from a CDN.
import vapiModule from '@vapi-ai/web';

// The SDK is CommonJS with its class on `default`; bundled as ES module, the default import is the module object.
const Vapi = vapiModule.default ?? vapiModule;

let current = null;

/**
 * True when this document was loaded at its current path. The voice page's Content-Security-Policy (which lets the
 * call reach Vapi and Daily) comes with the document: after an in-app navigation the document still has the policy
 * of the page it was first loaded for, so the page reloads itself once before a call.
 */
export function documentAllowsCalls() {
  const entry = performance.getEntriesByType('navigation')[0];
  return !!entry && new URL(entry.name).pathname === location.pathname;
}

/** Starts a call and returns at once; what happens next goes to the page's [JSInvokable] methods. */
export function start(publicKey, assistantId, variableName, callToken, page) {
  connect(publicKey, assistantId, variableName, callToken, page);
}

async function connect(publicKey, assistantId, variableName, callToken, page) {
  stop();
  let failed = false;
  const fail = (reason) => {
    if (!failed) {
      failed = true;
      page.invokeMethodAsync('OnCallFailed', describe(reason));
    }
  };
  try {
    // avoidEval: Daily loads its call machine with a script element (allowed by the page's policy), never eval().
    const vapi = new Vapi(publicKey, undefined, { avoidEval: true });
    current = vapi;
    vapi.on('call-start', () => page.invokeMethodAsync('OnCallStarted'));
    vapi.on('call-end', () => { if (!failed) page.invokeMethodAsync('OnCallEnded'); });
    vapi.on('error', fail);
    const call = await vapi.start(assistantId, { variableValues: { [variableName]: callToken } });
    if (!call) {
      fail('Vapi did not start the call.');
    }
  } catch (error) {
    fail(error);
  }
}

/** Ends the call, if one is on. */
export function stop() {
  const vapi = current;
  current = null;
  if (vapi) {
    try {
      vapi.stop();
    } catch {
      // Already ended.
    }
  }
}

function describe(reason) {
  if (typeof reason === 'string') return reason;
  const message = reason?.error?.message ?? reason?.errorMsg ?? reason?.message ?? reason?.error;
  return typeof message === 'string' ? message : 'The call could not be connected.';
}
