// The upload of an accepted file to the URL Teams gave in the fileConsent invoke (a OneDrive upload session).
// One PUT with the whole file (Content-Range covering every byte), as the Teams bot file API documents.
// The URL is a boundary: only https, or http to this machine (local runs and tests stand a local server there).

/** How long the upload may take; the invoke must be answered soon after (Teams' ~15 s for the file flow). */
export const UPLOAD_TIMEOUT_MS = 10_000;

export function isAllowedUploadUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === 'https:') return true;
  return u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
}

/** The HTTP status of the PUT, or null when it could not be made (refused URL, network, timeout). */
export async function putFile(url: string, file: Buffer): Promise<number | null> {
  if (!isAllowedUploadUrl(url)) return null;
  try {
    const res = await fetch(url, {
      method: 'PUT',
      headers: {
        'Content-Length': String(file.length),
        'Content-Range': `bytes 0-${file.length - 1}/${file.length}`,
      },
      body: new Uint8Array(file),
      signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
    });
    await res.arrayBuffer().catch(() => undefined);
    return res.status;
  } catch {
    return null;
  }
}
