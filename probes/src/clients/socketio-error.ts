/**
 * A Socket.IO "connect_error" as an app logs it, the three fields Socket.IO's docs print
 * (`err.message`, `err.description`, `err.context`): for a refused poll, the status and the
 * body the server answered with. Plain data in, so a page can send its error across as well.
 */
export interface ConnectError {
  readonly message: string;
  /** Engine.IO's TransportError: the HTTP status of the refused request. */
  readonly type?: string;
  readonly description?: unknown;
  /** The XMLHttpRequest's body, where the request got an answer. */
  readonly responseText?: string;
}

/** [code, message] of the observation: the error's own type and its logged fields. */
export function connectErrorText(error: Error | ConnectError): [string, string] {
  const fields = error as ConnectError & { context?: { responseText?: unknown } };
  const responseText = fields.responseText ?? fields.context?.responseText;
  const parts = [
    `connect_error: ${error.message}`,
    ...(fields.description !== undefined ? [`description: ${String(fields.description)}`] : []),
    ...(typeof responseText === "string" ? [`context.responseText: ${responseText}`] : []),
  ];
  return [fields.type ?? "SOCKETIO_CONNECT_ERROR", parts.join("; ")];
}
