type SessionLostHandler = () => void;

let handler: SessionLostHandler | null = null;

/** The router registers here what to do when the server says the session is gone. */
export function onSessionLost(next: SessionLostHandler): () => void {
  handler = next;
  return () => {
    if (handler === next) handler = null;
  };
}

export function notifySessionLost(): void {
  handler?.();
}
