/**
 * The one door into the services from either transport: checks the method name and every
 * argument against the API contract, then turns the result (or the error) into an Outcome.
 */
import { isApiMethod, type CuesmithApi, type Outcome } from '../../shared/api';
import { ARGUMENT_CHECKS } from '../../shared/api-checks';
import { checkArguments } from '../../shared/validate';
import { UserError } from './user-error';

export async function dispatch(api: CuesmithApi, method: unknown, args: unknown): Promise<Outcome<unknown>> {
  if (!isApiMethod(method)) return { ok: false, error: 'Unknown API method.' };
  if (!Array.isArray(args)) return { ok: false, error: `${method}: arguments must be a list.` };
  const problem = checkArguments(ARGUMENT_CHECKS[method], args);
  if (problem) return { ok: false, error: `${method}: ${problem}.` };
  try {
    const call = api[method] as (...a: unknown[]) => Promise<unknown>;
    return { ok: true, value: await call.apply(api, args) };
  } catch (error) {
    if (error instanceof UserError) return { ok: false, error: error.message };
    console.error(`cuesmith: ${method} failed:`, error);
    return { ok: false, error: `Something went wrong (${method}): ${error instanceof Error ? error.message : String(error)}` };
  }
}
