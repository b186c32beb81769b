import { compileMatcher } from '../lib/matcher';
import { newsText, shippedSpec, bigSpec } from './matcher';
const spec = shippedSpec();
const big = compileMatcher(bigSpec(50000)) as any;
const small = compileMatcher(spec) as any;
const proto = Object.getPrototypeOf(big);
let calls = 0, sparse = 0;
const orig = proto.collect;
proto.collect = function (...args: unknown[]) { calls++; return orig.apply(this, args); };
const origS = proto.sparseRun;
proto.sparseRun = function (...args: unknown[]) { sparse++; return origS.apply(this, args); };
const a = big.parts.automaton;
console.log('states', a.numStates, 'nc', a.numClasses, 'dense', a.denseStates);
for (const every of [200, 1e9]) {
  const t = newsText({ chars: 1_500_000, mentionEvery: every, mentions: spec.aliases.map((a) => a.text) });
  for (const [name, m] of [['small', small], ['big', big]] as const) {
    calls = 0; sparse = 0;
    const r = m.scan(t);
    const t0 = performance.now();
    for (let k = 0; k < 20; k++) m.scan(t);
    const rate = (20 * t.length / 1e6) / ((performance.now() - t0) / 1000);
    console.log(every, name, 'matches', r.length, 'collect', calls, 'sparse', sparse, 'cands', m.candCount, rate.toFixed(0), 'MB/s');
  }
}
