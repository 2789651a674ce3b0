/**
 * The text every WebSocket probe sends once the handshake is done; a healthy server echoes it
 * back, and only then is the observation "OK" (connected and exchanged one message).
 */
export const echoText = "connlab";
