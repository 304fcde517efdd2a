import { describe, expect, it } from 'vitest';
import { isMissingMethod } from './hub';

describe('calls an older server does not offer', () => {
  it('are a missing method or arguments the server could not bind (reported without detail)', () => {
    expect(isMissingMethod(new Error("Failed to invoke 'WatchBook' due to an error on the server. HubException: Method does not exist."))).toBe(true);
    expect(isMissingMethod(new Error("Failed to invoke 'WatchRanking' due to an error on the server."))).toBe(true);
  });

  it('are not a failure the method itself reported', () => {
    expect(isMissingMethod(new Error("An unexpected error occurred invoking 'Watch' on the server. HubException: Unknown stock code '123456': it is not in the stock master."))).toBe(false);
    expect(isMissingMethod(new Error("Failed to invoke 'WatchBook' due to an error on the server. HubException: 005930 is not the watched stock."))).toBe(false);
  });
});
