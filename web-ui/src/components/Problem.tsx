import { ApiError, fieldMessage, type FieldError as ServerFieldError } from '../lib/api/client';
import { useApp } from '../lib/session';

/** The code of a change that needs the admin to sign in again (their own rights act). */
export const SIGN_IN_AGAIN = 'refusal.sign-in-again';

/** Whether the failure asks the user to sign in again before the change can be retried. */
export function asksToSignInAgain(failure: unknown): boolean {
  return failure instanceof ApiError && failure.problem.errors.some((e) => e.code === SIGN_IN_AGAIN);
}

/** The one way a failed request shows: a conflict, the field errors, or the server's message. */
export function ProblemMessage({ failure, errors = failure.problem.errors }: { failure: ApiError; errors?: ServerFieldError[] }) {
  const { t } = useApp();
  const { status } = failure.problem;
  if (asksToSignInAgain(failure)) {
    return (
      <div className="field-error" role="alert" data-testid="form-error">
        <p>{fieldMessage(failure.problem.errors.find((e) => e.code === SIGN_IN_AGAIN)!)}</p>
        <a className="button" href="/oauth/login/keycloak" data-testid="sign-in-again">
          {t('auth.signInAgain')}
        </a>
      </div>
    );
  }
  return (
    <div className="field-error" role="alert" data-testid="form-error">
      {status === 409 && <p>{t('error.conflict')}</p>}
      {status === 403 && <p>{t('error.forbidden')}</p>}
      {status >= 500 && <p>{t('error.generic')}</p>}
      {failure.problem.errors.length === 0 && status !== 409 && status !== 403 && status < 500 && <p>{failure.message}</p>}
      {status === 409
        ? // a conflict is said above; only what the server says in a code of its own adds to it
          errors
            .filter((e) => e.code && e.code !== 'refusal.stale-version')
            .map((e) => <p key={e.field}>{fieldMessage(e)}</p>)
        : errors.map((e) => (
            <p key={e.field}>
              {e.field}: {fieldMessage(e)}
            </p>
          ))}
    </div>
  );
}
