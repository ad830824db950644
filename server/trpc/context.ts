import type { AuthDeps } from '../auth/requestAuth';
import type { Services } from '../services';

export interface TrpcContext {
  services: Services;
  auth: AuthDeps;
  request: Request;
}
