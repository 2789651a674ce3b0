import type { TrustedCa } from "@connlab/servers";
import type { Setting } from "../observation.ts";

/**
 * How each client is told to trust one more CA, the way a user does it, and the setting each
 * observation then records. Verification always stays on: the CA is added, nothing is skipped.
 */
const withoutIt = {
  es: "Sin ella, el cliente solo confía en su almacén de CA por defecto, que no tiene la CA del laboratorio: falla como en la fila del fallo.",
  en: "Without it the client trusts only its default CA store, which lacks the lab's CA: it fails as in the broken row.",
};

/** Node reads NODE_EXTRA_CA_CERTS once, at start-up: the client runs in a process of its own. */
export function nodeTrust(trust: TrustedCa): { env: Record<string, string>; setting: Setting } {
  return {
    env: { NODE_EXTRA_CA_CERTS: trust.file },
    setting: { setting: "NODE_EXTRA_CA_CERTS=ca.pem", where: "environment", defaultNote: withoutIt },
  };
}

export function curlTrust(trust: TrustedCa): { args: string[]; setting: Setting } {
  return {
    args: ["--cacert", trust.file],
    setting: { setting: "--cacert ca.pem", where: "command line", defaultNote: withoutIt },
  };
}

/**
 * Chromium on Linux takes extra CAs from an NSS database (certutil), which this machine lacks;
 * the flag that names the CA's key does the same for chains that contain that key, and only
 * with a user-data dir of its own (Playwright gives every launch a fresh one).
 */
export function chromiumTrust(trust: TrustedCa): { args: string[]; setting: Setting } {
  const flag = "--ignore-certificate-errors-spki-list";
  return {
    args: [`${flag}=${trust.spkiSha256.join(",")}`],
    setting: {
      setting: `${flag}=CA_KEY_SHA256`,
      where: "command line",
      defaultNote: {
        es: "Sin ella, Chromium solo confía en su almacén de CA (y en el de NSS del usuario, donde `certutil` o chrome://settings/certificates añaden una CA): falla como en la fila del fallo.",
        en: "Without it Chromium trusts only its CA store (and the user's NSS store, where `certutil` or chrome://settings/certificates add a CA): it fails as in the broken row.",
      },
    },
  };
}

/**
 * Firefox keeps its own store in its profile (cert9.db): the CA goes there, as `certutil` or
 * Settings › Certificates › Import puts it, before the browser starts (firefox.ts).
 */
export function firefoxTrust(): Setting {
  return {
    setting: "certutil -d sql:PROFILE -A -t C,, -i ca.pem",
    where: "browser profile",
    defaultNote: {
      es: "Sin ella, Firefox solo confía en su propio almacén de CA (y en las que importas en Ajustes › Privacidad y seguridad › Certificados): falla como en la fila del fallo.",
      en: "Without it Firefox trusts only its own CA store (and those you import under Settings › Privacy & Security › Certificates): it fails as in the broken row.",
    },
  };
}
