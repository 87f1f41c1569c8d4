// Bundles voice-call.js and Vapi's web SDK into ../wwwroot/voice/ (run by the AiPlans project's build; see
// Derrimut.AiPlans.csproj and decision 0060). One ES module the page imports from the app's own origin.
import { build } from 'esbuild';

await build({
  entryPoints: ['voice-call.js'],
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['es2020'],
  minify: true,
  legalComments: 'eof',
  outfile: '../wwwroot/voice/voice-call.js',
  logLevel: 'warning',
});
