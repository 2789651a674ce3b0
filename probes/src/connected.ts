/**
 * The code every client reports when it connected and exchanged one message. Its own module so
 * clients, which also run in small child processes, do not load the schemas to get it.
 */
export const CONNECTED = "OK";
