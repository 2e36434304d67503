/** A service's refusal inside a dialog (wrong passphrase, unreadable file): nothing else changed. */
export function DialogError({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="form-error" role="alert">
      {message}
    </p>
  );
}
