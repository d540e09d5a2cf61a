import { contractSuite } from './contract.suite';
import { realTargetConfig, startLocalTarget, startRealTarget, type Target } from './target';

jest.setTimeout(60_000);

describe('CloudBase contract: local cloud', () => {
  let target: Target;
  beforeAll(async () => {
    target = await startLocalTarget();
  });
  afterAll(() => target.close());
  contractSuite(() => target);
});

const real = realTargetConfig();
if (!real) {
  console.log('CloudBase contract against a real environment SKIPPED: set TCB_ENV, TCB_SECRET_ID and TCB_SECRET_KEY to run it');
}
(real ? describe : describe.skip)(`CloudBase contract: real environment (${real ? real.env : 'skipped: TCB_ENV, TCB_SECRET_ID, TCB_SECRET_KEY not set'})`, () => {
  let target: Target;
  beforeAll(async () => {
    target = await startRealTarget();
  });
  afterAll(() => target?.close());
  contractSuite(() => target);
});
