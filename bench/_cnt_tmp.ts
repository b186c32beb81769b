import { compileMatcher } from '../lib/matcher';
import { shippedSpec } from './matcher';
const m = compileMatcher(shippedSpec()) as any;
const a = m.parts.automaton;
console.log(a.numStates, a.numClasses, a.denseStates, a.maxDepth);
